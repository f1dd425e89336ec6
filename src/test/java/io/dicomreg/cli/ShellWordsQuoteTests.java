package io.dicomreg.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * {@link ShellWords#quote} writes a word so that {@link ShellWords#split} (and a POSIX shell) reads
 * back exactly that one word, unexpanded.
 */
class ShellWordsQuoteTests {

	static Stream<String> awkwardWords() {
		return Stream.of("DICOM client", "  leading and trailing  ", "tab\there", "it's", "say \"hi\"",
				"'single quoted'", "C:\\Users\\me\\secret.txt", "trailing backslash\\", "\\", "\"", "$HOME", "${VAR}",
				"$(id)", "`id`", "a\\$b", "cost: 5$", "Zürich – 日本 🔑", "#not a comment", "-dash-first", "--app",
				"~/secret.txt", "a;b&&c|d>e<f", "*.crt", "line one\nline two", "", " ");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Postman", "nightly-ci", "CN=client", "admin@contoso.onmicrosoft.com",
			"https://localhost:5001/callback", "./secret.txt", "a,b", "100%", "x+y", "snake_case", "-" })
	void plainWordStaysBare(String word) {
		assertThat(ShellWords.quote(word)).isEqualTo(word);
	}

	@Test
	void wordWithSpacesIsDoubleQuoted() {
		assertThat(ShellWords.quote("DICOM client")).isEqualTo("\"DICOM client\"");
	}

	@Test
	void dollarAndBackquoteAreEscapedSoNoScriptExpandsThem() {
		assertThat(ShellWords.quote("$HOME `id` ${VAR}")).isEqualTo("\"\\$HOME \\`id\\` \\${VAR}\"");
	}

	@Test
	void doubleQuoteAndBackslashAreEscaped() {
		assertThat(ShellWords.quote("say \"hi\" C:\\tmp")).isEqualTo("\"say \\\"hi\\\" C:\\\\tmp\"");
	}

	@Test
	void singleQuoteNeedsNoEscapeInsideDoubleQuotes() {
		assertThat(ShellWords.quote("it's")).isEqualTo("\"it's\"");
	}

	@Test
	void emptyWordIsQuoted() {
		assertThat(ShellWords.quote("")).isEqualTo("\"\"");
	}

	@Test
	void leadingHashIsQuotedSoAShellDoesNotTakeItForAComment() {
		assertThat(ShellWords.quote("#1")).isEqualTo("\"#1\"");
	}

	@Test
	void tildeIsQuotedSoAShellDoesNotExpandIt() {
		assertThat(ShellWords.quote("~/secret.txt")).isEqualTo("\"~/secret.txt\"");
	}

	@Test
	void nonAsciiLettersAreQuoted() {
		assertThat(ShellWords.quote("Zürich")).isEqualTo("\"Zürich\"");
	}

	@ParameterizedTest
	@MethodSource("awkwardWords")
	void splitReadsTheQuotedWordBackAsExactlyThatWord(String word) {
		assertThat(ShellWords.split(ShellWords.quote(word))).isEqualTo(List.of(word));
	}

	@ParameterizedTest
	@MethodSource("awkwardWords")
	void quotedWordsStayApartInACommandLine(String word) {
		String line = "secret add --description " + ShellWords.quote(word) + " --app " + ShellWords.quote(word);

		assertThat(ShellWords.split(line)).containsExactly("secret", "add", "--description", word, "--app", word);
	}

	@ParameterizedTest
	@MethodSource("awkwardWords")
	void aPosixShellReadsTheQuotedWordBackUnexpanded(String word) throws Exception {
		assumeThat(Files.isExecutable(Path.of("/bin/sh"))).as("a POSIX shell at /bin/sh").isTrue();
		String script = "HOME=/home/nobody VAR=expanded; set -- " + ShellWords.quote(word) + "; printf '%s|%s' \"$#\" \"$1\"\n";

		assertThat(runSh(script)).isEqualTo("1|" + word);
	}

	private static String runSh(String script) throws IOException, InterruptedException {
		Process sh = new ProcessBuilder("/bin/sh").redirectErrorStream(true).start();
		try (OutputStream in = sh.getOutputStream()) {
			in.write(script.getBytes(StandardCharsets.UTF_8));
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (InputStream stdout = sh.getInputStream()) {
			stdout.transferTo(out);
		}
		assertThat(sh.waitFor(10, TimeUnit.SECONDS)).as("sh finished").isTrue();
		return out.toString(StandardCharsets.UTF_8);
	}

}
