package io.dicomreg.cli.completion;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommandLineCompleterTests {

	@Test
	void valuesWithSpacesAreEscapedForTheParser() {
		assertThat(CommandLineCompleter.quoted("DICOM client", false)).isEqualTo("DICOM\\ client");
		assertThat(CommandLineCompleter.quoted("it's", false)).isEqualTo("it\\'s");
		assertThat(CommandLineCompleter.quoted("plain", false)).isEqualTo("plain");
	}

	@Test
	void insideAnOpenDoubleQuoteTheQuoteIsClosed() {
		assertThat(CommandLineCompleter.quoted("DICOM client", true)).isEqualTo("DICOM client\"");
		assertThat(CommandLineCompleter.quoted("say \"hi\"", true)).isEqualTo("say \\\"hi\\\"\"");
	}

}
