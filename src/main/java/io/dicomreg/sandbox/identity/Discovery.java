package io.dicomreg.sandbox.identity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

import io.dicomreg.sandbox.directory.Json;
import io.dicomreg.sandbox.directory.Tenant;

/**
 * The OpenID Connect discovery document and the JWKS of the tenant's signing key.
 */
final class Discovery {

	private Discovery() {
	}

	static ObjectNode openIdConfiguration(Tenant tenant, String authorityHost, String tenantSegment) {
		String base = authorityHost + "/" + tenantSegment;
		ObjectNode document = Json.object();
		document.put("token_endpoint", base + "/oauth2/v2.0/token");
		strings(document.putArray("token_endpoint_auth_methods_supported"), "client_secret_post",
				"private_key_jwt", "client_secret_basic");
		document.put("jwks_uri", base + "/discovery/v2.0/keys");
		strings(document.putArray("response_modes_supported"), "query", "fragment", "form_post");
		strings(document.putArray("subject_types_supported"), "pairwise");
		strings(document.putArray("id_token_signing_alg_values_supported"), "RS256");
		strings(document.putArray("response_types_supported"), "code", "id_token", "code id_token",
				"id_token token");
		strings(document.putArray("scopes_supported"), "openid", "profile", "email", "offline_access");
		document.put("issuer", TokenFormat.idTokenIssuer(authorityHost, tenant.tenantId()));
		document.put("request_uri_parameter_supported", false);
		document.put("userinfo_endpoint", "https://graph.microsoft.com/oidc/userinfo");
		document.put("authorization_endpoint", base + "/oauth2/v2.0/authorize");
		document.put("device_authorization_endpoint", base + "/oauth2/v2.0/devicecode");
		document.put("http_logout_supported", true);
		document.put("frontchannel_logout_supported", true);
		document.put("end_session_endpoint", base + "/oauth2/v2.0/logout");
		strings(document.putArray("claims_supported"), "sub", "iss", "aud", "exp", "iat", "nonce",
				"preferred_username", "name", "tid", "ver", "oid", "email");
		document.put("tenant_region_scope", "EU");
		document.put("cloud_instance_name", "microsoftonline.com");
		document.put("cloud_graph_host_name", "graph.windows.net");
		document.put("msgraph_host", "graph.microsoft.com");
		return document;
	}

	static ObjectNode keys(Tenant tenant, String authorityHost) {
		RSAKey key = new RSAKey.Builder(tenant.signingKey().publicKey()).keyID(tenant.signingKey().keyId())
			.keyUse(KeyUse.SIGNATURE)
			.build();
		ObjectNode jwk = (ObjectNode) Json.mapper().valueToTree(key.toPublicJWK().toJSONObject());
		jwk.put("issuer", TokenFormat.idTokenIssuer(authorityHost, tenant.tenantId()));
		ObjectNode document = Json.object();
		document.putArray("keys").add(jwk);
		return document;
	}

	private static void strings(ArrayNode array, String... values) {
		for (String value : values) {
			array.add(value);
		}
	}

}
