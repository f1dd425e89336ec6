package io.dicomreg.cli.script;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.dicomreg.error.DicomregException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reading a script: comments, blank lines and continuation lines.
 */
class ScriptFileTests {

	@Test
	void commentAndBlankLinesAreSkippedAndLineNumbersKept() {
		List<ScriptLine> lines = ScriptFile.parse("s", List.of("# a comment", "", "app ids", "   # indented comment",
				"  ", "auth show"));
		assertThat(lines).containsExactly(new ScriptLine(3, "app ids"), new ScriptLine(6, "auth show"));
	}

	@Test
	void aTrailingBackslashGoesOnOnTheNextLine() {
		List<ScriptLine> lines = ScriptFile.parse("s", List.of("app register --name \"DICOM client\" \\",
				"    --unique-name dicom-client", "app ids"));
		assertThat(lines).containsExactly(
				new ScriptLine(1, "app register --name \"DICOM client\" --unique-name dicom-client"),
				new ScriptLine(3, "app ids"));
	}

	@Test
	void aContinuedLineMayStartWithAHashAndBeNoComment() {
		List<ScriptLine> lines = ScriptFile.parse("s", List.of("secret add \\", "#not-a-comment"));
		assertThat(lines).containsExactly(new ScriptLine(1, "secret add #not-a-comment"));
	}

	@Test
	void anEscapedBackslashAtTheEndDoesNotContinue() {
		List<ScriptLine> lines = ScriptFile.parse("s", List.of("cert upload --file C:\\\\", "app ids"));
		assertThat(lines).extracting(ScriptLine::number).containsExactly(1, 2);
	}

	@Test
	void blanksAfterTheBackslashStillContinue() {
		assertThat(ScriptFile.parse("s", List.of("app ids \\  ", "  --app x"))).containsExactly(new ScriptLine(1, "app ids --app x"));
	}

	@Test
	void aContinuationIntoTheEndOfTheFileIsAnError() {
		assertThatExceptionOfType(DicomregException.class)
			.isThrownBy(() -> ScriptFile.parse("setup.dicomreg", List.of("app ids", "auth show \\")))
			.withMessageStartingWith("setup.dicomreg:2: the command goes on with \\ at the end of the file");
	}

}
