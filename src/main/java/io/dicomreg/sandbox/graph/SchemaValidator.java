package io.dicomreg.sandbox.graph;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.dicomreg.sandbox.directory.GraphSchema;
import io.dicomreg.sandbox.directory.Times;

/**
 * Checks a request body against Graph's type definitions, refusing unknown properties and wrong types the way
 * Graph's OData layer does.
 */
final class SchemaValidator {

	static final Pattern GUID = Pattern
		.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

	private SchemaValidator() {
	}

	/**
	 * Checks an entity or complex value.
	 * @param body the JSON object
	 * @param typeName the Graph type, e.g. application
	 */
	static void validateObject(JsonNode body, String typeName) {
		Map<String, String> properties = GraphSchema.get().properties(typeName);
		body.fields().forEachRemaining((field) -> {
			String name = field.getKey();
			if (name.startsWith("@")) {
				checkAnnotation(name, field.getValue(), typeName);
				return;
			}
			String type = properties.get(name);
			if (type == null) {
				throw GraphError.badRequest(
						"Property '" + name + "' does not exist on type 'microsoft.graph." + GraphSchema.bare(typeName) + "'.");
			}
			validateValue(name, field.getValue(), type);
		});
	}

	/**
	 * Checks the parameters of a bound action.
	 * @param body the JSON object
	 * @param action the action, e.g. addPassword
	 * @param bindingType the type it is bound to, e.g. application
	 */
	static void validateAction(JsonNode body, String action, String bindingType) {
		Map<String, String> parameters = GraphSchema.get().actionParameters(action, bindingType).orElseThrow();
		body.fields().forEachRemaining((field) -> {
			String type = parameters.get(field.getKey());
			if (type == null) {
				throw GraphError.odataBadRequest("The parameter '" + field.getKey()
						+ "' in the request payload is not a valid parameter for the operation '" + action + "'.");
			}
			validateValue(field.getKey(), field.getValue(), type);
		});
	}

	private static void validateValue(String name, JsonNode value, String type) {
		if (value.isNull()) {
			if (GraphSchema.isCollection(type)) {
				throw GraphError.odataBadRequest("A null value was found for the property named '" + name
						+ "', which has the expected type '" + type + "[Nullable=False]'. The expected type '" + type
						+ "[Nullable=False]' does not allow null values.");
			}
			return;
		}
		if (GraphSchema.isCollection(type)) {
			expectNode(value, "StartArray");
			String elementType = GraphSchema.elementType(type);
			value.forEach((element) -> validateValue(name, element, elementType));
			return;
		}
		if (type.startsWith("Edm.")) {
			validatePrimitive(value, type);
			return;
		}
		Optional<List<String>> members = GraphSchema.get().enumMembers(type);
		if (members.isPresent()) {
			expectNode(value, "PrimitiveValue");
			if (!members.get().contains(value.asText())) {
				throw GraphError.odataBadRequest("Requested value '" + value.asText() + "' was not found.");
			}
			return;
		}
		expectNode(value, "StartObject");
		validateObject(value, type);
	}

	private static void validatePrimitive(JsonNode value, String type) {
		expectNode(value, "PrimitiveValue");
		boolean valid = switch (type) {
			case "Edm.Boolean" -> value.isBoolean();
			case "Edm.Int32" -> value.isIntegralNumber() && value.canConvertToInt();
			case "Edm.Stream" -> false;
			default -> value.isTextual();
		};
		if (!valid) {
			throw GraphError.odataBadRequest("Cannot convert a primitive value to the expected type '" + type
					+ "'. See the inner exception for more details.");
		}
		if (!literalMatches(value.asText(), type)) {
			throw GraphError.odataBadRequest(
					"Cannot convert the literal '" + value.asText() + "' to the expected type '" + type + "'.");
		}
	}

	private static boolean literalMatches(String text, String type) {
		return switch (type) {
			case "Edm.Guid" -> GUID.matcher(text).matches();
			case "Edm.DateTimeOffset" -> Times.isDateTime(text);
			case "Edm.Binary" -> isBase64(text);
			default -> true;
		};
	}

	private static boolean isBase64(String text) {
		try {
			Base64.getMimeDecoder().decode(text);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static void expectNode(JsonNode value, String expected) {
		String actual = value.isObject() ? "StartObject" : value.isArray() ? "StartArray" : "PrimitiveValue";
		if (!actual.equals(expected)) {
			throw GraphError.odataBadRequest("An unexpected '" + actual + "' node was found when reading from the JSON "
					+ "reader. A '" + expected + "' node was expected.");
		}
	}

	private static void checkAnnotation(String name, JsonNode value, String typeName) {
		if (!name.equals("@odata.type")) {
			return;
		}
		String expected = "#microsoft.graph." + GraphSchema.bare(typeName);
		if (!value.isTextual() || !(value.asText().equalsIgnoreCase(expected)
				|| value.asText().equalsIgnoreCase(expected.substring(1)))) {
			throw GraphError.odataBadRequest("A type named '" + value.asText() + "' could not be resolved by the model. "
					+ "When a model is available, each type name must resolve to a valid type.");
		}
	}

}
