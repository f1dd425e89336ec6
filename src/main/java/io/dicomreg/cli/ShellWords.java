package io.dicomreg.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.dicomreg.error.DicomregException;

/**
 * Splits a line into words like a POSIX shell: single quotes keep everything, double quotes keep
 * spaces and honour backslash escapes, a backslash outside quotes escapes the next character.
 */
public final class ShellWords {

	private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

	private ShellWords() {
	}

	/**
	 * Splits {@code line} into words.
	 * @throws DicomregException (usage) for an unclosed quote
	 */
	public static List<String> split(String line) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		boolean inWord = false;
		char quote = 0;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quote == '\'') {
				if (c == '\'') {
					quote = 0;
				}
				else {
					word.append(c);
				}
			}
			else if (quote == '"') {
				if (c == '"') {
					quote = 0;
				}
				else if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
					word.append(line.charAt(++i));
				}
				else {
					word.append(c);
				}
			}
			else if (Character.isWhitespace(c)) {
				if (inWord) {
					words.add(word.toString());
					word.setLength(0);
					inWord = false;
				}
			}
			else {
				inWord = true;
				if (c == '\'' || c == '"') {
					quote = c;
				}
				else if (c == '\\' && i + 1 < line.length()) {
					word.append(line.charAt(++i));
				}
				else {
					word.append(c);
				}
			}
		}
		if (quote != 0) {
			throw DicomregException.invalidInput("Unclosed " + ((quote == '"') ? "double" : "single") + " quote in the command line.");
		}
		if (inWord) {
			words.add(word.toString());
		}
		return words;
	}

	/**
	 * {@code word} written so that {@link #split} reads it back as one word: bare when it is plain,
	 * else in double quotes with {@code \ " $ `} escaped (so that a script never expands it).
	 */
	public static String quote(String word) {
		if (!word.isEmpty() && PLAIN.matcher(word).matches()) {
			return word;
		}
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : word.toCharArray()) {
			if ("\"\\$`".indexOf(c) >= 0) {
				quoted.append('\\');
			}
			quoted.append(c);
		}
		return quoted.append('"').toString();
	}

}
