package io.dicomreg.cli;

import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.dicomreg.error.DicomregException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Variables in script lines: {@code ${NAME}} and {@code ${NAME:-default}}.
 */
class ShellWordsVariablesTests {

	private final Function<String, String> variables = Map.of("NAME", "DICOM client", "EMPTY", "", "KEY", "dicom")::get;

	@Test
	void aDefinedVariableIsReplacedAndStaysOneWordEvenWithSpaces() {
		assertThat(ShellWords.split("app register --name ${NAME} --unique-name ${KEY}-client", this.variables))
			.containsExactly("app", "register", "--name", "DICOM client", "--unique-name", "dicom-client");
	}

	@Test
	void variablesAreReplacedInsideDoubleQuotesButNotSingleQuotes() {
		assertThat(ShellWords.split("x \"CN=${KEY}\" '${KEY}'", this.variables)).containsExactly("x", "CN=dicom", "${KEY}");
	}

	@Test
	void aDefaultStandsInForAnUndefinedOrEmptyVariable() {
		assertThat(ShellWords.split("x ${OTHER:-fallback value} ${KEY:-unused} ${EMPTY:-empty} ${EMPTY}", this.variables))
			.containsExactly("x", "fallback value", "dicom", "empty", "");
	}

	@Test
	void anEscapedDollarStaysADollar() {
		assertThat(ShellWords.split("x \\${KEY} \"\\${KEY}\"", this.variables)).containsExactly("x", "${KEY}", "${KEY}");
	}

	@Test
	void aDollarWithoutBraceIsPlainText() {
		assertThat(ShellWords.split("x $KEY a$b", this.variables)).containsExactly("x", "$KEY", "a$b");
	}

	@Test
	void anUndefinedVariableIsAnErrorThatSaysHowToGiveIt() {
		assertThatExceptionOfType(DicomregException.class)
			.isThrownBy(() -> ShellWords.split("secret add --save-to ${SECRET_FILE}", this.variables))
			.withMessage("Undefined variable ${SECRET_FILE}: give it with --var SECRET_FILE=VALUE, set it in the "
					+ "environment, or write ${SECRET_FILE:-default}.");
	}

	@Test
	void malformedVariablesAreErrors() {
		assertThatExceptionOfType(DicomregException.class).isThrownBy(() -> ShellWords.split("x ${KEY", this.variables))
			.withMessageStartingWith("Unclosed ${");
		assertThatExceptionOfType(DicomregException.class).isThrownBy(() -> ShellWords.split("x ${1A}", this.variables))
			.withMessageStartingWith("'${1A}' is not a variable");
		assertThatExceptionOfType(DicomregException.class)
			.isThrownBy(() -> ShellWords.split("x ${A:-${KEY}}", this.variables))
			.withMessageStartingWith("'${A:-${KEY}': a default cannot hold another variable.");
	}

	@Test
	void withoutVariablesNothingIsReplaced() {
		assertThat(ShellWords.split("x ${KEY}")).containsExactly("x", "${KEY}");
	}

	@Test
	void quotingAWordKeepsItFromBeingExpandedInAScript() {
		String written = ShellWords.quote("price: ${KEY} $5");
		assertThat(ShellWords.split("x " + written, this.variables)).containsExactly("x", "price: ${KEY} $5");
	}

}
