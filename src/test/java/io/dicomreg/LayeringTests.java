package io.dicomreg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the layers apart: commands see services and records, never MSAL, Graph SDK or sandbox
 * types; the sandbox stands alone; the certificate file reader ({@code pki}) serves both sign-in and
 * the services, and depends on neither.
 */
class LayeringTests {

	private static final Path SOURCES = Path.of("src/main/java/io/dicomreg");

	@ParameterizedTest
	@CsvSource({ "cli, com.microsoft.", "cli, io.dicomreg.sandbox", "output, com.microsoft.", "error, com.microsoft.",
			"output, io.dicomreg.", "sandbox, io.dicomreg.cli", "sandbox, io.dicomreg.auth", "sandbox, org.springframework",
			"auth, io.dicomreg.graph", "auth, io.dicomreg.cli", "auth, io.dicomreg.apps", "launch, io.dicomreg.",
			"launch, org.springframework", "pki, io.dicomreg.", "pki, com.microsoft.", "pki, org.springframework" })
	void packageDoesNotImport(String layer, String forbidden) throws IOException {
		String ownPackage = "io.dicomreg." + layer;
		assertThat(importsOf(SOURCES.resolve(layer)))
			.filteredOn(line -> !line.startsWith("import " + ownPackage) && !line.startsWith("import io.dicomreg.error")
					|| forbidden.startsWith(ownPackage))
			.noneMatch(line -> line.startsWith("import " + forbidden) || line.startsWith("import static " + forbidden));
	}

	private static List<String> importsOf(Path directory) throws IOException {
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter(file -> file.toString().endsWith(".java")).flatMap(LayeringTests::lines)
				.filter(line -> line.startsWith("import ")).toList();
		}
	}

	private static Stream<String> lines(Path file) {
		try {
			return Files.readAllLines(file).stream();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
