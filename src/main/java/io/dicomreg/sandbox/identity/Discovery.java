package io.dicomreg.sandbox.identity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.util.Base64URL;

import io.dicomreg.sandbox.crypto.Certificates;
import io.dicomreg.sandbox.directory.Json;
import io.dicomreg.sandbox.directory.SigningKey;
import io.dicomreg.sandbox.directory.Tenant;

/**
 * The OpenID Connect discovery documents (v2.0 and v1.0) and the JWKS of the tenant's signing key, with the fields
 * Entra ID's have, in their order.
 */
final class Discovery {

	private Discovery() {
	}

	/**
	 * The v2.0 document, {@code /{tenant}/v2.0/.well-known/openid-configuration}.
	 * @param tenant the tenant
	 * @param authorityHost the sandbox's authority host
	 * @param tenantSegment the tenant as the request named it
	 * @return the document
	 */
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
		strings(document.putArray("claims_supported"), "sub", "iss", "cloud_instance_name", "cloud_instance_host_name",
				"cloud_graph_host_name", "msgraph_host", "aud", "exp", "iat", "auth_time", "acr", "nonce",
				"preferred_username", "name", "tid", "ver", "at_hash", "c_hash", "email");
		document.put("kerberos_endpoint", base + "/kerberos");
		document.put("tenant_region_scope", "EU");
		document.put("cloud_instance_name", "microsoftonline.com");
		document.put("cloud_graph_host_name", "graph.windows.net");
		document.put("msgraph_host", "graph.microsoft.com");
		document.put("rbac_url", "https://pas.windows.net");
		return document;
	}

	/**
	 * The v1.0 document, {@code /{tenant}/.well-known/openid-configuration}: the v1.0 endpoints, the issuer of v1.0
	 * tokens ({@code https://sts.windows.net/{tenantId}/}), the JWKS at {@code /discovery/keys}.
	 * @param tenant the tenant
	 * @param authorityHost the sandbox's authority host
	 * @param tenantSegment the tenant as the request named it
	 * @return the document
	 */
	static ObjectNode v1OpenIdConfiguration(Tenant tenant, String authorityHost, String tenantSegment) {
		String base = authorityHost + "/" + tenantSegment;
		ObjectNode document = Json.object();
		document.put("token_endpoint", base + "/oauth2/token");
		strings(document.putArray("token_endpoint_auth_methods_supported"), "client_secret_post",
				"private_key_jwt", "client_secret_basic");
		document.put("jwks_uri", base + "/discovery/keys");
		strings(document.putArray("response_modes_supported"), "query", "fragment", "form_post");
		strings(document.putArray("subject_types_supported"), "pairwise");
		strings(document.putArray("id_token_signing_alg_values_supported"), "RS256");
		strings(document.putArray("response_types_supported"), "code", "id_token", "code id_token", "token id_token",
				"token");
		strings(document.putArray("scopes_supported"), "openid");
		document.put("issuer", TokenFormat.accessTokenIssuer(tenant.tenantId()));
		document.put("microsoft_multi_refresh_token", true);
		document.put("authorization_endpoint", base + "/oauth2/authorize");
		document.put("device_authorization_endpoint", base + "/oauth2/devicecode");
		document.put("http_logout_supported", true);
		document.put("frontchannel_logout_supported", true);
		document.put("end_session_endpoint", base + "/oauth2/logout");
		strings(document.putArray("claims_supported"), "sub", "iss", "cloud_instance_name", "cloud_instance_host_name",
				"cloud_graph_host_name", "msgraph_host", "aud", "exp", "iat", "auth_time", "acr", "amr", "nonce",
				"email", "given_name", "family_name", "nickname");
		document.put("check_session_iframe", base + "/oauth2/checksession");
		document.put("userinfo_endpoint", base + "/openid/userinfo");
		document.put("kerberos_endpoint", base + "/kerberos");
		document.put("tenant_region_scope", "EU");
		document.put("cloud_instance_name", "microsoftonline.com");
		document.put("cloud_graph_host_name", "graph.windows.net");
		document.put("msgraph_host", "graph.microsoft.com");
		document.put("rbac_url", "https://pas.windows.net");
		return document;
	}

	/**
	 * The JWKS, {@code /{tenant}/discovery/v2.0/keys} and {@code /{tenant}/discovery/keys}: the signing key with
	 * {@code kty}, {@code use}, {@code kid}, {@code x5t}, {@code n}, {@code e}, its certificate in {@code x5c} and
	 * the v2.0 {@code issuer} it signs for.
	 * @param tenant the tenant
	 * @param authorityHost the sandbox's authority host
	 * @return the key set
	 */
	static ObjectNode keys(Tenant tenant, String authorityHost) {
		SigningKey key = tenant.signingKey();
		ObjectNode jwk = Json.object();
		jwk.put("kty", "RSA");
		jwk.put("use", "sig");
		jwk.put("kid", key.keyId());
		jwk.put("x5t", key.x5t());
		jwk.put("n", Base64URL.encode(key.publicKey().getModulus()).toString());
		jwk.put("e", Base64URL.encode(key.publicKey().getPublicExponent()).toString());
		jwk.putArray("x5c").add(Certificates.base64(Certificates.encoded(key.certificate())));
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
