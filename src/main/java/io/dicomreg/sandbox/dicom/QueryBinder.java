package io.dicomreg.sandbox.dicom;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Binds query parameters to numbers and booleans as ASP.NET MVC model binding does, and reports the first problem
 * as the server's query validation filter does: 400 "The query parameter '{name}' is invalid. {error}", binding
 * problems (a value that is not a number) before range checks.
 */
final class QueryBinder {

	/** How .NET writes long.MaxValue as a double, the upper bound of an offset's range. */
	static final String LONG_MAX_AS_DOUBLE = "9.223372036854776E+18";

	private final DicomCall call;

	private final List<String[]> errors = new ArrayList<>();

	QueryBinder(DicomCall call) {
		this.call = call;
	}

	/**
	 * Binds an integer parameter.
	 * @param parameter the query parameter's name (compared ignoring case)
	 * @param name the model's name, as the server names it in messages ({@code Limit} or {@code limit})
	 * @param fallback the default
	 * @return the value, or the default when absent or invalid
	 */
	long integer(String parameter, String name, long fallback) {
		String raw = this.call.parameter(parameter);
		if (raw == null) {
			return fallback;
		}
		if (raw.isBlank()) {
			error(name, "The value '" + raw + "' is invalid.");
			return fallback;
		}
		String text = raw.strip();
		try {
			return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
		}
		catch (NumberFormatException ex) {
			error(name, "The value '" + raw + "' is not valid for " + name + ".");
			return fallback;
		}
	}

	/**
	 * Binds a boolean parameter ({@code true} or {@code false}, any case).
	 * @param parameter the query parameter's name
	 * @param name the model's name
	 * @param fallback the default
	 * @return the value
	 */
	boolean bool(String parameter, String name, boolean fallback) {
		String raw = this.call.parameter(parameter);
		if (raw == null) {
			return fallback;
		}
		String text = raw.strip().toLowerCase(Locale.ROOT);
		if (text.equals("true") || text.equals("false")) {
			return text.equals("true");
		}
		error(name, raw.isBlank() ? "The value '" + raw + "' is invalid."
				: "The value '" + raw + "' is not valid for " + name + ".");
		return fallback;
	}

	/**
	 * Checks a bound value's range, as {@code [Range(min, max)]} does.
	 * @param name the model's name
	 * @param value the value
	 * @param min the lowest allowed
	 * @param max the highest allowed
	 * @param maxText how the server writes the upper bound
	 */
	void range(String name, long value, long min, long max, String maxText) {
		if (value < min || value > max) {
			error(name, "The field " + name + " must be between " + min + " and " + maxText + ".");
		}
	}

	/**
	 * Records a problem; the first recorded is the one reported.
	 * @param name the model's name ({@code ""} for the model as a whole)
	 * @param message the error
	 */
	void error(String name, String message) {
		this.errors.add(new String[] { name, message });
	}

	boolean hasErrors() {
		return !this.errors.isEmpty();
	}

	/**
	 * Throws the first problem recorded, if any.
	 * @throws DicomError 400
	 */
	void throwIfInvalid() {
		if (!this.errors.isEmpty()) {
			String[] first = this.errors.get(0);
			throw DicomError.badRequest("The query parameter '" + first[0] + "' is invalid. " + first[1]);
		}
	}

}
