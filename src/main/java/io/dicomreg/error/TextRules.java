package io.dicomreg.error;

import java.util.Optional;

/**
 * Rules for the text a user gives as a name, a description, a subject or a file name: no control
 * characters (line breaks and tabs included), no bidirectional overrides or isolates (which make
 * text show in another order than it is stored: "txt.exe" + U+202E + "gpj" reads "txt.jpg.exe"
 * backwards), and a length bound. The marks LRM, RLM and ALM stay allowed: right-to-left names
 * need them, and they reorder nothing.
 */
public final class TextRules {

	/** The most dicomreg accepts in a description: Graph publishes no bound, and 256 is the display name's. */
	public static final int MAX_DESCRIPTION_LENGTH = 256;

	private TextRules() {
	}

	/** Whether {@code text} holds a control character: C0 (line breaks and tab included), DEL or C1. */
	public static boolean hasControlCharacter(String text) {
		return text != null && text.chars().anyMatch(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f));
	}

	/** Whether {@code text} holds a bidirectional embedding, override (U+202A to U+202E) or isolate (U+2066 to U+2069). */
	public static boolean hasBidiOverride(String text) {
		return text != null && text.chars().anyMatch(c -> (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069));
	}

	/**
	 * What is wrong with {@code text} as one line of plain text, as the end of a sentence that starts
	 * with its name ("--name holds ..."), or empty when nothing is.
	 */
	public static Optional<String> plainTextProblem(String text) {
		if (hasControlCharacter(text)) {
			return Optional.of(" holds a control character (a line break, a tab, an escape character...): "
					+ "give it on one line of printable text.");
		}
		if (hasBidiOverride(text)) {
			return Optional.of(" holds a bidirectional override or isolate character (U+202A to U+202E, "
					+ "U+2066 to U+2069), which shows text in another order than it is stored: remove it.");
		}
		return Optional.empty();
	}

	/**
	 * Refuses a control character or a bidirectional override in {@code text}, naming the thing.
	 * @throws DicomregException (usage) naming {@code subject} when {@code text} holds one
	 */
	public static void requirePlainText(Subject subject, String text) {
		plainTextProblem(text).ifPresent(problem -> {
			throw DicomregException.invalid(subject, problem);
		});
	}

	/**
	 * A description stripped and checked: printable, at most {@link #MAX_DESCRIPTION_LENGTH}
	 * characters; {@code null} when none is given.
	 */
	public static String description(Subject subject, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String stripped = text.strip();
		requirePlainText(subject, stripped);
		if (stripped.length() > MAX_DESCRIPTION_LENGTH) {
			throw DicomregException.invalid(subject, " has " + stripped.length() + " characters; at most "
					+ MAX_DESCRIPTION_LENGTH + " are accepted.");
		}
		return stripped;
	}

}
