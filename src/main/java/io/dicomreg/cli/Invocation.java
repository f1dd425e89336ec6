package io.dicomreg.cli;

import java.util.List;

/**
 * How dicomreg was started: the global options and, in one-shot mode, the command words.
 *
 * @param options the global options
 * @param commandWords the command and its arguments, empty to start the interactive shell
 */
public record Invocation(GlobalOptions options, List<String> commandWords) {

	public Invocation {
		commandWords = List.copyOf(commandWords);
	}

	/** Whether one command is run and the process exits, rather than the interactive shell. */
	public boolean isOneShot() {
		return !this.commandWords.isEmpty();
	}

}
