package io.dicomreg.sandbox.identity;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.directory.Json;
import io.dicomreg.sandbox.http.SandboxRequest;
import io.dicomreg.sandbox.http.SandboxResponse;

/**
 * {@code POST /{tenant}/oauth2/token}, the v1.0 token endpoint, for client credentials with {@code resource} (what
 * Microsoft's Postman walkthroughs and older scripts send); the sandbox emulates no other grant there. The resource
 * is an application ID URI, with or without a trailing slash, or an appId; the token is the same v1.0 token the v2.0
 * endpoint issues, with the resource as asked for its {@code aud}. The response is the v1.0 one: every value a
 * string, {@code expires_on} and {@code not_before} in Unix seconds, and {@code resource}.
 */
final class V1TokenEndpoint {

	private final IdentityContext context;

	private final ClientCredentialsGrant clientCredentials;

	private final TokenIssuer issuer;

	V1TokenEndpoint(IdentityContext context) {
		this.context = context;
		this.clientCredentials = new ClientCredentialsGrant(context);
		this.issuer = new TokenIssuer(context);
	}

	SandboxResponse handle(SandboxRequest request, String tenantSegment) {
		Map<String, String> form = TokenEndpoint.postedForm(request);
		String grantType = TokenEndpoint.required(form, "grant_type");
		TokenEndpoint.required(form, "client_id");
		if (!"client_credentials".equals(grantType)) {
			throw IdentityError.badRequest("unsupported_grant_type", 70003, "The app requested an unsupported grant "
					+ "type '" + grantType + "'. The sandbox's v1.0 token endpoint serves client_credentials only; "
					+ "use /oauth2/v2.0/token for the other grants.");
		}
		return IdentityResponses.ok(request, this.context.store().read((tenant) -> {
			ClientApp client = ClientApp.resolve(tenant, form.get("client_id"));
			String appIdAcr = this.clientCredentials.authenticate(client, form, request, tenantSegment);
			String resource = form.get("resource");
			if (resource == null || resource.isBlank()) {
				throw IdentityError.badRequest("invalid_resource", 50001, "Resource identifier is not provided.");
			}
			ObjectNode servicePrincipal = ClientCredentialsGrant.servicePrincipal(tenant, client);
			ResolvedScopes scopes = ScopeResolver.appOnlyResource(tenant, servicePrincipal, resource);
			return response(this.issuer.appOnly(tenant, client, Json.text(servicePrincipal, "id"), scopes, appIdAcr),
					resource);
		}));
	}

	/**
	 * The v1.0 answer: every value a string, the times as Unix seconds, and the resource as asked.
	 */
	private static ObjectNode response(TokenIssuer.AppOnlyToken token, String resource) {
		TokenIssuer.Lifetime lifetime = token.lifetime();
		ObjectNode response = Json.object();
		response.put("token_type", "Bearer");
		response.put("expires_in", Long.toString(lifetime.expiresIn()));
		response.put("ext_expires_in", Long.toString(lifetime.expiresIn()));
		response.put("expires_on", Long.toString(lifetime.expiresAt().getEpochSecond()));
		response.put("not_before", Long.toString(lifetime.notBefore().getEpochSecond()));
		response.put("resource", resource);
		response.put("access_token", token.accessToken());
		return response;
	}

}
