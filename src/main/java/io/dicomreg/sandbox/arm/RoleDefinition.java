package io.dicomreg.sandbox.arm;

import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.directory.Json;

/**
 * A built-in Azure role: its id, name and permissions, assignable everywhere ({@code "/"}).
 *
 * @param id the role definition GUID
 * @param roleName the role's name, such as DICOM Data Owner
 * @param description the description
 * @param actions the control plane actions it allows, {@code *} matching any characters
 * @param notActions the actions it leaves out of {@code actions}
 * @param dataActions the data plane actions it allows
 */
record RoleDefinition(String id, String roleName, String description, List<String> actions, List<String> notActions,
		List<String> dataActions) {

	static final String TYPE = "Microsoft.Authorization/roleDefinitions";

	/**
	 * Whether the role allows a control plane action, as ARM matches them (ignoring case).
	 * @param action e.g. Microsoft.HealthcareApis/workspaces/read
	 * @return true when an action matches and no notAction does
	 */
	boolean allows(String action) {
		return this.actions.stream().anyMatch((pattern) -> matches(pattern, action))
				&& this.notActions.stream().noneMatch((pattern) -> matches(pattern, action));
	}

	/**
	 * Whether the role allows a data plane action (its {@code dataActions}; the built-in roles have no
	 * {@code notDataActions}), matched as ARM matches actions.
	 * @param dataAction e.g. Microsoft.HealthcareApis/workspaces/dicomservices/resources/read
	 * @return true when a data action matches
	 */
	boolean allowsDataAction(String dataAction) {
		return this.dataActions.stream().anyMatch((pattern) -> matches(pattern, dataAction));
	}

	/**
	 * The role definition as ARM answers it.
	 * @param scope the scope it was asked at: its id is prefixed with it, except at the root scope
	 * @return the JSON
	 */
	ObjectNode toJson(Scope scope) {
		ObjectNode permissions = Json.object();
		strings(permissions.putArray("actions"), this.actions);
		strings(permissions.putArray("notActions"), this.notActions);
		strings(permissions.putArray("dataActions"), this.dataActions);
		permissions.putArray("notDataActions");
		ObjectNode properties = Json.object();
		properties.put("roleName", this.roleName);
		properties.put("type", "BuiltInRole");
		properties.put("description", this.description);
		properties.putArray("assignableScopes").add("/");
		properties.putArray("permissions").add(permissions);
		ObjectNode definition = Json.object();
		definition.set("properties", properties);
		definition.put("id", (scope.isRoot() ? "" : scope.id()) + "/providers/" + TYPE + "/" + this.id);
		definition.put("type", TYPE);
		definition.put("name", this.id);
		return definition;
	}

	private static void strings(ArrayNode array, List<String> values) {
		values.forEach(array::add);
	}

	private static boolean matches(String pattern, String action) {
		StringBuilder regex = new StringBuilder();
		for (String part : pattern.split("\\*", -1)) {
			if (regex.length() > 0 || pattern.startsWith("*")) {
				regex.append(".*");
			}
			regex.append(Pattern.quote(part));
		}
		return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE).matcher(action).matches();
	}

}
