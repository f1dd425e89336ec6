package io.dicomreg.sandbox;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Sets up directory objects through the sandbox's own Graph endpoints, as an administrator.
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

	private static JsonNode expect(int status, SandboxHttp.Response response) {
		if (response.status() != status) {
			throw new IllegalStateException("Expected " + status + " but got " + response.status() + ": "
					+ response.text());
		}
		return (response.text() == null || response.text().isEmpty()) ? null : response.json();
	}

}
