package io.dicomreg.sandbox.identity;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.directory.Json;
import io.dicomreg.sandbox.http.SandboxRequest;

/**
 * The client credentials grant: an application signs in as itself with a secret or a certificate. Its token carries
 * as {@code roles} the app roles assigned to its service principal on the resource (admin consent to application
 * permissions), and is issued without a {@code roles} claim when none is assigned, as Entra does.
 */
final class ClientCredentialsGrant {

	private final IdentityContext context;

	private final ClientAuthenticator authenticator;

	private final TokenIssuer issuer;

	ClientCredentialsGrant(IdentityContext context) {
		this.context = context;
		this.authenticator = new ClientAuthenticator(context);
		this.issuer = new TokenIssuer(context);
	}

	ObjectNode redeem(Map<String, String> form, SandboxRequest request, String tenantSegment) {
		return this.context.store().read((tenant) -> {
			ClientApp client = ClientApp.resolve(tenant, form.get("client_id"));
			String appIdAcr = this.authenticator.authenticate(client, form, request, tenantSegment);
			if ("0".equals(appIdAcr)) {
				throw IdentityError.credentialRequired();
			}
			String scope = TokenEndpoint.required(form, "scope");
			ObjectNode servicePrincipal = tenant.servicePrincipalByAppId(client.appId())
				.orElseThrow(() -> IdentityError.badRequest("invalid_client", 7000229, "The client application "
						+ client.appId() + " is missing service principal in the tenant " + tenant.tenantId()
						+ ". See instructions here: https://go.microsoft.com/fwlink/?linkid=2225119"));
			ResolvedScopes scopes = ScopeResolver.appOnly(tenant, servicePrincipal, scope);
			return this.issuer.appOnly(tenant, client.appId(), Json.text(servicePrincipal, "id"), scopes, appIdAcr);
		});
	}

}
