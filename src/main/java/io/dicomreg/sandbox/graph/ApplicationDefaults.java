package io.dicomreg.sandbox.graph;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.SandboxDirectory;
import io.dicomreg.sandbox.directory.GraphSchema;
import io.dicomreg.sandbox.directory.Json;
import io.dicomreg.sandbox.directory.Times;

/**
 * The values Graph gives a new application, and the defaults it fills into complex values sent without some of
 * their properties.
 */
final class ApplicationDefaults {

	/** Properties Graph does not return unless selected, or that cannot be read as JSON. */
	private static final Set<String> NOT_RETURNED = Set.of("logo", "authenticationBehaviors");

	/** Complex properties a new application has as objects rather than null. */
	private static final Set<String> PRESENT_ON_CREATE = Set.of("api", "info", "parentalControlSettings",
			"publicClient", "spa", "web", "verifiedPublisher");

	private static final Map<String, Map<String, Object>> NON_NULL_DEFAULTS = Map.of("implicitGrantSettings",
			Map.of("enableAccessTokenIssuance", false, "enableIdTokenIssuance", false), "parentalControlSettings",
			Map.of("legalAgeGroupRule", "Allow"));

	private ApplicationDefaults() {
	}

	static ObjectNode newApplication(String createdByAppId, Instant now) {
		ObjectNode application = GraphSchema.get().defaults("application");
		NOT_RETURNED.forEach(application::remove);
		application.put("id", UUID.randomUUID().toString());
		application.put("appId", UUID.randomUUID().toString());
		application.put("createdByAppId", createdByAppId);
		application.put("createdDateTime", Times.format(now));
		application.put("publisherDomain", SandboxDirectory.TENANT_DOMAIN);
		application.put("signInAudience", "AzureADMyOrg");
		Map<String, String> properties = GraphSchema.get().properties("application");
		for (String name : PRESENT_ON_CREATE) {
			application.set(name, complete(Json.object(), properties.get(name)));
		}
		return application;
	}

	/**
	 * Fills the properties a complex value was sent without: empty collections, nested defaults, nulls.
	 * @param value the complex value
	 * @param typeName its Graph type
	 * @return the same value, completed
	 */
	static ObjectNode complete(ObjectNode value, String typeName) {
		String type = GraphSchema.bare(typeName);
		Map<String, Object> nonNull = NON_NULL_DEFAULTS.getOrDefault(type, Map.of());
		GraphSchema.get().properties(type).forEach((name, propertyType) -> {
			JsonNode current = value.get(name);
			if (current != null && current.isObject() && GraphSchema.get().isComplexType(propertyType)) {
				complete((ObjectNode) current, propertyType);
			}
			else if (current == null) {
				value.set(name, defaultValue(propertyType, nonNull.get(name)));
			}
		});
		return value;
	}

	private static JsonNode defaultValue(String propertyType, Object nonNull) {
		if (GraphSchema.isCollection(propertyType)) {
			return Json.array();
		}
		if (nonNull != null) {
			return Json.mapper().valueToTree(nonNull);
		}
		if (NON_NULL_DEFAULTS.containsKey(GraphSchema.bare(propertyType))) {
			return complete(Json.object(), propertyType);
		}
		return Json.object().nullNode();
	}

	static boolean hasPersonalAccounts(String signInAudience) {
		return "AzureADandPersonalMicrosoftAccount".equals(signInAudience)
				|| "PersonalMicrosoftAccount".equals(signInAudience);
	}

}
