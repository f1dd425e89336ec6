package io.dicomreg.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Sets up directory objects through the sandbox's own Graph endpoints, as an administrator: applications, service
 * principals, credentials, and the consent that tokens of the tenant's applications need (delegated permission
 * grants, app role assignments).
 */
public final class GraphFixture {

	private final Sandbox server;

	private final SandboxHttp http;

	private final String token;

	public GraphFixture(Sandbox server) {
		this.server = server;
		this.http = new SandboxHttp(server);
		this.token = SandboxTokens.adminGraphToken(server);
	}

	public SandboxHttp http() {
		return this.http;
	}

	public String token() {
		return this.token;
	}

	public JsonNode createApplication(Map<String, Object> body) {
		return expect(201, this.http.post("/v1.0/applications", this.token, body));
	}

	public JsonNode createApplication(String displayName) {
		return createApplication(Map.of("displayName", displayName));
	}

	/**
	 * An application that requests Graph's Application.Read.All app role, with a service principal.
	 * @param displayName the display name
	 * @return the application
	 */
	public JsonNode createDaemonApplication(String displayName) {
		JsonNode application = createApplication(Map.of("displayName", displayName, "requiredResourceAccess",
				List.of(Map.of("resourceAppId", SandboxDirectory.GRAPH_APP_ID, "resourceAccess",
						List.of(Map.of("id", SandboxDirectory.graphRole("Application.Read.All").orElseThrow().id(),
								"type", "Role"))))));
		createServicePrincipal(application.path("appId").asText());
		return application;
	}

	public JsonNode createServicePrincipal(String appId) {
		return expect(201, this.http.post("/v1.0/servicePrincipals", this.token, Map.of("appId", appId)));
	}

	public JsonNode addPassword(String objectId) {
		return expect(200, this.http.post("/v1.0/applications/" + objectId + "/addPassword", this.token,
				Map.of("passwordCredential", Map.of("displayName", "test secret"))));
	}

	public void uploadCertificate(String objectId, TestCertificates.Credential credential) {
		expect(204, this.http.patch("/v1.0/applications/" + objectId, this.token, Map.of("keyCredentials",
				List.of(Map.of("type", "AsymmetricX509Cert", "usage", "Verify", "key", credential.base64Der())))));
	}

	public Sandbox server() {
		return this.server;
	}

	/**
	 * What the portal's "Grant admin consent" does for an application: the delegated permissions it lists in
	 * requiredResourceAccess granted to everyone (one AllPrincipals oauth2PermissionGrant per resource, merged into
	 * an existing one), its application permissions assigned to its service principal (appRoleAssignedTo). The
	 * service principal is created when missing.
	 * @param appId the client application
	 */
	public void grantAdminConsent(String appId) {
		JsonNode application = expect(200, this.http.get("/v1.0/applications(appId='" + appId + "')", this.token));
		String clientId = servicePrincipal(appId).orElseGet(() -> createServicePrincipal(appId)).path("id").asText();
		for (JsonNode access : application.path("requiredResourceAccess")) {
			JsonNode resource = servicePrincipal(access.path("resourceAppId").asText()).orElseThrow();
			List<String> scopes = new ArrayList<>();
			for (JsonNode entry : access.path("resourceAccess")) {
				if (entry.path("type").asText().equals("Scope")) {
					scopes.add(valueOf(resource.path("oauth2PermissionScopes"), entry.path("id").asText()));
				}
				else {
					assignAppRole(clientId, resource, entry.path("id").asText());
				}
			}
			if (!scopes.isEmpty()) {
				grantDelegated(clientId, resource.path("id").asText(), String.join(" ", scopes));
			}
		}
	}

	/**
	 * Admin consent to delegated permissions of a resource for a client, for everyone: a new AllPrincipals grant, or
	 * the union with the scopes of the one there is.
	 * @param clientAppId the client application (its service principal must exist)
	 * @param resourceAppId the resource, e.g. {@link SandboxDirectory#DICOM_APP_ID}
	 * @param scope space separated scope values, e.g. Dicom.ReadWrite
	 * @return the grant's id
	 */
	public String grantDelegatedConsent(String clientAppId, String resourceAppId, String scope) {
		return grantDelegated(servicePrincipal(clientAppId).orElseThrow().path("id").asText(),
				servicePrincipal(resourceAppId).orElseThrow().path("id").asText(), scope);
	}

	/**
	 * Admin consent to one application permission: an app role of the resource assigned to the client's service
	 * principal.
	 * @param clientAppId the client application (its service principal must exist)
	 * @param resourceAppId the resource, e.g. {@link SandboxDirectory#GRAPH_APP_ID}
	 * @param roleValue the app role's value, e.g. Application.Read.All
	 * @return the assignment
	 */
	public JsonNode assignAppRole(String clientAppId, String resourceAppId, String roleValue) {
		JsonNode resource = servicePrincipal(resourceAppId).orElseThrow();
		String roleId = null;
		for (JsonNode role : resource.path("appRoles")) {
			if (role.path("value").asText().equals(roleValue)) {
				roleId = role.path("id").asText();
			}
		}
		return assignAppRole(servicePrincipal(clientAppId).orElseThrow().path("id").asText(), resource, roleId);
	}

	private String grantDelegated(String clientId, String resourceId, String scope) {
		JsonNode existing = expect(200, this.http.get("/v1.0/oauth2PermissionGrants?$filter="
				+ SandboxHttp.encode("clientId eq '" + clientId + "' and resourceId eq '" + resourceId
						+ "' and consentType eq 'AllPrincipals'").replace("+", "%20"), this.token))
			.path("value");
		if (existing.isEmpty()) {
			return expect(201, this.http.post("/v1.0/oauth2PermissionGrants", this.token, Map.of("clientId", clientId,
					"consentType", "AllPrincipals", "resourceId", resourceId, "scope", scope)))
				.path("id").asText();
		}
		JsonNode grant = existing.get(0);
		Set<String> union = new LinkedHashSet<>(List.of(grant.path("scope").asText().split(" ")));
		union.addAll(List.of(scope.split(" ")));
		union.remove("");
		expect(204, this.http.patch("/v1.0/oauth2PermissionGrants/" + grant.path("id").asText(), this.token,
				Map.of("scope", String.join(" ", union))));
		return grant.path("id").asText();
	}

	private JsonNode assignAppRole(String clientId, JsonNode resource, String appRoleId) {
		String resourceId = resource.path("id").asText();
		for (JsonNode assignment : expect(200, this.http.get("/v1.0/servicePrincipals/" + clientId
				+ "/appRoleAssignments", this.token)).path("value")) {
			if (assignment.path("resourceId").asText().equals(resourceId)
					&& assignment.path("appRoleId").asText().equalsIgnoreCase(appRoleId)) {
				return assignment;
			}
		}
		return expect(201, this.http.post("/v1.0/servicePrincipals/" + resourceId + "/appRoleAssignedTo", this.token,
				Map.of("principalId", clientId, "resourceId", resourceId, "appRoleId", appRoleId)));
	}

	private Optional<JsonNode> servicePrincipal(String appId) {
		SandboxHttp.Response response = this.http.get("/v1.0/servicePrincipals(appId='" + appId + "')", this.token);
		return (response.status() == 404) ? Optional.empty() : Optional.of(expect(200, response));
	}

	private static String valueOf(JsonNode permissions, String id) {
		for (JsonNode permission : permissions) {
			if (permission.path("id").asText().equalsIgnoreCase(id)) {
				return permission.path("value").asText();
			}
		}
		throw new IllegalArgumentException("No permission " + id);
	}

	private static JsonNode expect(int status, SandboxHttp.Response response) {
		if (response.status() != status) {
			throw new IllegalStateException("Expected " + status + " but got " + response.status() + ": "
					+ response.text());
		}
		return (response.text() == null || response.text().isEmpty()) ? null : response.json();
	}

}
