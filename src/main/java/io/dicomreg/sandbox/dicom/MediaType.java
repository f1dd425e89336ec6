package io.dicomreg.sandbox.dicom;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A Content-Type value: the media type, lower case, and its parameters (names lower case, quotes removed).
 *
 * @param type e.g. multipart/related
 * @param parameters e.g. type and boundary
 */
record MediaType(String type, Map<String, String> parameters) {

	/**
	 * Parses a header value.
	 * @param value the value, may be null
	 * @return the media type; an empty type for null
	 */
	static MediaType parse(String value) {
		if (value == null) {
			return new MediaType("", Map.of());
		}
		String[] parts = value.split(";");
		Map<String, String> parameters = new LinkedHashMap<>();
		for (int i = 1; i < parts.length; i++) {
			int equals = parts[i].indexOf('=');
			if (equals > 0) {
				String name = parts[i].substring(0, equals).strip().toLowerCase(Locale.ROOT);
				String parameter = parts[i].substring(equals + 1).strip();
				if (parameter.length() >= 2 && parameter.startsWith("\"") && parameter.endsWith("\"")) {
					parameter = parameter.substring(1, parameter.length() - 1);
				}
				parameters.putIfAbsent(name, parameter);
			}
		}
		return new MediaType(parts[0].strip().toLowerCase(Locale.ROOT), parameters);
	}

	String parameter(String name) {
		return this.parameters.get(name);
	}

}
