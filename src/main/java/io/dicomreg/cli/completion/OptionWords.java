package io.dicomreg.cli.completion;

import java.util.List;

/**
 * Reads other options' values from the words of the line being completed.
 */
final class OptionWords {

	private OptionWords() {
	}

	/**
	 * The value given to {@code --longName} on the line ({@code --name value} or
	 * {@code --name=value}), unquoted; the last one when given several times, else {@code null}.
	 */
	static String valueOf(List<String> words, String longName) {
		String option = "--" + longName;
		String value = null;
		for (int i = 0; i < words.size(); i++) {
			String word = words.get(i);
			if (word.equals(option) && i + 1 < words.size()) {
				value = words.get(i + 1);
			}
			else if (word.startsWith(option + "=")) {
				value = word.substring(option.length() + 1);
			}
		}
		return (value != null) ? unquoted(value) : null;
	}

	/** {@code text} without the quotes around it, or without an opening quote still being typed. */
	static String unquoted(String text) {
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
