package io.dicomreg.sandbox.directory;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one JSON mapper of the sandbox and a few helpers around Jackson's tree model.
 */
public final class Json {

	private static final ObjectMapper MAPPER = new ObjectMapper()
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

	private static final ObjectMapper PRETTY = MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT);

	private Json() {
	}

	public static ObjectNode object() {
		return MAPPER.createObjectNode();
	}

	public static ArrayNode array() {
		return MAPPER.createArrayNode();
	}

	/**
	 * Parses JSON bytes.
	 * @param bytes the JSON text
	 * @return the tree
	 * @throws IllegalArgumentException when the bytes are not JSON
	 */
	public static JsonNode parse(byte[] bytes) {
		try {
			JsonNode node = MAPPER.readTree(bytes);
			if (node == null || node.isMissingNode()) {
				throw new IllegalArgumentException("no JSON content");
			}
			return node;
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException(ex.getOriginalMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static byte[] bytes(JsonNode node) {
		try {
			return MAPPER.writeValueAsBytes(node);
		}
		catch (JsonProcessingException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static byte[] prettyBytes(JsonNode node) {
		try {
			return PRETTY.writeValueAsBytes(node);
		}
		catch (JsonProcessingException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads a text field, treating JSON null and absence alike.
	 * @param node the object
	 * @param field the field name
	 * @return the text or null
	 */
	public static String text(JsonNode node, String field) {
		JsonNode value = (node != null) ? node.get(field) : null;
		return (value == null || value.isNull()) ? null : value.asText();
	}

	public static ObjectMapper mapper() {
		return MAPPER;
	}

}
