package io.dicomreg.sandbox.identity;

import java.util.Map;

import io.dicomreg.sandbox.http.SandboxRequest;
import io.dicomreg.sandbox.http.SandboxResponse;

/**
 * {@code POST /{tenant}/oauth2/v2.0/token}: hands each grant type to its grant.
 */
final class TokenEndpoint {

	private final DelegatedGrants delegated;

	private final ClientCredentialsGrant clientCredentials;

	TokenEndpoint(IdentityContext context) {
		this.delegated = new DelegatedGrants(context);
		this.clientCredentials = new ClientCredentialsGrant(context);
	}

	SandboxResponse handle(SandboxRequest request, String tenantSegment) {
		Map<String, String> form = postedForm(request);
		String grantType = required(form, "grant_type");
		required(form, "client_id");
		var body = switch (grantType) {
			case "device_code", "urn:ietf:params:oauth:grant-type:device_code" ->
				this.delegated.deviceCode(form, request, tenantSegment);
			case "authorization_code" -> this.delegated.authorizationCode(form, request, tenantSegment);
			case "refresh_token" -> this.delegated.refreshToken(form, request, tenantSegment);
			case "client_credentials" -> this.clientCredentials.redeem(form, request, tenantSegment);
			default -> throw IdentityError.badRequest("unsupported_grant_type", 70003,
					"The app requested an unsupported grant type '" + grantType + "'.");
		};
		return IdentityResponses.ok(request, body);
	}

	static Map<String, String> postedForm(SandboxRequest request) {
		if (!"POST".equals(request.method())) {
			throw IdentityError.badRequest("invalid_request", 900561,
					"The endpoint only accepts POST requests. Received a " + request.method() + " request.");
		}
		return request.form();
	}

	static String required(Map<String, String> form, String name) {
		String value = form.get(name);
		if (value == null || value.isBlank()) {
			throw IdentityError.missingParameter(name);
		}
		return value;
	}

}
