package io.dicomreg.cli;

import java.util.ArrayList;
import java.util.List;

import io.dicomreg.cli.script.ScriptCommands;

/**
 * How dicomreg was started: the global options and, in one-shot mode, the command words.
 *
 * @param options the global options
 * @param commandWords the command and its arguments, empty to start the interactive shell;
 * {@code @FILE ...} stands for {@code script FILE ...}
 */
public record Invocation(GlobalOptions options, List<String> commandWords) {

	public Invocation {
		commandWords = scriptShorthand(List.copyOf(commandWords));
	}

	private static List<String> scriptShorthand(List<String> words) {
		if (words.isEmpty() || !words.get(0).startsWith("@") || words.get(0).length() < 2) {
			return words;
		}
		List<String> expanded = new ArrayList<>(List.of(ScriptCommands.NAME, words.get(0).substring(1)));
		expanded.addAll(words.subList(1, words.size()));
		return List.copyOf(expanded);
	}

	/** Whether one command is run and the process exits, rather than the interactive shell. */
	public boolean isOneShot() {
		return !this.commandWords.isEmpty();
	}

}
