package io.dicomreg.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.dicomreg.error.DicomregException;

/**
 * Splits a line into words like a POSIX shell: single quotes keep everything, double quotes keep
 * spaces and honour backslash escapes, a backslash outside quotes escapes the next character.
 */
public final class ShellWords {

	private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

	private ShellWords() {
	}

	/**
	 * Splits {@code line} into words.
	 * @throws DicomregException (usage) for an unclosed quote
	 */
	public static List<String> split(String line) {
		return split(line, null);
	}

	/**
	 * Splits {@code line} into words, replacing {@code ${NAME}} and {@code ${NAME:-default}} outside
	 * single quotes with the variable's value; a value never splits into several words, and
	 * {@code \$} stays a plain dollar sign.
	 * @param variables a variable's value, or {@code null} when it is undefined; {@code null} for no
	 * expansion at all
	 * @throws DicomregException (usage) for an unclosed quote, a malformed or an undefined variable
	 */
	public static List<String> split(String line, Function<String, String> variables) {
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
				else if (c == '$' && variables != null && line.startsWith("${", i)) {
					i = expand(line, i, variables, word);
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
				else if (c == '$' && variables != null && line.startsWith("${", i)) {
					i = expand(line, i, variables, word);
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

	/** Appends the value of the variable at {@code start} ({@code ${...}}) and returns the index of its {@code }}. */
	private static int expand(String line, int start, Function<String, String> variables, StringBuilder word) {
		int end = line.indexOf('}', start);
		if (end < 0) {
			throw DicomregException.invalidInput("Unclosed ${ in '" + line.substring(start) + "': write ${NAME}.");
		}
		String expression = line.substring(start + 2, end);
		int dash = expression.indexOf(":-");
		String name = (dash >= 0) ? expression.substring(0, dash) : expression;
		if (!VARIABLE.matcher(name).matches()) {
			throw DicomregException.invalidInput("'${" + expression + "}' is not a variable: a name is letters, digits "
					+ "and _, not starting with a digit.");
		}
		if (expression.indexOf('$') >= 0) {
			throw DicomregException.invalidInput("'${" + expression + "}': a default cannot hold another variable.");
		}
		String value = variables.apply(name);
		if (dash >= 0 && (value == null || value.isEmpty())) {
			// As in a POSIX shell, ':-' stands in for a variable that is unset or empty.
			value = expression.substring(dash + 2);
		}
		if (value == null) {
			throw DicomregException.invalidInput("Undefined variable ${" + name + "}: give it with --var " + name
					+ "=VALUE, set it in the environment, or write ${" + name + ":-default}.");
		}
		word.append(value);
		return end;
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
