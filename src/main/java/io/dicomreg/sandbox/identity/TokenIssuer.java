package io.dicomreg.sandbox.identity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;

import io.dicomreg.sandbox.crypto.Secrets;
import io.dicomreg.sandbox.directory.DirectoryUser;
import io.dicomreg.sandbox.directory.Json;
import io.dicomreg.sandbox.directory.RefreshTokenRecord;
import io.dicomreg.sandbox.directory.Tenant;

/**
 * Mints token responses: signed access and ID tokens, client_info, and refresh tokens recorded in the tenant.
 * <p>
 * Access tokens are v1.0 tokens, as Entra ID issues them for resources that do not ask for v2.0 (Graph, ARM and the
 * DICOM service among them), whichever endpoint issued them. Each gets a random lifetime of 60 to 90 minutes;
 * {@code iat} and {@code nbf} lie five minutes before the moment of issue, as in Entra's tokens, and
 * {@code expires_in} counts from the moment of issue to {@code exp}.
 */
final class TokenIssuer {

	private static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(90);

	private static final List<String> FIRST_CLAIMS = List.of("aud", "iss", "iat", "nbf", "exp");

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
		Lifetime lifetime = Lifetime.accessToken(now);
		ObjectNode response = Json.object();
		response.put("token_type", "Bearer");
		response.put("scope", scopes.responseScope());
		response.put("expires_in", lifetime.expiresIn());
		response.put("ext_expires_in", lifetime.expiresIn());
		response.put("access_token",
				signAccessToken(tenant, delegatedClaims(tenant, user, client, scopes, request, lifetime)));
		if (scopes.offlineAccess()) {
			response.put("refresh_token", newRefreshToken(tenant, user, client, now));
		}
		if (scopes.openId()) {
			response.put("id_token", signIdToken(tenant, idTokenClaims(tenant, user, client, request.nonce(), now)));
		}
		if (request.clientInfo()) {
			response.put("client_info", clientInfo(user.objectId(), tenant.tenantId()));
		}
		return response;
	}

	/**
	 * An app-only access token (client credentials): no refresh or ID token.
	 * @param tenant the tenant
	 * @param client the client
	 * @param servicePrincipalId the client's service principal object id
	 * @param scopes the resolved scopes, roles in {@code permissions}, the audience as the token carries it
	 * @param appIdAcr how the client authenticated: 1 secret, 2 certificate
	 * @return the token and its lifetime
	 */
	AppOnlyToken appOnly(Tenant tenant, ClientApp client, String servicePrincipalId, ResolvedScopes scopes,
			String appIdAcr) {
		Lifetime lifetime = Lifetime.accessToken(this.context.clock().instant());
		JWTClaimsSet.Builder claims = common(scopes.audience(), tenant, lifetime)
			.claim("aio", opaque(36));
		if (scopes.isGraph()) {
			claims.claim("app_displayname", client.displayName());
		}
		claims.claim("appid", client.appId())
			.claim("appidacr", appIdAcr)
			.claim("idp", TokenFormat.accessTokenIssuer(tenant.tenantId()))
			.claim("idtyp", "app")
			.claim("oid", servicePrincipalId)
			.claim("rh", revalidationHandle());
		if (!scopes.permissions().isEmpty()) {
			claims.claim("roles", List.copyOf(scopes.permissions()));
		}
		claims.subject(servicePrincipalId);
		finish(claims, tenant);
		tenantCreated(claims, tenant);
		return new AppOnlyToken(signAccessToken(tenant, claims.build()), lifetime);
	}

	/**
	 * The v2.0 endpoint's answer to client credentials: numbers as numbers.
	 * @param token the token
	 * @return the token response
	 */
	static ObjectNode v2Response(AppOnlyToken token) {
		ObjectNode response = Json.object();
		response.put("token_type", "Bearer");
		response.put("expires_in", token.lifetime().expiresIn());
		response.put("ext_expires_in", token.lifetime().expiresIn());
		response.put("access_token", token.accessToken());
		return response;
	}

	private JWTClaimsSet delegatedClaims(Tenant tenant, DirectoryUser user, ClientApp client, ResolvedScopes scopes,
			DelegatedRequest request, Lifetime lifetime) {
		JWTClaimsSet.Builder claims = common(scopes.audience(), tenant, lifetime)
			.claim("acr", "1")
			.claim("aio", opaque(52))
			.claim("amr", List.of("pwd"));
		if (scopes.isGraph()) {
			claims.claim("app_displayname", client.displayName());
		}
		claims.claim("appid", client.appId())
			.claim("appidacr", request.appIdAcr())
			.claim("family_name", user.surname())
			.claim("given_name", user.givenName());
		if (scopes.isGraph()) {
			// Graph asks for idtyp in user tokens too; other resources get it in app-only tokens only.
			claims.claim("idtyp", "user");
		}
		claims.claim("name", user.displayName())
			.claim("oid", user.objectId())
			.claim("rh", revalidationHandle())
			.claim("scp", scopes.scpClaim())
			.subject(pairwiseSubject(user.objectId(), client.appId()))
			.claim("unique_name", user.userPrincipalName())
			.claim("upn", user.userPrincipalName());
		finish(claims, tenant);
		claims.claim("wids", user.wids());
		tenantCreated(claims, tenant);
		return claims.build();
	}

	/** aud, iss and the times, which come first in Entra's tokens (see {@link #sign}). */
	private static JWTClaimsSet.Builder common(String audience, Tenant tenant, Lifetime lifetime) {
		return new JWTClaimsSet.Builder()
			.audience(audience)
			.issuer(TokenFormat.accessTokenIssuer(tenant.tenantId()))
			.issueTime(Date.from(lifetime.issuedAt()))
			.notBeforeTime(Date.from(lifetime.notBefore()))
			.expirationTime(Date.from(lifetime.expiresAt()));
	}

	private static void finish(JWTClaimsSet.Builder claims, Tenant tenant) {
		claims.claim("tid", tenant.tenantId())
			.claim("uti", Secrets.newToken(16))
			.claim("ver", "1.0");
	}

	/** {@code xms_tcdt}, the tenant's creation time, which Entra's access tokens carry as a number. */
	private static void tenantCreated(JWTClaimsSet.Builder claims, Tenant tenant) {
		claims.claim("xms_tcdt", tenant.createdDateTime().getEpochSecond());
	}

	private JWTClaimsSet idTokenClaims(Tenant tenant, DirectoryUser user, ClientApp client, String nonce,
			Instant now) {
		Instant issuedAt = now.minus(TokenFormat.BACKDATE);
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
			.audience(client.appId())
			.issuer(TokenFormat.idTokenIssuer(this.context.authorityHost(), tenant.tenantId()))
			.issueTime(Date.from(issuedAt))
			.notBeforeTime(Date.from(issuedAt))
			.expirationTime(Date.from(now.plus(TokenFormat.ID_TOKEN_LIFETIME)))
			.claim("aio", opaque(52))
			.claim("name", user.displayName());
		if (nonce != null) {
			claims.claim("nonce", nonce);
		}
		return claims.claim("oid", user.objectId())
			.claim("preferred_username", user.userPrincipalName())
			.claim("rh", revalidationHandle())
			.subject(pairwiseSubject(user.objectId(), client.appId()))
			.claim("tid", tenant.tenantId())
			.claim("uti", Secrets.newToken(16))
			.claim("ver", "2.0")
			.build();
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

	/** An opaque value shaped like Entra's {@code aio}: base64 text nobody may read. */
	private static String opaque(int bytes) {
		byte[] value = new byte[bytes];
		ThreadLocalRandom.current().nextBytes(value);
		return Base64.getEncoder().encodeToString(value);
	}

	/** An opaque value shaped like Entra's {@code rh}: {@code 1.} base64url text {@code .}. */
	private static String revalidationHandle() {
		return "1." + Secrets.newToken(40) + ".";
	}

	/** An access token: v1.0 tokens carry the key's thumbprint in {@code x5t} as well as in {@code kid}. */
	@SuppressWarnings("deprecation")
	private static String signAccessToken(Tenant tenant, JWTClaimsSet claims) {
		return sign(tenant, new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
			.x509CertThumbprint(new Base64URL(tenant.signingKey().x5t()))
			.keyID(tenant.signingKey().keyId())
			.build(), claims);
	}

	/** An ID token (v2.0): {@code kid} only. */
	private static String signIdToken(Tenant tenant, JWTClaimsSet claims) {
		return sign(tenant, new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
			.keyID(tenant.signingKey().keyId())
			.build(), claims);
	}

	/**
	 * Signs the claims in Entra's order: aud, iss, iat, nbf, exp, then the others alphabetically (Nimbus would write
	 * them in hash order).
	 */
	private static String sign(Tenant tenant, JWSHeader header, JWTClaimsSet claims) {
		Map<String, Object> json = claims.toJSONObject();
		Map<String, Object> ordered = new LinkedHashMap<>();
		for (String first : FIRST_CLAIMS) {
			if (json.containsKey(first)) {
				ordered.put(first, json.remove(first));
			}
		}
		ordered.putAll(new TreeMap<>(json));
		JWSObject jws = new JWSObject(header, new Payload(JSONObjectUtils.toJSONString(ordered)));
		try {
			jws.sign(new RSASSASigner(tenant.signingKey().privateKey()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign a token: " + ex.getMessage(), ex);
		}
		return jws.serialize();
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

	/**
	 * An app-only access token and its lifetime, for the v1.0 or the v2.0 response.
	 *
	 * @param accessToken the signed token
	 * @param lifetime its times
	 */
	record AppOnlyToken(String accessToken, Lifetime lifetime) {

	}

	/**
	 * The times of an access token.
	 *
	 * @param issuedAt {@code iat}: five minutes before the moment of issue
	 * @param notBefore {@code nbf}: the same
	 * @param expiresAt {@code exp}
	 * @param expiresIn seconds from the moment of issue to {@code exp}, the response's {@code expires_in}
	 */
	record Lifetime(Instant issuedAt, Instant notBefore, Instant expiresAt, long expiresIn) {

		/**
		 * A new access token's times: a random lifetime of 60 to 90 minutes from now, to the second.
		 * @param now the moment of issue
		 * @return the times
		 */
		static Lifetime accessToken(Instant now) {
			long seconds = ThreadLocalRandom.current().nextLong(TokenFormat.ACCESS_TOKEN_MIN_LIFETIME.toSeconds(),
					TokenFormat.ACCESS_TOKEN_MAX_LIFETIME.toSeconds() + 1);
			Instant issued = now.minus(TokenFormat.BACKDATE);
			Instant whole = Instant.ofEpochSecond(now.getEpochSecond());
			return new Lifetime(issued, issued, whole.plusSeconds(seconds), seconds);
		}

	}

}
