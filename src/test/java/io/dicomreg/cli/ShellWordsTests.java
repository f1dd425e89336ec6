package io.dicomreg.cli;

import org.junit.jupiter.api.Test;

import io.dicomreg.error.DicomregException;
import io.dicomreg.error.ExitCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShellWordsTests {

	@Test
	void splitsOnWhitespace() {
		assertThat(ShellWords.split("  app   register --name x ")).containsExactly("app", "register", "--name", "x");
	}

	@Test
	void doubleQuotesKeepSpacesAndHonourEscapes() {
		assertThat(ShellWords.split("app register --name \"DICOM \\\"client\\\" app\""))
			.containsExactly("app", "register", "--name", "DICOM \"client\" app");
	}

	@Test
	void singleQuotesKeepEverythingLiterally() {
		assertThat(ShellWords.split("x --name 'a \\ \"b\"'")).containsExactly("x", "--name", "a \\ \"b\"");
	}

	@Test
	void backslashOutsideQuotesEscapesTheNextCharacter() {
		assertThat(ShellWords.split("x --name DICOM\\ client")).containsExactly("x", "--name", "DICOM client");
	}

	@Test
	void emptyQuotesMakeAnEmptyWord() {
		assertThat(ShellWords.split("x --name \"\"")).containsExactly("x", "--name", "");
	}

	@Test
	void unclosedQuoteIsAUsageErrorThatDoesNotEchoTheLine() {
		assertThatThrownBy(() -> ShellWords.split("login --name \"secretish"))
			.isInstanceOfSatisfying(DicomregException.class, ex -> {
				assertThat(ex.getExitCode()).isEqualTo(ExitCode.USAGE);
				assertThat(ex.getMessage()).contains("Unclosed double quote").doesNotContain("secretish");
			});
	}

}
