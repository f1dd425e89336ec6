package io.dicomreg.cli.completion;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommandLineCompleterTests {

	@Test
	void valuesWithSpacesAreEscapedForTheParser() {
		assertThat(CommandLineCompleter.quoted("DICOM client", (char) 0)).isEqualTo("DICOM\\ client");
		assertThat(CommandLineCompleter.quoted("it's", (char) 0)).isEqualTo("it\\'s");
		assertThat(CommandLineCompleter.quoted("plain", (char) 0)).isEqualTo("plain");
	}

	@Test
	void insideAnOpenDoubleQuoteTheQuoteIsClosed() {
		assertThat(CommandLineCompleter.quoted("DICOM client", '"')).isEqualTo("DICOM client\"");
		assertThat(CommandLineCompleter.quoted("say \"hi\"", '"')).isEqualTo("say \\\"hi\\\"\"");
	}

	@Test
	void insideAnOpenSingleQuoteTheQuoteIsClosed() {
		assertThat(CommandLineCompleter.quoted("DICOM client", '\'')).isEqualTo("DICOM client'");
		assertThat(CommandLineCompleter.quoted("it's", '\'')).isEqualTo("it'\\''s'");
	}

	@Test
	void findsTheQuoteLeftOpenAtTheCursor() {
		assertThat(CommandLineCompleter.openQuote("app show --app 'DI")).isEqualTo('\'');
		assertThat(CommandLineCompleter.openQuote("app show --app \"DI")).isEqualTo('"');
		assertThat(CommandLineCompleter.openQuote("app show --app 'a' \"b\" c\\'d")).isEqualTo((char) 0);
	}

}
