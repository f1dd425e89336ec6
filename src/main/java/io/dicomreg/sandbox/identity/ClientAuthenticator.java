package io.dicomreg.sandbox.identity;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.dicomreg.sandbox.directory.Json;
import io.dicomreg.sandbox.directory.SecretHash;
import io.dicomreg.sandbox.directory.StoredApplication;
import io.dicomreg.sandbox.directory.Times;
import io.dicomreg.sandbox.http.SandboxRequest;

/**
 * Checks the credential a client presents at the token endpoint: none, a client secret, or a certificate-signed
 * client assertion.
 */
final class ClientAuthenticator {

	static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

	private final IdentityContext context;

	ClientAuthenticator(IdentityContext context) {
		this.context = context;
	}

	/**
	 * Authenticates the client.
	 * @param client the client
	 * @param form the token request form
	 * @param request the HTTP request, for Basic authentication
	 * @param tenantSegment the tenant path segment the client used
	 * @return the appidacr value: "0" no credential, "1" secret, "2" certificate
	 */
	String authenticate(ClientApp client, Map<String, String> form, SandboxRequest request, String tenantSegment) {
		String secret = secret(form, request);
		String assertion = form.get("client_assertion");
		if (secret == null && assertion == null) {
			return "0";
		}
		if (client.application().isEmpty()) {
			throw IdentityError.invalidClient(700025,
					"Client is public so neither 'client_assertion' nor 'client_secret' should be presented.");
		}
		StoredApplication application = client.application().get();
		if (secret != null) {
			checkSecret(application, secret);
			return "1";
		}
		if (!ASSERTION_TYPE.equals(form.get("client_assertion_type"))) {
			throw IdentityError.missingParameter("client_assertion_type");
		}
		new ClientAssertionVerifier(this.context, tenantSegment).verify(application, assertion);
		return "2";
	}

	private void checkSecret(StoredApplication application, String secret) {
		Instant now = this.context.clock().instant();
		for (SecretHash hash : application.secretHashes()) {
			if (hash.matches(secret)) {
				JsonNode credential = application.passwordCredential(hash.keyId()).orElse(Json.object());
				String end = Json.text(credential, "endDateTime");
				if (end != null && !Times.parse(end).isAfter(now)) {
					throw IdentityError.invalidClient(7000222, "The provided client secret keys for app '"
							+ application.appId() + "' are expired. Visit the Azure portal to create new keys for "
							+ "your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for "
							+ "added security: https://aka.ms/certCreds.");
				}
				String start = Json.text(credential, "startDateTime");
				if (start == null || !Times.parse(start).isAfter(now)) {
					return;
				}
			}
		}
		throw IdentityError.invalidClient(7000215, "Invalid client secret provided. Ensure the secret being sent in "
				+ "the request is the client secret value, not the client secret ID, for a secret added to app '"
				+ application.appId() + "'.");
	}

	private static String secret(Map<String, String> form, SandboxRequest request) {
		String secret = form.get("client_secret");
		String authorization = request.header("Authorization");
		if (secret == null && authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			if (colon > 0) {
				secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
			}
		}
		return secret;
	}

}
