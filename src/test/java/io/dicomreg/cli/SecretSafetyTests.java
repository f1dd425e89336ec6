package io.dicomreg.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.support.TestShell;

import static io.dicomreg.cli.SecretCommandsTests.SECRET_SHAPE;
import static io.dicomreg.cli.SecretCommandsTests.secretIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session that creates client secrets in every way, searched everywhere for secret values: each
 * appears only where the user asked to see it.
 */
class SecretSafetyTests {

	@TempDir
	Path directory;

	private final ObjectMapper json = new ObjectMapper();

	private final Map<String, String> places = new LinkedHashMap<>();

	@Test
	void secretValuesAppearOnlyInTheTableOutputTheSaveToFileAndJsonWithShowSecret() throws Exception {
		Path home = this.directory.resolve("home");
		Path state = this.directory.resolve("tenant.json");
		TestShell shell = new TestShell(home, "--sandbox-state", state.toString());
		run(shell, "login", "login");
		String appId = this.json.readTree(run(shell, "register", "--output", "json", "app", "register", "--name",
				"DICOM client").out()).path("appId").asText();

		String tableValue = secretIn(run(shell, "table", "secret", "add", "--app", appId, "--description", "shown").out());
		Path saveTo = this.directory.resolve("saved-secret.txt");
		run(shell, "saved", "secret", "add", "--app", appId, "--save-to", saveTo.toString(), "--description", "saved");
		JsonNode hidden = this.json.readTree(run(shell, "saved json", "--output", "json", "secret", "add", "--app", appId,
				"--save-to", this.directory.resolve("saved-json.txt").toString()).out());
		TestShell.Result nowhere = shell.run("--output", "json", "secret", "add", "--app", appId);
		assertThat(nowhere.exitCode()).as("a JSON secret add with nowhere to put the value is refused").isEqualTo(2);
		assertThat(nowhere.err()).contains("--save-to").contains("--show-secret");
		this.places.put("refused json stdout", nowhere.out());
		this.places.put("refused json stderr", nowhere.err());
		String shownValue = this.json.readTree(run(shell, "json shown", "--output", "json", "secret", "add", "--app", appId,
				"--show-secret").out()).path("secretText").asText();
		run(shell, "refused save", "secret", "add", "--app", appId, "--save-to", saveTo.toString());
		run(shell, "list", "secret", "list", "--app", appId);
		run(shell, "list json", "--output", "json", "secret", "list", "--app", appId);
		run(shell, "verbose list", "--verbose", "secret", "list", "--app", appId);
		run(shell, "remove", "secret", "remove", hidden.path("keyId").asText(), "--app", appId);
		run(shell, "whoami", "whoami");
		String savedValue = Files.readString(saveTo);
		this.places.put("file " + saveTo, savedValue);
		filesUnder(home).forEach(file -> this.places.put("file " + file, read(file)));
		this.places.put("state file", read(state));

		assertThat(List.of(tableValue, savedValue, shownValue)).allMatch(value -> SECRET_SHAPE.matcher(value).matches())
			.doesNotHaveDuplicates();
		Map<String, Set<String>> found = new LinkedHashMap<>();
		this.places.forEach((place, text) -> {
			Set<String> values = secretsIn(text);
			if (!values.isEmpty()) {
				found.put(place, values);
			}
		});
		assertThat(found).containsExactlyInAnyOrderEntriesOf(Map.of("table out", Set.of(tableValue),
				"file " + saveTo, Set.of(savedValue), "json shown out", Set.of(shownValue)));
		assertThat(this.places).containsKeys("state file", "login err");
		assertThat(this.places.keySet()).anyMatch(place -> place.contains("cache"));
	}

	private TestShell.Result run(TestShell shell, String label, String... words) {
		TestShell.Result result = shell.run(words);
		this.places.put(label + " out", result.out());
		this.places.put(label + " err", result.err());
		return result;
	}

	private static Set<String> secretsIn(String text) {
		Matcher matcher = SECRET_SHAPE.matcher(text);
		return matcher.results().map(match -> match.group()).collect(Collectors.toSet());
	}

	private static List<Path> filesUnder(Path directory) throws Exception {
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter(Files::isRegularFile).toList();
		}
	}

	private static String read(Path file) {
		try {
			return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
