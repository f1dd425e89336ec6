package io.dicomreg.cli.completion;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which options complete file paths.
 */
class FilePathCompleterTests {

	private final FilePathCompleter completer = new FilePathCompleter();

	@ParameterizedTest
	@CsvSource({ "login, secret-file, true", "login, certificate, true", "cert upload, file, true",
			"secret add, save-to, true", "cert create, out, true", "walkthrough, save-script, true",
			"secret add, description, false", "app register, name, false" })
	void completesPathsForOptionsThatNameFiles(String command, String option, boolean supported) {
		assertThat(this.completer.supports(command, option)).isEqualTo(supported);
	}

	@ParameterizedTest
	@CsvSource({ "script, true", "record start, true", "app use, false", "secret remove, false" })
	void completesPathsForArgumentsThatNameFiles(String command, boolean supported) {
		assertThat(this.completer.supports(command, null)).isEqualTo(supported);
	}

}
