package io.dicomreg.sandbox.arm;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.dicomreg.sandbox.directory.Json;

/**
 * The body of a role assignment PUT, checked as ARM checks it.
 *
 * @param roleDefinitionId the role's GUID, taken from the last segment of the id sent (with or without the
 * {@code /subscriptions/{id}} prefix); the role exists
 * @param principalId the principal's object id, a GUID
 * @param principalType the principal type sent, canonical case, or null
 * @param description the description, or null
 * @param condition the condition, or null
 * @param conditionVersion the condition's version, or null
 */
record RoleAssignmentRequest(String roleDefinitionId, String principalId, String principalType, String description,
		String condition, String conditionVersion) {

	static final List<String> PRINCIPAL_TYPES = List.of("User", "Group", "ServicePrincipal", "ForeignGroup");

	private static final String GUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

	private static final Pattern ROLE_DEFINITION_ID = Pattern.compile("^(?:/subscriptions/" + GUID
			+ ")?/providers/Microsoft\\.Authorization/roleDefinitions/(" + GUID + ")$", Pattern.CASE_INSENSITIVE);

	/**
	 * Reads and checks a body.
	 * @param body the JSON body
	 * @return the request
	 * @throws ArmError 400 InvalidRequestContent, InvalidRoleDefinitionId, RoleDefinitionDoesNotExist or
	 * InvalidPrincipalId
	 */
	static RoleAssignmentRequest read(JsonNode body) {
		JsonNode properties = body.path("properties");
		if (!properties.isObject()) {
			throw ArmCall.invalidContent("Required property 'properties' not found in JSON");
		}
		String roleDefinitionId = roleDefinition(Json.text(properties, "roleDefinitionId"));
		String principalId = Json.text(properties, "principalId");
		if (principalId == null || principalId.isBlank()) {
			throw ArmError.badRequest("InvalidPrincipalId", "A valid principal ID must be provided for role assignment.");
		}
		if (!principalId.matches("^" + GUID + "$")) {
			throw ArmError.badRequest("InvalidPrincipalId", "The Principal ID '" + principalId
					+ "' is not valid. Principal ID must be a GUID.");
		}
		return new RoleAssignmentRequest(roleDefinitionId, principalId.toLowerCase(Locale.ROOT),
				principalType(Json.text(properties, "principalType")), Json.text(properties, "description"),
				Json.text(properties, "condition"), Json.text(properties, "conditionVersion"));
	}

	private static String roleDefinition(String id) {
		Matcher matcher = ROLE_DEFINITION_ID.matcher((id != null) ? id : "");
		if (!matcher.matches()) {
			throw ArmError.badRequest("InvalidRoleDefinitionId", "The role definition ID '" + ((id != null) ? id : "")
					+ "' is not valid.");
		}
		return BuiltInRoles.byId(matcher.group(1))
			.orElseThrow(() -> ArmError.badRequest("RoleDefinitionDoesNotExist", "The specified role definition with ID '"
					+ RoleAssignmentsEndpoint.hex(matcher.group(1)) + "' does not exist."))
			.id();
	}

	private static String principalType(String type) {
		if (type == null) {
			return null;
		}
		return PRINCIPAL_TYPES.stream()
			.filter((known) -> known.equalsIgnoreCase(type))
			.findFirst()
			.orElseThrow(() -> ArmCall.invalidContent("Error converting value \"" + type
					+ "\" to type 'PrincipalType'. Path 'properties.principalType'"));
	}

}
