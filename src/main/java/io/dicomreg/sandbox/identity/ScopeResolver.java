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
import io.dicomreg.sandbox.directory.DirectoryUser;
import io.dicomreg.sandbox.directory.Json;
import io.dicomreg.sandbox.directory.Tenant;

/**
 * Reads a scope parameter the way Entra ID does: one resource per request, permissions that exist on it, and
 * {@code /.default} meaning "what was consented"; then decides what a token carries from the consent recorded in the
 * tenant (oauth2PermissionGrants for delegated permissions, app role assignments for application permissions).
 * <p>
 * The sandbox has no consent page. For the tenant's own applications nothing is consented by signing in: a token
 * holds what an administrator granted, and asking for more is AADSTS65001. For first-party clients (the Graph
 * command line tools, which dicomreg signs in with) the owner's approval of the sign-in stands for the user's answer
 * to Entra's consent prompt, for the scopes asked: any scope for the administrator, and for a member only the scopes
 * a user may consent to (type User); a scope that needs an administrator needs a grant.
 */
final class ScopeResolver {

	static final Set<String> OPENID_SCOPES = Set.of("openid", "profile", "offline_access", "email");

	private static final String DEFAULT = ".default";

	private ScopeResolver() {
	}

	/**
	 * Checks the scope parameter of a delegated (user) request before anyone signs in (device code, authorize):
	 * one resource, known to the tenant, and permissions it exposes. Consent is checked when the token is issued.
	 * @param tenant the tenant
	 * @param scopeParameter the scope parameter
	 * @throws IdentityError AADSTS28000, 500011 or 70011 as Entra answers them
	 */
	static void checkDelegated(Tenant tenant, String scopeParameter) {
		Parsed parsed = parse(tenant, scopeParameter);
		for (String[] scope : parsed.scopes()) {
			if (!DEFAULT.equals(scope[1])) {
				canonical(parsed.resource(), "oauth2PermissionScopes", scope);
			}
		}
	}

	/**
	 * Resolves what a delegated token for a signed-in user carries: the scopes consented for the client, the user
	 * and the resource, as Entra's token holds them (all consented scopes of that resource, not only those asked).
	 * @param tenant the tenant
	 * @param client the client
	 * @param user the signed-in user
	 * @param scopeParameter the scope parameter
	 * @return the resolved scopes
	 * @throws IdentityError AADSTS65001 when a scope asked for (or, for {@code .default}, any scope) was not
	 * consented, or the client application has no service principal (nobody consented to it yet)
	 */
	static ResolvedScopes consented(Tenant tenant, ClientApp client, DirectoryUser user, String scopeParameter) {
		Parsed parsed = parse(tenant, scopeParameter);
		ObjectNode resource = parsed.resource();
		boolean tenantApp = client.application().isPresent();
		if (tenantApp && tenant.servicePrincipalByAppId(client.appId()).isEmpty()) {
			throw IdentityError.consentRequired(client.appId(), client.displayName());
		}
		Set<String> granted = grantedScopes(tenant, client, user, resource);
		Set<String> permissions = new LinkedHashSet<>();
		for (String[] scope : parsed.scopes()) {
			if (DEFAULT.equals(scope[1])) {
				if (tenantApp && granted.isEmpty()) {
					throw IdentityError.consentRequired(client.appId(), client.displayName());
				}
				permissions.addAll(granted);
				if (!tenantApp) {
					// What Microsoft pre-authorizes its own tools for, e.g. ARM's user_impersonation for the Graph CLI.
					permissions.addAll(SandboxDirectory.preAuthorizedScopes(client.appId(), Json.text(resource, "appId")));
				}
				if (!tenantApp && permissions.isEmpty() && isGraph(resource)) {
					permissions.add("User.Read");
				}
				continue;
			}
			String value = canonical(resource, "oauth2PermissionScopes", scope);
			if (!granted.contains(value) && !consentedAtPrompt(client, user, resource, value)) {
				throw IdentityError.consentRequired(client.appId(), client.displayName());
			}
			permissions.add(value);
		}
		if (parsed.scopes().isEmpty() && !tenantApp) {
			permissions.add("User.Read");
		}
		permissions.addAll(granted);
		return new ResolvedScopes(resource, parsed.audience(), List.copyOf(permissions), parsed.openIdScopes());
	}

	/**
	 * Resolves the scope of a client credentials request, which must be {@code {resource}/.default}.
	 * @param tenant the tenant
	 * @param servicePrincipal the client application's service principal
	 * @param scopeParameter the scope parameter
	 * @return the resolved scopes, with the app roles assigned to the client on that resource (none is fine)
	 */
	static ResolvedScopes appOnly(Tenant tenant, ObjectNode servicePrincipal, String scopeParameter) {
		for (String scope : split(scopeParameter)) {
			if (!OPENID_SCOPES.contains(scope) && !scope.endsWith("/" + DEFAULT)) {
				throw IdentityError.badRequest("invalid_scope", 1002012, "The provided value for scope " + scope
						+ " is not valid. Client credential flows must have a scope value with /.default suffixed "
						+ "to the resource identifier (application ID URI).");
			}
		}
		Parsed parsed = parse(tenant, scopeParameter);
		List<String> roles = assignedRoles(tenant, servicePrincipal, parsed.resource());
		return new ResolvedScopes(parsed.resource(), parsed.audience(), roles, Set.of());
	}

	/**
	 * Resolves the {@code resource} parameter of a v1.0 client credentials request: an application ID URI (with or
	 * without a trailing slash) or an appId. The token's audience is the resource as asked, as Entra's v1.0 endpoint
	 * issues it.
	 * @param tenant the tenant
	 * @param servicePrincipal the client application's service principal
	 * @param resourceParameter the resource parameter
	 * @return the resolved scopes, with the app roles assigned to the client on that resource (none is fine)
	 * @throws IdentityError AADSTS500011 when the tenant has no such resource
	 */
	static ResolvedScopes appOnlyResource(Tenant tenant, ObjectNode servicePrincipal, String resourceParameter) {
		ObjectNode resource = findResource(tenant, resourceParameter)
			.orElseThrow(() -> resourceNotFound(resourceParameter));
		List<String> roles = assignedRoles(tenant, servicePrincipal, resource);
		return new ResolvedScopes(resource, resourceParameter, roles, Set.of());
	}

	/**
	 * The delegated permissions granted to the client on the resource, for everyone (AllPrincipals) or for this
	 * user (Principal), in the order the grants list them.
	 */
	private static Set<String> grantedScopes(Tenant tenant, ClientApp client, DirectoryUser user,
			ObjectNode resource) {
		Set<String> scopes = new LinkedHashSet<>();
		Optional<ObjectNode> clientSp = tenant.servicePrincipalByAppId(client.appId());
		if (clientSp.isEmpty()) {
			return scopes;
		}
		String clientId = Json.text(clientSp.get(), "id");
		String resourceId = Json.text(resource, "id");
		for (String consentType : new String[] { "AllPrincipals", "Principal" }) {
			for (ObjectNode grant : tenant.grants()) {
				boolean forUser = "AllPrincipals".equals(consentType)
						|| user.objectId().equalsIgnoreCase(Json.text(grant, "principalId"));
				if (clientId.equalsIgnoreCase(Json.text(grant, "clientId"))
						&& resourceId.equalsIgnoreCase(Json.text(grant, "resourceId"))
						&& consentType.equals(Json.text(grant, "consentType")) && forUser) {
					split(Json.text(grant, "scope")).forEach((value) -> canonicalValue(resource, value)
						.ifPresent(scopes::add));
				}
			}
		}
		return scopes;
	}

	/**
	 * Whether the owner's approval of a first-party client's sign-in answers Entra's consent prompt for this scope:
	 * the administrator may consent to anything for themselves, a member only to scopes users may consent to.
	 */
	private static boolean consentedAtPrompt(ClientApp client, DirectoryUser user, ObjectNode resource,
			String value) {
		if (client.application().isPresent()) {
			return false;
		}
		if (user.administrator()) {
			return true;
		}
		for (JsonNode permission : resource.path("oauth2PermissionScopes")) {
			if (value.equals(Json.text(permission, "value"))) {
				return !"Admin".equals(Json.text(permission, "type"));
			}
		}
		return false;
	}

	/**
	 * The values of the app roles assigned to the client's service principal on the resource, in assignment order.
	 */
	private static List<String> assignedRoles(Tenant tenant, ObjectNode servicePrincipal, ObjectNode resource) {
		Set<String> roles = new LinkedHashSet<>();
		String principalId = Json.text(servicePrincipal, "id");
		String resourceId = Json.text(resource, "id");
		for (ObjectNode assignment : tenant.appRoleAssignments()) {
			if (principalId.equalsIgnoreCase(Json.text(assignment, "principalId"))
					&& resourceId.equalsIgnoreCase(Json.text(assignment, "resourceId"))) {
				valueOf(resource, "appRoles", Json.text(assignment, "appRoleId")).ifPresent(roles::add);
			}
		}
		return List.copyOf(roles);
	}

	private static Optional<String> canonicalValue(ObjectNode resource, String value) {
		for (JsonNode permission : resource.path("oauth2PermissionScopes")) {
			if (value.equalsIgnoreCase(Json.text(permission, "value"))) {
				return Optional.ofNullable(Json.text(permission, "value"));
			}
		}
		return Optional.empty();
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
			.orElseThrow(() -> resourceNotFound(resourceName));
	}

	private static IdentityError resourceNotFound(String resourceName) {
		return IdentityError.badRequest("invalid_resource", 500011, "The resource principal named " + resourceName
				+ " was not found in the tenant named " + SandboxDirectory.TENANT_DISPLAY_NAME + ". This can happen if "
				+ "the application has not been installed by the administrator of the tenant or consented to by any "
				+ "user in the tenant. You might have sent your authentication request to the wrong tenant.");
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

	private static boolean isGraph(ObjectNode resource) {
		return SandboxDirectory.GRAPH_APP_ID.equals(Json.text(resource, "appId"));
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
