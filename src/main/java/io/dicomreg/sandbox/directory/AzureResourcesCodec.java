package io.dicomreg.sandbox.directory;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Converts {@link AzureResources} to and from the {@code "azure"} section of the state file.
 */
final class AzureResourcesCodec {

	private AzureResourcesCodec() {
	}

	static ObjectNode toJson(AzureResources azure) {
		ObjectNode node = Json.object();
		ArrayNode subscriptions = node.putArray("subscriptions");
		azure.subscriptions().forEach((s) -> subscriptions.add(Json.mapper().valueToTree(s)));
		ArrayNode groups = node.putArray("resourceGroups");
		azure.resourceGroups().forEach((g) -> groups.add(Json.mapper().valueToTree(g)));
		ArrayNode workspaces = node.putArray("workspaces");
		azure.workspaces().forEach((w) -> workspaces.add(Json.mapper().valueToTree(w)));
		ArrayNode dicomServices = node.putArray("dicomServices");
		azure.dicomServices().forEach((d) -> dicomServices.add(Json.mapper().valueToTree(d)));
		ArrayNode assignments = node.putArray("roleAssignments");
		azure.roleAssignments().forEach((a) -> assignments.add(roleAssignment(a)));
		return node;
	}

	/**
	 * Reads the section back, checking it as the resources are added.
	 * @param node the {@code "azure"} object
	 * @return the resources
	 * @throws IllegalArgumentException naming what is wrong
	 */
	static AzureResources fromJson(JsonNode node) {
		AzureResources azure = new AzureResources();
		for (JsonNode s : array(node, "subscriptions")) {
			azure.add(new AzureSubscription(required(s, "subscriptionId"), required(s, "displayName")));
		}
		for (JsonNode g : array(node, "resourceGroups")) {
			azure.add(new ResourceGroup(required(g, "subscriptionId"), required(g, "name"), required(g, "location")));
		}
		for (JsonNode w : array(node, "workspaces")) {
			azure.add(new HealthcareWorkspace(required(w, "subscriptionId"), required(w, "resourceGroup"),
					required(w, "name"), required(w, "location"), required(w, "etag")));
		}
		for (JsonNode d : array(node, "dicomServices")) {
			azure.add(new DicomService(required(d, "subscriptionId"), required(d, "resourceGroup"),
					required(d, "workspace"), required(d, "name"), required(d, "location"), required(d, "etag")));
		}
		for (JsonNode a : array(node, "roleAssignments")) {
			azure.putRoleAssignment(roleAssignment(a));
		}
		return azure;
	}

	private static ObjectNode roleAssignment(RoleAssignment assignment) {
		ObjectNode node = Json.object();
		node.put("name", assignment.name());
		node.put("scope", assignment.scope());
		node.put("roleDefinitionId", assignment.roleDefinitionId());
		node.put("principalId", assignment.principalId());
		node.put("principalType", assignment.principalType());
		node.put("description", assignment.description());
		node.put("condition", assignment.condition());
		node.put("conditionVersion", assignment.conditionVersion());
		node.put("createdOn", assignment.createdOn().toString());
		node.put("updatedOn", assignment.updatedOn().toString());
		node.put("createdBy", assignment.createdBy());
		node.put("updatedBy", assignment.updatedBy());
		return node;
	}

	private static RoleAssignment roleAssignment(JsonNode node) {
		return new RoleAssignment(required(node, "name"), required(node, "scope"), required(node, "roleDefinitionId"),
				required(node, "principalId"), required(node, "principalType"), Json.text(node, "description"),
				Json.text(node, "condition"), Json.text(node, "conditionVersion"), instant(node, "createdOn"),
				instant(node, "updatedOn"), Json.text(node, "createdBy"), Json.text(node, "updatedBy"));
	}

	private static Instant instant(JsonNode node, String field) {
		try {
			return Instant.parse(required(node, field));
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("azure.roleAssignments[]." + field + " is not an instant");
		}
	}

	private static JsonNode array(JsonNode node, String field) {
		JsonNode array = node.path(field);
		if (!array.isArray()) {
			throw new IllegalArgumentException("\"azure." + field + "\" is missing or not an array");
		}
		return array;
	}

	private static String required(JsonNode node, String field) {
		String value = Json.text(node, field);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("\"" + field + "\" is missing in \"azure\"");
		}
		return value;
	}

}
