package io.dicomreg.cli;

import java.util.function.Supplier;

import org.jline.reader.LineReader;
import org.springframework.shell.core.InputReader;

/**
 * Reads answers in the interactive shell; masked answers (passwords) never reach the history.
 */
class HistorySafeInputReader implements InputReader {

	private final LineReader reader;

	HistorySafeInputReader(LineReader reader) {
		this.reader = reader;
	}

	/** Answers to questions (a confirmation) are not commands: they stay out of the history too. */
	@Override
	public String readInput(String prompt) {
		return withoutHistory(() -> this.reader.readLine(prompt));
	}

	@Override
	public char[] readPassword(String prompt) {
		return withoutHistory(() -> this.reader.readLine(prompt, '*')).toCharArray();
	}

	private String withoutHistory(Supplier<String> read) {
		Object previous = this.reader.getVariable(LineReader.DISABLE_HISTORY);
		this.reader.setVariable(LineReader.DISABLE_HISTORY, true);
		try {
			return read.get();
		}
		finally {
			this.reader.setVariable(LineReader.DISABLE_HISTORY, (previous != null) ? previous : false);
		}
	}

}
