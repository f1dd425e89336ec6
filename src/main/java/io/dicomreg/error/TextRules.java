package io.dicomreg.error;

/**
 * Rules for the text a user gives as a name, a description, a subject or a file name: no control
 * characters (line breaks and tabs included), and a length bound.
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

	/**
	 * Refuses a control character in {@code text}, naming the thing.
	 * @throws DicomregException (usage) naming {@code subject} when {@code text} holds one
	 */
	public static void requireNoControlCharacters(Subject subject, String text) {
		if (hasControlCharacter(text)) {
			throw DicomregException.invalid(subject, " holds a control character (a line break, a tab, an escape "
					+ "character...): give it on one line of printable text.");
		}
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
		requireNoControlCharacters(subject, stripped);
		if (stripped.length() > MAX_DESCRIPTION_LENGTH) {
			throw DicomregException.invalid(subject, " has " + stripped.length() + " characters; at most "
					+ MAX_DESCRIPTION_LENGTH + " are accepted.");
		}
		return stripped;
	}

}
