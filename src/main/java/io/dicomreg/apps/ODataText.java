package io.dicomreg.apps;

/**
 * Writes text into OData query strings.
 */
final class ODataText {

	private ODataText() {
	}

	/** {@code text} for use inside single quotes in a {@code $filter}: quotes are doubled. */
	static String quote(String text) {
		return text.replace("'", "''");
	}

}
