package io.dicomreg.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.dicomreg.sandbox.directory.Json;

/**
 * One HTTP response: status, headers and body.
 *
 * @param status the status code
 * @param headers the headers
 * @param body the body, empty for none
 */
public record SandboxResponse(int status, Map<String, String> headers, byte[] body) {

	public static SandboxResponse json(int status, JsonNode body, String contentType) {
		return new SandboxResponse(status, new LinkedHashMap<>(Map.of("Content-Type", contentType)),
				Json.bytes(body));
	}

	public static SandboxResponse noContent() {
		return new SandboxResponse(204, new LinkedHashMap<>(), new byte[0]);
	}

	public static SandboxResponse html(int status, String html) {
		return new SandboxResponse(status, new LinkedHashMap<>(Map.of("Content-Type", "text/html; charset=utf-8")),
				html.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Adds or replaces a header.
	 * @param name the header name
	 * @param value the value
	 * @return this response
	 */
	public SandboxResponse withHeader(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

}
