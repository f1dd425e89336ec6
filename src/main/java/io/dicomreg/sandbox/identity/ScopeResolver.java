package io.dicomreg.sandbox.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.SandboxDirectory;
import io.dicomreg.sandbox.directory.Json;
import io.dicomreg.sandbox.directory.StoredApplication;
import io.dicomreg.sandbox.directory.Tenant;

/**
 * Reads a scope parameter the way Entra ID does: one resource per request, permissions that exist on it, and
 * {@code /.default} meaning "what the app is configured or consented for".
 */
final class ScopeResolver {

	static final Set<String> OPENID_SCOPES = Set.of("openid", "profile", "offline_access", "email");

	private static final String DEFAULT = ".default";

	private ScopeResolver() {
	}

	/**
	 * Resolves the scopes of a delegated (user) request.
	 * @param tenant the tenant
	 * @param client the client
	 * @param scopeParameter the scope parameter
	 * @return the resolved scopes
	 */
	static ResolvedScopes delegated(Tenant tenant, ClientApp client, String scopeParameter) {
		Parsed parsed = parse(tenant, scopeParameter);
		ObjectNode resource = parsed.resource();
		Set<String> permissions = new LinkedHashSet<>();
		for (String[] scope : parsed.scopes()) {
			if (DEFAULT.equals(scope[1])) {
				permissions.addAll(defaultScopes(tenant, client, resource));
			}
			else {
				permissions.add(canonical(resource, "oauth2PermissionScopes", scope));
			}
		}
		if (parsed.scopes().isEmpty()) {
			permissions.add("User.Read");
		}
		return new ResolvedScopes(resource, parsed.audience(), List.copyOf(permissions), parsed.openIdScopes());
	}

	/**
	 * Resolves the scope of a client credentials request, which must be {@code {resource}/.default}.
	 * @param tenant the tenant
	 * @param application the client application
	 * @param scopeParameter the scope parameter
	 * @return the resolved scopes, with the app roles the application is configured for
	 */
	static ResolvedScopes appOnly(Tenant tenant, StoredApplication application, String scopeParameter) {
		for (String scope : split(scopeParameter)) {
			if (!OPENID_SCOPES.contains(scope) && !scope.endsWith("/" + DEFAULT)) {
				throw IdentityError.badRequest("invalid_scope", 1002012, "The provided value for scope " + scope
						+ " is not valid. Client credential flows must have a scope value with /.default suffixed "
						+ "to the resource identifier (application ID URI).");
			}
		}
		Parsed parsed = parse(tenant, scopeParameter);
		List<String> roles = configuredPermissions(application, parsed.resource(), "Role", "appRoles");
		return new ResolvedScopes(parsed.resource(), parsed.audience(), roles, Set.of());
	}

	private static Parsed parse(Tenant tenant, String scopeParameter) {
		Set<String> openId = new LinkedHashSet<>();
		Map<String, List<String[]>> byResource = new LinkedHashMap<>();
		for (String scope : split(scopeParameter)) {
			if (OPENID_SCOPES.contains(scope)) {
				openId.add(scope);
				continue;
			}
			int slash = scope.lastIndexOf('/');
			String resource = (slash > 0) ? scope.substring(0, slash) : SandboxDirectory.GRAPH_RESOURCE;
			String value = (slash > 0) ? scope.substring(slash + 1) : scope;
			byResource.computeIfAbsent(resourceKey(tenant, resource), (key) -> new ArrayList<>())
				.add(new String[] { scope, value, resource });
		}
		if (byResource.size() > 1) {
			throw IdentityError.badRequest("invalid_scope", 28000, "Provided value for the input parameter scope is "
					+ "not valid because it contains more than one resource. Scope " + scopeParameter + " is not valid.");
		}
		if (byResource.isEmpty()) {
			ObjectNode graph = tenant.servicePrincipalByAppId(SandboxDirectory.GRAPH_APP_ID).orElseThrow();
			return new Parsed(graph, SandboxDirectory.GRAPH_RESOURCE, List.of(), openId);
		}
		List<String[]> scopes = byResource.values().iterator().next();
		String resourceName = scopes.get(0)[2];
		ObjectNode resource = findResource(tenant, resourceName).orElseThrow();
		return new Parsed(resource, audience(resource, resourceName), scopes, openId);
	}

	private static String resourceKey(Tenant tenant, String resourceName) {
		return findResource(tenant, resourceName).map((sp) -> Json.text(sp, "id"))
			.orElseThrow(() -> IdentityError.badRequest("invalid_resource", 500011, "The resource principal named "
					+ resourceName + " was not found in the tenant named " + SandboxDirectory.TENANT_DISPLAY_NAME
					+ ". This can happen if the application has not been installed by the administrator of the tenant "
					+ "or consented to by any user in the tenant. You might have sent your authentication request to "
					+ "the wrong tenant."));
	}

	private static Optional<ObjectNode> findResource(Tenant tenant, String resourceName) {
		String trimmed = resourceName.endsWith("/") ? resourceName.substring(0, resourceName.length() - 1)
				: resourceName;
		return tenant.servicePrincipalByName(resourceName)
			.or(() -> tenant.servicePrincipalByName(trimmed))
			.or(() -> tenant.servicePrincipalByName(trimmed + "/"));
	}

	private static String audience(ObjectNode resource, String resourceName) {
		String appId = Json.text(resource, "appId");
		if (SandboxDirectory.GRAPH_APP_ID.equals(appId)) {
			return SandboxDirectory.GRAPH_RESOURCE;
		}
		if (SandboxDirectory.DICOM_APP_ID.equals(appId)) {
			return SandboxDirectory.DICOM_RESOURCE;
		}
		return resourceName.endsWith("/") ? resourceName.substring(0, resourceName.length() - 1) : resourceName;
	}

	private static String canonical(ObjectNode resource, String collection, String[] scope) {
		for (JsonNode permission : resource.path(collection)) {
			if (scope[1].equalsIgnoreCase(Json.text(permission, "value"))) {
				return Json.text(permission, "value");
			}
		}
		throw IdentityError.badRequest("invalid_scope", 70011,
				"The provided value for the input parameter 'scope' is not valid. The scope '" + scope[0]
						+ "' is not valid.");
	}

	private static Set<String> defaultScopes(Tenant tenant, ClientApp client, ObjectNode resource) {
		Set<String> scopes = new LinkedHashSet<>();
		client.application().ifPresent((app) -> scopes
			.addAll(configuredPermissions(app, resource, "Scope", "oauth2PermissionScopes")));
		tenant.servicePrincipalByAppId(client.appId()).ifPresent((clientSp) -> {
			for (ObjectNode grant : tenant.grants()) {
				if (Json.text(clientSp, "id").equals(Json.text(grant, "clientId"))
						&& Json.text(resource, "id").equals(Json.text(grant, "resourceId"))) {
					scopes.addAll(split(Json.text(grant, "scope")));
				}
			}
		});
		scopes.addAll(SandboxDirectory.preAuthorizedScopes(client.appId(), Json.text(resource, "appId")));
		if (scopes.isEmpty() && SandboxDirectory.GRAPH_APP_ID.equals(Json.text(resource, "appId"))) {
			scopes.add("User.Read");
		}
		return scopes;
	}

	private static List<String> configuredPermissions(StoredApplication app, ObjectNode resource, String type,
			String collection) {
		List<String> values = new ArrayList<>();
		for (JsonNode access : app.object().path("requiredResourceAccess")) {
			if (!Json.text(resource, "appId").equalsIgnoreCase(Json.text(access, "resourceAppId"))) {
				continue;
			}
			for (JsonNode entry : access.path("resourceAccess")) {
				if (type.equals(Json.text(entry, "type"))) {
					valueOf(resource, collection, Json.text(entry, "id")).ifPresent(values::add);
				}
			}
		}
		return values;
	}

	private static Optional<String> valueOf(ObjectNode resource, String collection, String permissionId) {
		for (JsonNode permission : resource.path(collection)) {
			if (permissionId != null && permissionId.equalsIgnoreCase(Json.text(permission, "id"))) {
				return Optional.ofNullable(Json.text(permission, "value"));
			}
		}
		return Optional.empty();
	}

	static List<String> split(String scopes) {
		List<String> values = new ArrayList<>();
		if (scopes != null) {
			for (String scope : scopes.trim().split("\\s+")) {
				if (!scope.isEmpty()) {
					values.add(scope);
				}
			}
		}
		return values;
	}

	private record Parsed(ObjectNode resource, String audience, List<String[]> scopes, Set<String> openIdScopes) {

	}

}
