package io.dicomreg.cli.completion;

import java.util.List;
import java.util.Optional;

import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.completion.CompletionContext;

/**
 * Reads the words typed so far on a line being completed: which positional argument the cursor is
 * in, and the value of an option given elsewhere on the line.
 */
final class TypedWords {

	private TypedWords() {
	}

	/**
	 * The index of the positional argument the cursor is in (0 for the first), or -1 when the
	 * cursor is in an option or an option's value.
	 */
	static int argumentIndexAtCursor(CompletionContext context) {
		Command command = context.getCommand();
		List<String> words = context.getWords();
		int cursor = context.getWordIndex();
		int index = 0;
		for (int i = commandLength(command); i < cursor && i < words.size(); i++) {
			String word = words.get(i);
			if (!isOption(word)) {
				index++;
			}
			else if (!word.contains("=") && !isFlag(command, word) && ++i == cursor) {
				return -1;
			}
		}
		String current = (cursor < words.size()) ? words.get(cursor) : "";
		return isOption(current) ? -1 : index;
	}

	/** The value given to {@code --longName} anywhere on the line but in the word being completed. */
	static Optional<String> optionValue(CompletionContext context, String longName) {
		List<String> words = context.getWords();
		String option = "--" + longName;
		for (int i = 0; i < words.size(); i++) {
			if (i == context.getWordIndex()) {
				continue;
			}
			String word = words.get(i);
			if (word.startsWith(option + "=") && word.length() > option.length() + 1) {
				return Optional.of(word.substring(option.length() + 1));
			}
			if (word.equals(option) && i + 1 < words.size() && i + 1 != context.getWordIndex()
					&& !words.get(i + 1).isBlank()) {
				return Optional.of(words.get(i + 1));
			}
		}
		return Optional.empty();
	}

	private static int commandLength(Command command) {
		return command.getName().split(" ").length;
	}

	private static boolean isOption(String word) {
		return word.startsWith("-") && word.length() > 1;
	}

	private static boolean isFlag(Command command, String word) {
		String name = word.startsWith("--") ? word.substring(2) : word.substring(1);
		if (name.equals("help") || name.equals("h")) {
			return true;
		}
		return command.getOptions().stream()
			.filter(option -> name.equals(option.longName()))
			.map(CommandOption::type)
			.anyMatch(type -> type == boolean.class || type == Boolean.class);
	}

}
