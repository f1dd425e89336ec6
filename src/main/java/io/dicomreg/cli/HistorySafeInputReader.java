package io.dicomreg.cli;

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

	@Override
	public String readInput(String prompt) {
		return this.reader.readLine(prompt);
	}

	@Override
	public char[] readPassword(String prompt) {
		Object previous = this.reader.getVariable(LineReader.DISABLE_HISTORY);
		this.reader.setVariable(LineReader.DISABLE_HISTORY, true);
		try {
			return this.reader.readLine(prompt, '*').toCharArray();
		}
		finally {
			this.reader.setVariable(LineReader.DISABLE_HISTORY, (previous != null) ? previous : false);
		}
	}

}
