package io.dicomreg.cli.completion;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which options and arguments complete file paths: those declared as naming files.
 */
class FilePathCompletionTests {

	@TempDir
	static Path directory;

	private final CompletionHarness completion = new CompletionHarness();

	@ParameterizedTest
	@CsvSource({ "login, secret-file, true", "login, certificate, true", "cert upload, file, true",
			"secret add, save-to, true", "cert create, out, true", "walkthrough, save-script, true",
			"secret add, description, false", "app register, name, false" })
	void completesPathsForOptionsThatNameFiles(String command, String option, boolean completes) throws Exception {
		Path file = Files.writeString(directory.resolve("completion-" + option + ".txt"), "x");
		String[] words = (command + " --" + option + " " + directory + "/completion-" + option).split(" ");

		assertThat(this.completion.complete(words).stream().anyMatch(value -> value.endsWith(file.getFileName().toString())))
			.isEqualTo(completes);
	}

	@ParameterizedTest
	@CsvSource({ "script, true", "record start, true", "app use, false", "secret remove, false" })
	void completesPathsForArgumentsThatNameFiles(String command, boolean completes) throws Exception {
		String name = "argument-" + command.replace(' ', '-') + ".txt";
		Files.writeString(directory.resolve(name), "x");
		String[] words = (command + " " + directory + "/argument-" + command.replace(' ', '-')).split(" ");

		assertThat(this.completion.complete(words).stream().anyMatch(value -> value.endsWith(name))).isEqualTo(completes);
	}

}
