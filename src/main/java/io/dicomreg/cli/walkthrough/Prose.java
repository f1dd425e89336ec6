package io.dicomreg.cli.walkthrough;

/**
 * Wraps prose at word boundaries, line by line, keeping each line's indentation.
 */
final class Prose {

	private Prose() {
	}

	/** {@code text} with no line longer than {@code width} where a space allows a break. */
	static String wrap(String text, int width) {
		if (width < 20) {
			return text;
		}
		StringBuilder wrapped = new StringBuilder();
		for (String line : text.split("\n", -1)) {
			if (wrapped.length() > 0) {
				wrapped.append('\n');
			}
			wrapped.append(wrapLine(line, width));
		}
		return wrapped.toString();
	}

	private static String wrapLine(String line, int width) {
		String indent = line.substring(0, line.length() - line.stripLeading().length());
		String continuation = indent + (line.stripLeading().matches("\\d+\\. .*") ? "   " : "");
		StringBuilder wrapped = new StringBuilder();
		StringBuilder current = new StringBuilder(indent);
		for (String word : line.strip().split(" +")) {
			if (current.length() > continuation.length() && current.length() + 1 + word.length() > width) {
				wrapped.append(current).append('\n');
				current = new StringBuilder(continuation);
			}
			else if (current.length() > indent.length() && !current.toString().equals(continuation)) {
				current.append(' ');
			}
			current.append(word);
		}
		return wrapped.append(current).toString();
	}

}
