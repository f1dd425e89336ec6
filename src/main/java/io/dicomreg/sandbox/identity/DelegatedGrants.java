package io.dicomreg.sandbox.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.SandboxDirectory;
import io.dicomreg.sandbox.crypto.Certificates;
import io.dicomreg.sandbox.crypto.Secrets;
import io.dicomreg.sandbox.directory.DirectoryUser;
import io.dicomreg.sandbox.directory.RefreshTokenRecord;
import io.dicomreg.sandbox.directory.Tenant;
import io.dicomreg.sandbox.directory.Times;
import io.dicomreg.sandbox.http.SandboxRequest;

/**
 * The grants that sign a user in to a client: device code, authorization code and refresh token. What the token
 * allows is what was consented for that client, user and resource (see {@link ScopeResolver#consented}).
 */
final class DelegatedGrants {

	private final IdentityContext context;

	private final ClientAuthenticator authenticator;

	private final TokenIssuer issuer;

	DelegatedGrants(IdentityContext context) {
		this.context = context;
		this.authenticator = new ClientAuthenticator(context);
		this.issuer = new TokenIssuer(context);
	}

	ObjectNode deviceCode(Map<String, String> form, SandboxRequest request, String tenantSegment) {
		String code = TokenEndpoint.required(form, "device_code");
		return this.context.store().write((tenant) -> {
			ClientApp client = ClientApp.resolve(tenant, form.get("client_id"));
			String appIdAcr = authenticatePublicFlow(client, form, request, tenantSegment, false);
			PendingCodes.DeviceCode deviceCode = this.context.pending().deviceCode(code)
				.filter((pending) -> pending.clientAppId().equalsIgnoreCase(client.appId()))
				.orElseThrow(DelegatedGrants::badVerificationCode);
			if (!now().isBefore(deviceCode.expiresAt())) {
				throw IdentityError.badRequest("expired_token", 70019, "Verification code expired.");
			}
			if (deviceCode.pollIsPending()) {
				throw IdentityError.badRequest("authorization_pending", 70016,
						"OAuth 2.0 device flow error. Authorization is pending. Continue polling.");
			}
			if (!deviceCode.redeem()) {
				throw badVerificationCode();
			}
			return issue(tenant, signedIn(tenant, deviceCode.approvedFor()), client, deviceCode.scope(), form, null,
					appIdAcr);
		});
	}

	ObjectNode authorizationCode(Map<String, String> form, SandboxRequest request, String tenantSegment) {
		String code = TokenEndpoint.required(form, "code");
		String redirectUri = TokenEndpoint.required(form, "redirect_uri");
		return this.context.store().write((tenant) -> {
			ClientApp client = ClientApp.resolve(tenant, form.get("client_id"));
			PendingCodes.AuthorizationCode pending = this.context.pending().authorizationCode(code)
				.orElseThrow(() -> IdentityError.badRequest("invalid_grant", 9002313,
						"Invalid request. Request is malformed or invalid."));
			checkCode(pending, client, redirectUri, form);
			String appIdAcr = authenticatePublicFlow(client, form, request, tenantSegment, pending.publicRedirect());
			if (!pending.redeemed().compareAndSet(false, true)) {
				throw IdentityError.badRequest("invalid_grant", 54005, "OAuth2 Authorization code was already "
						+ "redeemed, please retry with a new valid code or use an existing refresh token.");
			}
			return issue(tenant, signedIn(tenant, pending.userObjectId()), client, pending.scope(), form,
					pending.nonce(), appIdAcr);
		});
	}

	ObjectNode refreshToken(Map<String, String> form, SandboxRequest request, String tenantSegment) {
		String token = TokenEndpoint.required(form, "refresh_token");
		return this.context.store().write((tenant) -> {
			ClientApp client = ClientApp.resolve(tenant, form.get("client_id"));
			RefreshTokenRecord record = find(tenant, token).orElseThrow(() -> IdentityError
				.badRequest("invalid_grant", 9002313, "Invalid request. Request is malformed or invalid."));
			if (!record.expiresAt().isAfter(now())) {
				throw IdentityError.badRequest("invalid_grant", 700082, "The refresh token has expired due to "
						+ "inactivity. The token was issued on " + Times.format(record.expiresAt().minusSeconds(7776000))
						+ " and was inactive for 90.00:00:00.");
			}
			if (!record.clientAppId().equalsIgnoreCase(client.appId())) {
				throw IdentityError.badRequest("invalid_grant", 70000, "Provided grant is invalid or malformed.");
			}
			String appIdAcr = this.authenticator.authenticate(client, form, request, tenantSegment);
			return issue(tenant, signedIn(tenant, record.userObjectId()), client, form.get("scope"), form, null,
					appIdAcr);
		});
	}

	private ObjectNode issue(Tenant tenant, DirectoryUser user, ClientApp client, String scope,
			Map<String, String> form, String nonce, String appIdAcr) {
		ResolvedScopes scopes = ScopeResolver.consented(tenant, client, user, scope);
		boolean clientInfo = "1".equals(form.get("client_info"));
		return this.issuer.delegated(tenant, user, client, scopes,
				new TokenIssuer.DelegatedRequest(clientInfo, nonce, appIdAcr));
	}

	/**
	 * The user a code or refresh token was issued to.
	 */
	private static DirectoryUser signedIn(Tenant tenant, String userObjectId) {
		return tenant.user(userObjectId).orElseThrow(() -> IdentityError.badRequest("invalid_grant", 50034,
				"The user account {EmailHidden} does not exist in the '" + SandboxDirectory.TENANT_DISPLAY_NAME
						+ "' directory. To sign into this application, the account must be added to the directory."));
	}

	private String authenticatePublicFlow(ClientApp client, Map<String, String> form, SandboxRequest request,
			String tenantSegment, boolean publicRedirect) {
		String appIdAcr = this.authenticator.authenticate(client, form, request, tenantSegment);
		if ("0".equals(appIdAcr) && !publicRedirect && !client.allowsPublicFlows()) {
			throw IdentityError.credentialRequired();
		}
		return appIdAcr;
	}

	private void checkCode(PendingCodes.AuthorizationCode pending, ClientApp client, String redirectUri,
			Map<String, String> form) {
		if (!now().isBefore(pending.expiresAt())) {
			throw IdentityError.badRequest("invalid_grant", 70008, "The provided authorization code or refresh token "
					+ "has expired due to inactivity. Send a new interactive authorization request for this user and "
					+ "resource.");
		}
		if (!pending.clientAppId().equalsIgnoreCase(client.appId())) {
			throw IdentityError.badRequest("invalid_grant", 70000, "Provided grant is invalid or malformed.");
		}
		if (!pending.redirectUri().equals(redirectUri)) {
			throw IdentityError.badRequest("invalid_grant", 500112, "The reply address '" + redirectUri
					+ "' does not match the reply address '" + pending.redirectUri()
					+ "' provided when requesting Authorization code.");
		}
		if (pending.codeChallenge() != null && !pkceMatches(pending, form.get("code_verifier"))) {
			throw IdentityError.badRequest("invalid_grant", 50148, "The code_verifier does not match the "
					+ "code_challenge supplied in the authorization request for PKCE.");
		}
	}

	private static boolean pkceMatches(PendingCodes.AuthorizationCode pending, String verifier) {
		if (verifier == null) {
			return false;
		}
		String expected = "S256".equals(pending.codeChallengeMethod())
				? Certificates.base64Url(sha256(verifier)) : verifier;
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				pending.codeChallenge().getBytes(StandardCharsets.US_ASCII));
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Optional<RefreshTokenRecord> find(Tenant tenant, String token) {
		String hash = Secrets.tokenHash(token);
		return tenant.refreshTokens().stream().filter((record) -> record.tokenHash().equals(hash)).findFirst();
	}

	private static IdentityError badVerificationCode() {
		return IdentityError.badRequest("bad_verification_code", 70000,
				"The provided value for the input parameter 'device_code' is not valid.");
	}

	private Instant now() {
		return this.context.clock().instant();
	}

}
