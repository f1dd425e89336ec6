package io.dicomreg.sandbox.graph;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.directory.GraphSchema;
import io.dicomreg.sandbox.directory.Json;
import io.dicomreg.sandbox.directory.StoredApplication;
import io.dicomreg.sandbox.directory.Tenant;

/**
 * Applies a POST or PATCH body to an application: each property sent replaces the stored one wholly, properties
 * not sent stay as they are.
 */
final class ApplicationWriter {

	private static final Set<String> READ_ONLY = Set.of("id", "appId", "createdDateTime", "publisherDomain",
			"deletedDateTime", "createdByAppId", "disabledByMicrosoftStatus");

	private final Tenant tenant;

	private final ObjectNode application;

	private final boolean create;

	ApplicationWriter(Tenant tenant, ObjectNode application, boolean create) {
		this.tenant = tenant;
		this.application = application;
		this.create = create;
	}

	/**
	 * Applies a body that has already passed the schema check.
	 * @param body the body
	 */
	void apply(ObjectNode body) {
		Map<String, String> types = GraphSchema.get().properties("application");
		body.fields().forEachRemaining((field) -> {
			String name = field.getKey();
			JsonNode value = field.getValue();
			if (name.startsWith("@")) {
				return;
			}
			switch (name) {
				case "uniqueName" -> setUniqueName(value);
				case "keyCredentials" -> this.application.set(name,
						KeyCredentials.replace(this.application.withArray("keyCredentials"), value));
				case "passwordCredentials" -> checkPasswords(value);
				default -> set(name, value, types.get(name));
			}
		});
		if (this.create && ApplicationDefaults.hasPersonalAccounts(Json.text(this.application, "signInAudience"))
				&& this.application.path("api").path("requestedAccessTokenVersion").isNull()) {
			((ObjectNode) this.application.path("api")).put("requestedAccessTokenVersion", 2);
		}
	}

	private void set(String name, JsonNode value, String type) {
		if (READ_ONLY.contains(name)) {
			boolean unchanged = !this.create && Objects.equals(this.application.get(name), value);
			if (!unchanged && !(this.create && value.isNull())) {
				throw GraphError.badRequest("Property '" + name + "' is read-only and cannot be set.");
			}
			return;
		}
		JsonNode copy = value.deepCopy();
		if (copy.isObject() && GraphSchema.get().isComplexType(type)) {
			ApplicationDefaults.complete((ObjectNode) copy, type);
		}
		this.application.set(name, copy);
	}

	private void setUniqueName(JsonNode value) {
		String current = Json.text(this.application, "uniqueName");
		String requested = value.isNull() ? null : value.asText();
		if (Objects.equals(current, requested)) {
			return;
		}
		if (current != null) {
			throw GraphError.badRequest("Property 'uniqueName' is immutable and cannot be changed once it is set.");
		}
		if (requested != null) {
			for (StoredApplication other : this.tenant.applications()) {
				if (requested.equalsIgnoreCase(other.uniqueName())) {
					throw GraphError.conflict("Another object with the same value for property uniqueName already exists.");
				}
			}
		}
		this.application.put("uniqueName", requested);
	}

	private static void checkPasswords(JsonNode value) {
		for (JsonNode credential : value) {
			if (credential.hasNonNull("secretText")) {
				throw GraphError.badRequest("Updating passwordCredentials with a secretText is not supported. "
						+ "Use the addPassword and removePassword actions to manage client secrets.");
			}
		}
	}

}
