package io.dicomreg.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.it.ProcessRunner.Run;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar's interactive shell creating client secrets: the values stay out of the shell's
 * output (unless shown on purpose), its history and every file in the dicomreg home.
 */
class CredentialsJarIT {

	private static final Pattern SECRET_SHAPE = Pattern.compile("[A-Za-z0-9]{3}8Q~[A-Za-z0-9_.~-]{34}");

	@TempDir
	Path directory;

	@Test
	void aSecretSavedToAFileIsNeitherInTheShellOutputNorInItsHistory() throws Exception {
		Path saved = this.directory.resolve("repl-secret.txt");
		Path state = this.directory.resolve("tenant.json");
		Path home = this.directory.resolve("home");
		String input = String.join("\n", "login",
				"app register --name \"REPL client\"",
				"secret add --app \"REPL client\" --description REPL --save-to " + saved,
				"secret list --app \"REPL client\"",
				"cert create --subject \"CN=REPL client\" --out " + this.directory.resolve("repl"),
				"cert upload --app \"REPL client\" --file " + this.directory.resolve("repl.crt"),
				"exit", "");

		Run run = ProcessRunner.dicomreg(home, "--sandbox-state", state.toString()).input(input).run();

		assertThat(run.exitCode()).as(run.err()).isZero();
		String secret = Files.readString(saved);
		assertThat(secret).matches(SECRET_SHAPE);
		assertThat(run.out()).containsPattern("Saved to +" + Pattern.quote(saved.toString()))
			.contains("REPL", secret.substring(0, 3))
			.containsPattern("Changed +true")
			.doesNotContain(secret);
		assertThat(SECRET_SHAPE.matcher(run.out() + run.err()).find()).isFalse();
		Path history = home.resolve("history");
		assertThat(history).exists();
		assertThat(Files.readString(history)).contains("secret add").doesNotContain(secret);
		assertThat(filesUnder(home)).allSatisfy(file -> assertThat(secretsIn(file)).isEmpty());
		assertThat(secretsIn(state)).isEmpty();
	}

	private static List<Path> filesUnder(Path directory) throws IOException {
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter(Files::isRegularFile).toList();
		}
	}

	private static List<String> secretsIn(Path file) throws IOException {
		Matcher matcher = SECRET_SHAPE.matcher(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
		return matcher.results().map(match -> match.group()).toList();
	}

}
