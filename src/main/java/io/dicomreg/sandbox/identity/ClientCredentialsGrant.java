package io.dicomreg.sandbox.identity;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.directory.Json;
import io.dicomreg.sandbox.directory.Tenant;
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

	/**
	 * {@code POST /{tenant}/oauth2/v2.0/token}: the resource named by {@code scope={resource}/.default}.
	 * @param form the posted form
	 * @param request the request
	 * @param tenantSegment the tenant as the request named it
	 * @return the v2.0 token response
	 */
	ObjectNode redeem(Map<String, String> form, SandboxRequest request, String tenantSegment) {
		return this.context.store().read((tenant) -> {
			ClientApp client = ClientApp.resolve(tenant, form.get("client_id"));
			String appIdAcr = authenticate(client, form, request, tenantSegment);
			String scope = TokenEndpoint.required(form, "scope");
			ObjectNode servicePrincipal = servicePrincipal(tenant, client);
			ResolvedScopes scopes = ScopeResolver.appOnly(tenant, servicePrincipal, scope);
			return TokenIssuer.v2Response(
					this.issuer.appOnly(tenant, client, Json.text(servicePrincipal, "id"), scopes, appIdAcr));
		});
	}

	/**
	 * Authenticates a confidential client: a secret or a certificate, never none.
	 * @return appidacr, 1 or 2
	 */
	String authenticate(ClientApp client, Map<String, String> form, SandboxRequest request, String tenantSegment) {
		String appIdAcr = this.authenticator.authenticate(client, form, request, tenantSegment);
		if ("0".equals(appIdAcr)) {
			throw IdentityError.credentialRequired();
		}
		return appIdAcr;
	}

	/**
	 * The client's service principal, which client credentials need (AADSTS7000229 without).
	 */
	static ObjectNode servicePrincipal(Tenant tenant, ClientApp client) {
		return tenant.servicePrincipalByAppId(client.appId())
			.orElseThrow(() -> IdentityError.badRequest("invalid_client", 7000229, "The client application "
					+ client.appId() + " is missing service principal in the tenant " + tenant.tenantId()
					+ ". See instructions here: https://go.microsoft.com/fwlink/?linkid=2225119"));
	}

}
