package io.dicomreg.sandbox.directory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Microsoft Graph v1.0 property names and types of the entities the sandbox serves, read from
 * {@code graph-v1.0-types.json} (extracted from Graph's published CSDL metadata).
 */
public final class GraphSchema {

	private static final String RESOURCE = "/io/dicomreg/sandbox/graph-v1.0-types.json";

	private static final GraphSchema INSTANCE = load();

	private final JsonNode types;

	private final JsonNode enums;

	private final JsonNode actions;

	private GraphSchema(JsonNode root) {
		this.types = root.path("types");
		this.enums = root.path("enums");
		this.actions = root.path("actions");
	}

	public static GraphSchema get() {
		return INSTANCE;
	}

	/**
	 * The structural properties of a type and of its base types, in declaration order.
	 * @param typeName a name such as {@code application} or {@code graph.keyCredential}
	 * @return property name to type reference (e.g. {@code Collection(graph.keyCredential)})
	 */
	public Map<String, String> properties(String typeName) {
		Map<String, String> properties = new LinkedHashMap<>();
		String name = bare(typeName);
		while (name != null && this.types.has(name)) {
			JsonNode type = this.types.get(name);
			Map<String, String> own = new LinkedHashMap<>();
			type.path("properties").fields().forEachRemaining((e) -> own.put(e.getKey(), e.getValue().asText()));
			own.putAll(properties);
			properties = own;
			name = type.path("base").isNull() ? null : bare(type.path("base").asText());
		}
		return properties;
	}

	public boolean isComplexType(String typeName) {
		return "ComplexType".equals(this.types.path(bare(typeName)).path("kind").asText());
	}

	public Optional<List<String>> enumMembers(String typeName) {
		JsonNode members = this.enums.get(bare(typeName));
		if (members == null) {
			return Optional.empty();
		}
		List<String> values = new ArrayList<>();
		members.forEach((m) -> values.add(m.asText()));
		return Optional.of(values);
	}

	/**
	 * The parameters of an action bound to a type.
	 * @param action e.g. addPassword
	 * @param bindingType e.g. application
	 * @return parameter name to type reference, empty when there is no such action
	 */
	public Optional<Map<String, String>> actionParameters(String action, String bindingType) {
		for (JsonNode overload : this.actions.path(action)) {
			if (bare(overload.path("bindingParameter").asText()).equals(bare(bindingType))) {
				Map<String, String> parameters = new LinkedHashMap<>();
				overload.path("parameters").fields()
					.forEachRemaining((e) -> parameters.put(e.getKey(), e.getValue().asText()));
				return Optional.of(parameters);
			}
		}
		return Optional.empty();
	}

	/**
	 * An instance with every property present: collections empty, everything else null.
	 * @param typeName the type
	 * @return a new object
	 */
	public ObjectNode defaults(String typeName) {
		ObjectNode object = Json.object();
		properties(typeName).forEach((name, type) -> {
			if (isCollection(type)) {
				object.set(name, Json.array());
			}
			else {
				object.putNull(name);
			}
		});
		return object;
	}

	public static boolean isCollection(String typeReference) {
		return typeReference.startsWith("Collection(");
	}

	public static String elementType(String typeReference) {
		return isCollection(typeReference) ? typeReference.substring(11, typeReference.length() - 1) : typeReference;
	}

	public static String bare(String typeName) {
		return typeName.startsWith("graph.") ? typeName.substring(6) : typeName;
	}

	private static GraphSchema load() {
		try (InputStream input = GraphSchema.class.getResourceAsStream(RESOURCE)) {
			if (input == null) {
				throw new IllegalStateException("Missing resource " + RESOURCE);
			}
			return new GraphSchema(Json.parse(input.readAllBytes()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
