package io.dicomreg.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Obtains tokens from a {@link Sandbox} over plain HTTP, without MSAL and without waiting for the device
 * code polling interval, approving device codes as the sandbox's owner.
 */
public final class SandboxTokens {

	/** Graph scopes that let the administrator do everything dicomreg does. */
	public static final String ADMIN_GRAPH_SCOPES = "https://graph.microsoft.com/Application.ReadWrite.All "
			+ "https://graph.microsoft.com/DelegatedPermissionGrant.ReadWrite.All "
			+ "https://graph.microsoft.com/AppRoleAssignment.ReadWrite.All https://graph.microsoft.com/User.Read";

	private SandboxTokens() {
	}

	/**
	 * Signs the administrator in with the Graph command line tools and returns a Graph access token.
	 * @param server the server
	 * @param scope the scopes
	 * @return the access token
	 */
	public static String delegated(Sandbox server, String scope) {
		return deviceCode(server, SandboxDirectory.GRAPH_CLI_APP_ID, scope).path("access_token").asText();
	}

	public static String adminGraphToken(Sandbox server) {
		return delegated(server, ADMIN_GRAPH_SCOPES);
	}

	/**
	 * Signs a user of the tenant in with the Graph command line tools and returns an access token.
	 * @param server the server
	 * @param userPrincipalName the user, e.g. {@link Sandbox#memberUserPrincipalName()}
	 * @param scope the scopes
	 * @return the access token
	 */
	public static String delegatedAs(Sandbox server, String userPrincipalName, String scope) {
		return deviceCode(server, SandboxDirectory.GRAPH_CLI_APP_ID, scope, userPrincipalName).path("access_token")
			.asText();
	}

	/**
	 * Runs a device code sign-in as the sandbox's owner does: request a code, approve it through the entry point,
	 * poll once.
	 * @param server the server
	 * @param clientId the client
	 * @param scope the scopes
	 * @return the token response
	 */
	public static JsonNode deviceCode(Sandbox server, String clientId, String scope) {
		return deviceCode(server, clientId, scope, server.adminUserPrincipalName());
	}

	/**
	 * Runs a device code sign-in for one of the tenant's users, the owner approving it for that user.
	 * @param server the server
	 * @param clientId the client
	 * @param scope the scopes
	 * @param userPrincipalName the user who signs in
	 * @return the token response
	 * @throws IllegalStateException with the sandbox's answer when it issues no token (AADSTS65001 without consent)
	 */
	public static JsonNode deviceCode(Sandbox server, String clientId, String scope, String userPrincipalName) {
		SandboxHttp http = new SandboxHttp(server);
		String tenantPath = "/" + server.tenantId() + "/oauth2/v2.0/";
		SandboxHttp.Response code = http.postForm(server.authorityHost() + tenantPath + "devicecode",
				Map.of("client_id", clientId, "scope", "openid profile offline_access " + scope));
		if (code.status() != 200) {
			throw new IllegalStateException("devicecode failed: " + code.text());
		}
		Map<String, String> poll = new LinkedHashMap<>();
		poll.put("grant_type", "device_code");
		poll.put("client_id", clientId);
		poll.put("device_code", code.json().path("device_code").asText());
		poll.put("client_info", "1");
		server.approveDeviceCode(code.json().path("user_code").asText(), userPrincipalName);
		SandboxHttp.Response token = http.postForm(server.authorityHost() + tenantPath + "token", poll);
		if (token.status() != 200) {
			throw new IllegalStateException("device code token failed: " + token.text());
		}
		return token.json();
	}

	/**
	 * A client credentials token with a client secret.
	 * @param server the server
	 * @param appId the application
	 * @param secret the secret
	 * @param scope e.g. https://graph.microsoft.com/.default
	 * @return the raw response
	 */
	public static SandboxHttp.Response clientSecret(Sandbox server, String appId, String secret, String scope) {
		return new SandboxHttp(server).postForm(
				server.authorityHost() + "/" + server.tenantId() + "/oauth2/v2.0/token", Map.of("grant_type",
						"client_credentials", "client_id", appId, "client_secret", secret, "scope", scope));
	}

}
