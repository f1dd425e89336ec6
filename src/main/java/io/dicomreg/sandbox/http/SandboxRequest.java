package io.dicomreg.sandbox.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One HTTP request as the endpoints see it: decoded path, first value of each query parameter and header.
 *
 * @param method the HTTP method, upper case
 * @param path the decoded path
 * @param rawQuery the query string as sent, or null
 * @param query decoded query parameters
 * @param headers headers, keyed in lower case
 * @param body the request body
 * @param requestId the id this request is answered under ({@code request-id})
 */
public record SandboxRequest(String method, String path, String rawQuery, Map<String, String> query,
		Map<String, String> headers, byte[] body, String requestId) {

	/**
	 * Creates a request, parsing the query string.
	 * @param method the HTTP method
	 * @param path the decoded path
	 * @param rawQuery the query string, may be null
	 * @param headers headers, any case
	 * @param body the body
	 * @return the request
	 */
	public static SandboxRequest of(String method, String path, String rawQuery, Map<String, String> headers,
			byte[] body) {
		Map<String, String> lowerCaseHeaders = new LinkedHashMap<>();
		headers.forEach((name, value) -> lowerCaseHeaders.putIfAbsent(name.toLowerCase(Locale.ROOT), value));
		return new SandboxRequest(method.toUpperCase(Locale.ROOT), path, rawQuery, parseForm(rawQuery),
				Collections.unmodifiableMap(lowerCaseHeaders), body, UUID.randomUUID().toString());
	}

	public String header(String name) {
		return this.headers.get(name.toLowerCase(Locale.ROOT));
	}

	public String pathAndQuery() {
		return (this.rawQuery != null) ? this.path + "?" + this.rawQuery : this.path;
	}

	/**
	 * The body read as an HTML form ({@code application/x-www-form-urlencoded}).
	 * @return decoded form fields
	 */
	public Map<String, String> form() {
		return parseForm(new String(this.body, StandardCharsets.UTF_8));
	}

	/**
	 * Parses {@code a=1&b=2} text, keeping the first value of each name.
	 * @param text the text, may be null
	 * @return decoded names and values
	 */
	public static Map<String, String> parseForm(String text) {
		Map<String, String> values = new LinkedHashMap<>();
		if (text == null || text.isEmpty()) {
			return values;
		}
		for (String pair : text.split("&")) {
			int equals = pair.indexOf('=');
			String name = decode((equals < 0) ? pair : pair.substring(0, equals));
			String value = (equals < 0) ? "" : decode(pair.substring(equals + 1));
			if (!name.isEmpty()) {
				values.putIfAbsent(name, value);
			}
		}
		return values;
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return text;
		}
	}

}
