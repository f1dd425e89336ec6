package io.dicomreg.sandbox.graph;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.directory.Json;
import io.dicomreg.sandbox.directory.Tenant;

/**
 * Checks requiredResourceAccess: at most 50 resources and 400 permissions, each resource present in the tenant as
 * a service principal, each permission one that resource exposes.
 */
final class ResourceAccessRules {

	static final int MAX_RESOURCES = 50;

	static final int MAX_PERMISSIONS = 400;

	private ResourceAccessRules() {
	}

	static void check(Tenant tenant, ObjectNode application) {
		JsonNode resources = application.path("requiredResourceAccess");
		int permissions = 0;
		if (resources.size() > MAX_RESOURCES) {
			throw invalid();
		}
		for (JsonNode resource : resources) {
			String resourceAppId = Json.text(resource, "resourceAppId");
			ObjectNode servicePrincipal = Optional.ofNullable(resourceAppId)
				.flatMap(tenant::servicePrincipalByAppId)
				.orElseThrow(ResourceAccessRules::invalid);
			for (JsonNode access : resource.path("resourceAccess")) {
				permissions++;
				if (permissions > MAX_PERMISSIONS || !exposes(servicePrincipal, access)) {
					throw invalid();
				}
			}
		}
	}

	private static boolean exposes(ObjectNode servicePrincipal, JsonNode access) {
		String collection = switch (String.valueOf(Json.text(access, "type"))) {
			case "Scope" -> "oauth2PermissionScopes";
			case "Role" -> "appRoles";
			default -> null;
		};
		String permissionId = Json.text(access, "id");
		if (collection == null || permissionId == null) {
			return false;
		}
		for (JsonNode permission : servicePrincipal.path(collection)) {
			if (permissionId.equalsIgnoreCase(Json.text(permission, "id"))) {
				return true;
			}
		}
		return false;
	}

	private static GraphError invalid() {
		return GraphError.invalidValue("requiredResourceAccess", "Application");
	}

}
