package io.dicomreg.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a claim of a token this process already trusts (it came from the token endpoint over
 * TLS); it checks no signature.
 */
final class Jwts {

	private static final ObjectMapper JSON = new ObjectMapper();

	private Jwts() {
	}

	/** The words of a claim that is a list ({@code roles}) or space-separated text ({@code scp}). */
	static java.util.List<String> words(String jwt, String name) {
		JsonNode value = payload(jwt).map(payload -> payload.get(name)).orElse(null);
		java.util.List<String> words = new java.util.ArrayList<>();
		if (value != null && value.isArray()) {
			value.forEach(item -> words.add(item.asText()));
		}
		else if (value != null && value.isTextual()) {
			for (String word : value.asText().strip().split("\\s+")) {
				if (!word.isEmpty()) {
					words.add(word);
				}
			}
		}
		return words;
	}

	private static Optional<JsonNode> payload(String jwt) {
		String[] parts = jwt.split("\\.");
		if (parts.length < 2) {
			return Optional.empty();
		}
		try {
			return Optional.of(JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)));
		}
		catch (IllegalArgumentException | java.io.IOException ex) {
			return Optional.empty();
		}
	}

	static Optional<String> claim(String jwt, String name) {
		String[] parts = jwt.split("\\.");
		if (parts.length < 2) {
			return Optional.empty();
		}
		try {
			JsonNode payload = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
			JsonNode value = payload.get(name);
			return (value != null && value.isTextual()) ? Optional.of(value.asText()) : Optional.empty();
		}
		catch (IllegalArgumentException | java.io.IOException ex) {
			return Optional.empty();
		}
	}

}
