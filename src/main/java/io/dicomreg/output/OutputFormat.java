package io.dicomreg.output;

import java.util.Locale;

import io.dicomreg.error.DicomregException;
import io.dicomreg.error.Echo;

/**
 * How command results are printed: aligned text for people, JSON for scripts.
 */
public enum OutputFormat {

	TABLE, JSON;

	/**
	 * Parses the value of {@code --output}.
	 * @throws DicomregException (usage) when the value is neither {@code table} nor {@code json}
	 */
	public static OutputFormat parse(String value) {
		try {
			return valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw DicomregException.invalidInput("Invalid value " + Echo.quoted(value) + " for --output: use table or json.");
		}
	}

}
