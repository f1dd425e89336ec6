package io.dicomreg.sandbox.identity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.dicomreg.sandbox.crypto.Secrets;
import io.dicomreg.sandbox.directory.DirectoryUser;
import io.dicomreg.sandbox.directory.Json;
import io.dicomreg.sandbox.directory.RefreshTokenRecord;
import io.dicomreg.sandbox.directory.Tenant;

/**
 * Mints token responses: signed access and ID tokens, client_info, and refresh tokens recorded in the tenant.
 */
final class TokenIssuer {

	private static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(90);

	private final IdentityContext context;

	TokenIssuer(IdentityContext context) {
		this.context = context;
	}

	/**
	 * A response for a user signed in to a client; records the refresh token when one is issued.
	 * @param tenant the tenant (being written)
	 * @param user the signed-in user
	 * @param client the client
	 * @param scopes the resolved scopes
	 * @param request how the client asked
	 * @return the token response
	 */
	ObjectNode delegated(Tenant tenant, DirectoryUser user, ClientApp client, ResolvedScopes scopes,
			DelegatedRequest request) {
		Instant now = this.context.clock().instant();
		ObjectNode response = base(scopes.responseScope());
		response.put("access_token", sign(tenant, delegatedClaims(tenant, user, client, scopes, request, now)));
		if (scopes.offlineAccess()) {
			response.put("refresh_token", newRefreshToken(tenant, user, client, now));
		}
		if (scopes.openId()) {
			response.put("id_token", sign(tenant, idTokenClaims(tenant, user, client, request.nonce(), now)));
		}
		if (request.clientInfo()) {
			response.put("client_info", clientInfo(user.objectId(), tenant.tenantId()));
		}
		return response;
	}

	/**
	 * A client credentials response; app-only, so no refresh or ID token.
	 * @param tenant the tenant
	 * @param appId the client's appId
	 * @param servicePrincipalId the client's service principal object id
	 * @param scopes the resolved scopes, roles in {@code permissions}
	 * @param appIdAcr how the client authenticated: 1 secret, 2 certificate
	 * @return the token response
	 */
	ObjectNode appOnly(Tenant tenant, String appId, String servicePrincipalId, ResolvedScopes scopes,
			String appIdAcr) {
		Instant now = this.context.clock().instant();
		JWTClaimsSet.Builder claims = common(tenant, scopes.audience(), now)
			.claim("appid", appId)
			.claim("appidacr", appIdAcr)
			.claim("idp", TokenFormat.accessTokenIssuer(tenant.tenantId()))
			.claim("idtyp", "app")
			.claim("oid", servicePrincipalId)
			.subject(servicePrincipalId);
		if (!scopes.permissions().isEmpty()) {
			claims.claim("roles", List.copyOf(scopes.permissions()));
		}
		ObjectNode response = Json.object();
		response.put("token_type", "Bearer");
		response.put("expires_in", TokenFormat.ACCESS_TOKEN_LIFETIME_SECONDS);
		response.put("ext_expires_in", TokenFormat.ACCESS_TOKEN_LIFETIME_SECONDS);
		response.put("access_token", sign(tenant, claims.build()));
		return response;
	}

	private ObjectNode base(String scope) {
		ObjectNode response = Json.object();
		response.put("token_type", "Bearer");
		response.put("scope", scope);
		response.put("expires_in", TokenFormat.ACCESS_TOKEN_LIFETIME_SECONDS);
		response.put("ext_expires_in", TokenFormat.ACCESS_TOKEN_LIFETIME_SECONDS);
		return response;
	}

	private JWTClaimsSet delegatedClaims(Tenant tenant, DirectoryUser user, ClientApp client, ResolvedScopes scopes,
			DelegatedRequest request, Instant now) {
		return common(tenant, scopes.audience(), now)
			.claim("acr", "1")
			.claim("amr", List.of("pwd"))
			.claim("app_displayname", client.displayName())
			.claim("appid", client.appId())
			.claim("appidacr", request.appIdAcr())
			.claim("family_name", user.surname())
			.claim("given_name", user.givenName())
			.claim("idtyp", "user")
			.claim("name", user.displayName())
			.claim("oid", user.objectId())
			.claim("scp", scopes.scpClaim())
			.subject(pairwiseSubject(user.objectId(), client.appId()))
			.claim("unique_name", user.userPrincipalName())
			.claim("upn", user.userPrincipalName())
			.claim("wids", user.wids())
			.build();
	}

	private JWTClaimsSet.Builder common(Tenant tenant, String audience, Instant now) {
		return new JWTClaimsSet.Builder()
			.audience(audience)
			.issuer(TokenFormat.accessTokenIssuer(tenant.tenantId()))
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(TokenFormat.ACCESS_TOKEN_LIFETIME_SECONDS)))
			.claim("tid", tenant.tenantId())
			.claim("uti", Secrets.newToken(16))
			.claim("ver", "1.0");
	}

	private JWTClaimsSet idTokenClaims(Tenant tenant, DirectoryUser user, ClientApp client, String nonce,
			Instant now) {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
			.audience(client.appId())
			.issuer(TokenFormat.idTokenIssuer(this.context.authorityHost(), tenant.tenantId()))
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(3600)))
			.claim("name", user.displayName())
			.claim("oid", user.objectId())
			.claim("preferred_username", user.userPrincipalName())
			.subject(pairwiseSubject(user.objectId(), client.appId()))
			.claim("tid", tenant.tenantId())
			.claim("uti", Secrets.newToken(16))
			.claim("ver", "2.0");
		if (nonce != null) {
			claims.claim("nonce", nonce);
		}
		return claims.build();
	}

	private String newRefreshToken(Tenant tenant, DirectoryUser user, ClientApp client, Instant now) {
		String token = "1.AQ" + Secrets.newToken(96);
		tenant.refreshTokens().removeIf((record) -> !record.expiresAt().isAfter(now));
		tenant.refreshTokens().add(new RefreshTokenRecord(Secrets.tokenHash(token), user.objectId(), client.appId(),
				now.plus(REFRESH_TOKEN_LIFETIME)));
		return token;
	}

	static String clientInfo(String objectId, String tenantId) {
		String json = "{\"uid\":\"" + objectId + "\",\"utid\":\"" + tenantId + "\"}";
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	private static String pairwiseSubject(String objectId, String appId) {
		byte[] digest = Secrets.tokenHash(objectId + ":" + appId).getBytes(StandardCharsets.US_ASCII);
		return new String(digest, 0, 43, StandardCharsets.US_ASCII);
	}

	private static String sign(Tenant tenant, JWTClaimsSet claims) {
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
			.keyID(tenant.signingKey().keyId())
			.build();
		SignedJWT jwt = new SignedJWT(header, claims);
		try {
			jwt.sign(new RSASSASigner(tenant.signingKey().privateKey()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign a token: " + ex.getMessage(), ex);
		}
		return jwt.serialize();
	}

	/**
	 * How a delegated token was asked for.
	 *
	 * @param clientInfo whether client_info=1 was sent
	 * @param nonce the OpenID nonce, may be null
	 * @param appIdAcr how the client authenticated: 0 public, 1 secret, 2 certificate
	 */
	record DelegatedRequest(boolean clientInfo, String nonce, String appIdAcr) {

	}

}
