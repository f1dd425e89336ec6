package io.dicomreg.sandbox;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls a sandbox's Azure Resource Manager as its administrator (a token from MSAL4J) or as applications made
 * through its Graph, and knows the provisioned scopes.
 */
public final class ArmFixture {

	/** api-version of role assignments and definitions. */
	public static final String AUTHORIZATION_API = "api-version=2022-04-01";

	/** api-version of subscriptions and tenants. */
	public static final String RESOURCES_API = "api-version=2022-12-01";

	/** api-version of Health Data Services workspaces and DICOM services. */
	public static final String HEALTHCARE_API = "api-version=2024-03-31";

	private final Sandbox server;

	private final SandboxHttp http;

	private final String adminToken;

	private GraphFixture graph;

	public ArmFixture(Sandbox server) {
		this.server = server;
		this.http = new SandboxHttp(server);
		this.adminToken = ArmTokens.admin(server);
	}

	public SandboxHttp http() {
		return this.http;
	}

	public String adminToken() {
		return this.adminToken;
	}

	public String adminObjectId() {
		return SandboxInspector.of(this.server).tenant().adminObjectId();
	}

	public SandboxAzure azure() {
		return SandboxInspector.of(this.server).azure();
	}

	public String subscriptionId() {
		return azure().subscriptionId();
	}

	public String subscriptionScope() {
		return "/subscriptions/" + subscriptionId();
	}

	public String resourceGroupScope() {
		return subscriptionScope() + "/resourceGroups/" + SandboxDirectory.RESOURCE_GROUP;
	}

	public String workspaceScope() {
		return resourceGroupScope() + "/providers/Microsoft.HealthcareApis/workspaces/" + SandboxDirectory.WORKSPACE;
	}

	public String dicomScope() {
		return workspaceScope() + "/dicomservices/" + SandboxDirectory.DICOM_SERVICE;
	}

	public SandboxHttp.Response get(String pathAndQuery) {
		return this.http.get(pathAndQuery, this.adminToken);
	}

	/**
	 * Assigns a role as the administrator.
	 * @param scope the scope
	 * @param name the assignment's name
	 * @param roleDefinitionId the role GUID
	 * @param principalId the principal
	 * @param principalType the principal type, or null to send none
	 * @return the response
	 */
	public SandboxHttp.Response assign(String scope, String name, String roleDefinitionId, String principalId,
			String principalType) {
		return assign(this.adminToken, scope, name, roleDefinitionId, principalId, principalType);
	}

	public SandboxHttp.Response assign(String token, String scope, String name, String roleDefinitionId,
			String principalId, String principalType) {
		Map<String, Object> properties = new java.util.LinkedHashMap<>();
		properties.put("roleDefinitionId", subscriptionScope() + "/providers/Microsoft.Authorization/roleDefinitions/"
				+ roleDefinitionId);
		properties.put("principalId", principalId);
		if (principalType != null) {
			properties.put("principalType", principalType);
		}
		return this.http.put(assignmentPath(scope, name), token, Map.of("properties", properties));
	}

	public static String assignmentPath(String scope, String name) {
		return scope + "/providers/Microsoft.Authorization/roleAssignments/" + name + "?" + AUTHORIZATION_API;
	}

	public static String newName() {
		return UUID.randomUUID().toString();
	}

	/**
	 * A new application with a service principal and a client secret, made through Graph, with no Azure role.
	 * @param displayName the display name
	 * @return the application
	 */
	public Daemon createDaemon(String displayName) {
		if (this.graph == null) {
			this.graph = new GraphFixture(this.server);
		}
		JsonNode application = this.graph.createApplication(displayName);
		String appId = application.path("appId").asText();
		JsonNode servicePrincipal = this.graph.createServicePrincipal(appId);
		String secret = this.graph.addPassword(application.path("id").asText()).path("secretText").asText();
		return new Daemon(this.server, appId, application.path("id").asText(), servicePrincipal.path("id").asText(),
				secret);
	}

	/**
	 * Checks an ARM error answer.
	 * @param response the response
	 * @param status the status
	 * @param code the error code
	 * @param message the whole message
	 */
	public static void assertArmError(SandboxHttp.Response response, int status, String code, String message) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.errorCode()).isEqualTo(code);
		assertThat(response.errorMessage()).isEqualTo(message);
		assertThat(response.json().path("error").size()).isEqualTo(2);
		assertThat(response.header("x-ms-request-id")).isNotBlank();
		assertThat(response.header("x-ms-correlation-request-id")).isNotBlank();
	}

	/**
	 * An application signed in with client credentials.
	 *
	 * @param server the server
	 * @param appId the appId
	 * @param applicationObjectId the application object's id
	 * @param servicePrincipalId the service principal's object id
	 * @param secret the client secret
	 */
	public record Daemon(Sandbox server, String appId, String applicationObjectId, String servicePrincipalId,
			String secret) {

		/**
		 * An ARM token for the application, through MSAL4J.
		 * @return the access token
		 */
		public String armToken() {
			return ArmTokens.application(this.server, this.appId, this.secret);
		}

	}

}
