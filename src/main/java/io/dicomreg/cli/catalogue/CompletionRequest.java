package io.dicomreg.cli.catalogue;

import java.util.List;
import java.util.Optional;

/**
 * The line being completed, for a {@link ValueCompleter}: its words, which one the cursor is in,
 * the command, and the option whose value (or the positional argument) is being typed.
 *
 * @param words the words of the line
 * @param wordIndex the word the cursor is in
 * @param cursor the cursor's position in that word
 * @param command the command the line runs
 * @param option the option whose value is being typed, or {@code null} for a positional argument
 * @param argumentIndex the positional argument being typed (from 0), or -1 for an option's value
 */
public record CompletionRequest(List<String> words, int wordIndex, int cursor, CommandSpec command, OptionSpec option,
		int argumentIndex) {

	/**
	 * The value typed for {@code --longName} elsewhere on the line ({@code --name value} or
	 * {@code --name=value}), unquoted; the last one when given several times.
	 */
	public Optional<String> typed(String longName) {
		String option = "--" + longName;
		String value = null;
		for (int i = 0; i < this.words.size(); i++) {
			String word = this.words.get(i);
			if (i == this.wordIndex) {
				continue;
			}
			if (word.equals(option) && i + 1 < this.words.size() && i + 1 != this.wordIndex
					&& !this.words.get(i + 1).isBlank()) {
				value = this.words.get(i + 1);
			}
			else if (word.startsWith(option + "=") && word.length() > option.length() + 1) {
				value = word.substring(option.length() + 1);
			}
		}
		return Optional.ofNullable(value).map(CompletionRequest::unquoted);
	}

	/** {@code text} without the quotes around it, or without an opening quote still being typed. */
	public static String unquoted(String text) {
		String value = text;
		if (value.startsWith("\"") || value.startsWith("'")) {
			char quote = value.charAt(0);
			value = value.substring(1);
			if (value.endsWith(String.valueOf(quote))) {
				value = value.substring(0, value.length() - 1);
			}
		}
		return value;
	}

}
