package io.dicomreg.error;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds text shaped like an Entra ID client secret (40 characters with {@code Q~} after the first
 * four, the form Entra ID has issued since 2021) in what dicomreg is about to print as an error,
 * and shows only its start and length: a secret pasted where a file name, a command or a value
 * was expected never reaches the terminal, a log or a captured error whole, whatever part of
 * dicomreg or of a library quotes it.
 */
public final class SecretShapes {

	private static final Pattern CLIENT_SECRET = Pattern
		.compile("(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{34}(?![A-Za-z0-9_~-])");

	private SecretShapes() {
	}

	/** {@code text} with every secret-shaped word replaced by its first three characters and its length. */
	public static String redact(String text) {
		if (text == null || text.indexOf('~') < 0) {
			return text;
		}
		Matcher matcher = CLIENT_SECRET.matcher(text);
		StringBuilder redacted = new StringBuilder();
		while (matcher.find()) {
			String word = matcher.group();
			matcher.appendReplacement(redacted,
					Matcher.quoteReplacement(word.substring(0, 3) + "... (" + word.length() + " characters)"));
		}
		matcher.appendTail(redacted);
		return redacted.toString();
	}

}
