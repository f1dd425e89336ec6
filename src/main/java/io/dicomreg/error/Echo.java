package io.dicomreg.error;

import java.util.regex.Pattern;

/**
 * How an error quotes a word the user typed: whole when it is short, is a GUID, or has spaces (a
 * name) and fits on a line; else its first characters and its length only, since a long single
 * word typed where dicomreg did not expect it may be a secret pasted by mistake.
 */
public final class Echo {

	/** Longer single words are not echoed whole. */
	static final int WHOLE_UP_TO = 16;

	private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

	private Echo() {
	}

	/** Longer text with spaces (a name, a description) is shown by its start. */
	static final int TEXT_UP_TO = 80;

	/** {@code word} as an error may show it, without quotes. */
	public static String word(String word) {
		if (word == null || word.length() <= WHOLE_UP_TO || GUID.matcher(word).matches()) {
			return word;
		}
		if (word.chars().anyMatch(Character::isWhitespace)) {
			return (word.length() <= TEXT_UP_TO) ? word
					: word.substring(0, TEXT_UP_TO / 2) + "... (" + word.length() + " characters)";
		}
		return word.substring(0, 3) + "... (" + word.length() + " characters)";
	}

	/** {@code word} quoted as an error shows it: {@code 'word'}, or {@code 'Ab7...' (40 characters)}. */
	public static String quoted(String word) {
		String shown = word(word);
		return (shown != null && shown.equals(word)) ? "'" + word + "'"
				: "'" + shown.replace("... (", "...' (");
	}

}
