package io.dicomreg.output;

/**
 * Makes text safe for a terminal: every control character (C0 but tab, DEL, C1 including the
 * single-byte CSI U+009B) and every bidirectional formatting character is shown visibly escaped
 * (ESC as a backslash, x, 1b; U+202E as a backslash, u, 202e), so that a display name or a description set by any tool cannot
 * move the cursor, retitle the terminal, clear the screen, write the clipboard or reverse the text.
 */
public final class SafeText {

	private SafeText() {
	}

	/** {@code text} with every control and bidi formatting character escaped; {@code null} stays null. */
	public static String of(String text) {
		if (text == null || text.chars().noneMatch(SafeText::isUnsafe)) {
			return text;
		}
		StringBuilder safe = new StringBuilder(text.length() + 16);
		text.codePoints().forEach(codePoint -> {
			if (isUnsafe(codePoint)) {
				safe.append(escape(codePoint));
			}
			else {
				safe.appendCodePoint(codePoint);
			}
		});
		return safe.toString();
	}

	/** {@code text} escaped as {@link #of}, but its line breaks kept: dicomreg's own notes of several lines. */
	public static String lines(String text) {
		if (text == null) {
			return null;
		}
		return String.join(System.lineSeparator(), text.lines().map(SafeText::of).toList());
	}

	/** Whether {@code codePoint} is a control or bidi formatting character (tab is allowed). */
	public static boolean isUnsafe(int codePoint) {
		return (codePoint < 0x20 && codePoint != '\t') || (codePoint >= 0x7f && codePoint <= 0x9f) || isBidi(codePoint);
	}

	/** Whether {@code codePoint} is a control character, tab and line breaks included, or bidi formatting. */
	public static boolean isControlOrBidi(int codePoint) {
		return codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f) || isBidi(codePoint);
	}

	/**
	 * Bidirectional formatting: embeddings and overrides (U+202A to U+202E), isolates (U+2066 to
	 * U+2069), the marks LRM, RLM and ALM.
	 */
	static boolean isBidi(int codePoint) {
		return (codePoint >= 0x202a && codePoint <= 0x202e) || (codePoint >= 0x2066 && codePoint <= 0x2069)
				|| codePoint == 0x200e || codePoint == 0x200f || codePoint == 0x061c;
	}

	/** The visible form: a backslash, x and two hex digits up to U+00FF; a backslash, u and four above. */
	static String escape(int codePoint) {
		return (codePoint <= 0xff) ? String.format("\\x%02x", codePoint) : String.format("\\u%04x", codePoint);
	}

}
