package io.dicomreg.sandbox.arm;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.http.SandboxResponse;

/**
 * The built-in role definitions (Microsoft.Authorization 2022-04-01), at the root scope or any scope the sandbox
 * knows; every signed-in caller may read them. Lists filter by {@code roleName eq '{name}'} or
 * {@code type eq 'BuiltInRole'}.
 */
final class RoleDefinitionsEndpoint {

	private static final Pattern ROLE_NAME = Pattern.compile("^roleName\\s+eq\\s+'(.*)'$", Pattern.CASE_INSENSITIVE);

	private static final Pattern BUILT_IN = Pattern.compile("^type\\s+eq\\s+'BuiltInRole'$", Pattern.CASE_INSENSITIVE);

	SandboxResponse get(ArmCall call, Scope scope, String roleDefinitionId) {
		existing(call, scope);
		RoleDefinition role = BuiltInRoles.byId(roleDefinitionId)
			.orElseThrow(() -> new ArmError(404, "RoleDefinitionDoesNotExist",
					"The specified role definition with ID '" + roleDefinitionId + "' does not exist."));
		return ArmResponses.json(200, role.toJson(scope));
	}

	SandboxResponse list(ArmCall call, Scope scope) {
		existing(call, scope);
		String filter = call.query("$filter");
		List<RoleDefinition> roles = BuiltInRoles.ALL;
		if (filter != null && !filter.isBlank()) {
			Matcher roleName = ROLE_NAME.matcher(filter.strip());
			if (roleName.matches()) {
				roles = BuiltInRoles.byName(roleName.group(1).replace("''", "'")).stream().toList();
			}
			else if (!BUILT_IN.matcher(filter.strip()).matches()) {
				throw ArmError.badRequest("UnsupportedQuery", "The filter '" + filter + "' is not supported. "
						+ "Supported filters are 'roleName eq '{value}'' and 'type eq 'BuiltInRole''.");
			}
		}
		List<ObjectNode> definitions = roles.stream().map((role) -> role.toJson(scope)).toList();
		return ArmResponses.json(200, Pages.page(call, definitions));
	}

	private static void existing(ArmCall call, Scope scope) {
		call.context().store().read((tenant) -> AzureLookup.existing(tenant.azure(), scope));
	}

}
