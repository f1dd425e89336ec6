package io.dicomreg.sandbox.dicom;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import io.dicomreg.sandbox.SandboxDirectory;
import io.dicomreg.sandbox.directory.Tenant;
import io.dicomreg.sandbox.http.SandboxRequest;
import io.dicomreg.sandbox.identity.TokenFormat;

/**
 * Validates the bearer token of a DICOMweb request as the service's ASP.NET JWT bearer handler does: signature
 * with the tenant's signing key, then lifetime (5 minutes clock skew), audience and issuer. A request without a
 * bearer token gets the bare challenge; an invalid token the challenge with {@code error="invalid_token"} and the
 * description of the first check it fails. Both are 401 with no body.
 */
final class DicomAuthenticator {

	private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	/** How .NET writes a UTC date in the invariant culture. */
	private static final DateTimeFormatter INVARIANT = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss", Locale.US)
		.withZone(ZoneOffset.UTC);

	/** The audiences the service accepts; the first is the challenge's resource and realm. */
	static final List<String> AUDIENCES = List.of(SandboxDirectory.DICOM_RESOURCE);

	private final DicomContext context;

	DicomAuthenticator(DicomContext context) {
		this.context = context;
	}

	/**
	 * The caller of a request.
	 * @param request the request
	 * @return the token's object id and tenant
	 * @throws DicomError 401 when the request has no valid token
	 */
	DicomCaller authenticate(SandboxRequest request) {
		String tenantId = this.context.store().read(Tenant::tenantId);
		String authorization = request.header("Authorization");
		if (authorization == null || authorization.length() < 7
				|| !authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.substring(7).isBlank()) {
			throw DicomError.unauthorized(challenge(tenantId));
		}
		JWT jwt;
		try {
			jwt = JWTParser.parse(authorization.substring(7).trim());
		}
		catch (ParseException ex) {
			throw invalid(tenantId, null);
		}
		if (jwt instanceof PlainJWT) {
			throw invalid(tenantId, "The signature is invalid");
		}
		if (!(jwt instanceof SignedJWT signed)) {
			throw invalid(tenantId, null);
		}
		JWTClaimsSet claims;
		try {
			claims = signed.getJWTClaimsSet();
		}
		catch (ParseException ex) {
			throw invalid(tenantId, null);
		}
		this.context.store().read((tenant) -> {
			checkSignature(tenant, signed);
			return null;
		});
		checkLifetime(tenantId, claims);
		checkAudience(tenantId, claims);
		checkIssuer(tenantId, claims);
		return new DicomCaller(stringClaim(claims, "oid"), tenantId);
	}

	private void checkSignature(Tenant tenant, SignedJWT jwt) {
		String keyId = jwt.getHeader().getKeyID();
		if (keyId != null && !keyId.equals(tenant.signingKey().keyId())) {
			throw invalid(tenant.tenantId(), "The signature key was not found");
		}
		try {
			if (jwt.verify(new RSASSAVerifier(tenant.signingKey().publicKey()))) {
				return;
			}
		}
		catch (JOSEException ex) {
			// reported below
		}
		throw invalid(tenant.tenantId(), "The signature is invalid");
	}

	private void checkLifetime(String tenantId, JWTClaimsSet claims) {
		Instant now = this.context.clock().instant();
		Instant expires = (claims.getExpirationTime() != null) ? claims.getExpirationTime().toInstant() : null;
		Instant notBefore = (claims.getNotBeforeTime() != null) ? claims.getNotBeforeTime().toInstant() : null;
		if (expires == null) {
			throw invalid(tenantId, "The token has no expiration");
		}
		if (notBefore != null && notBefore.isAfter(expires)) {
			throw invalid(tenantId, "The token lifetime is invalid; NotBefore: '" + INVARIANT.format(notBefore)
					+ "', Expires: '" + INVARIANT.format(expires) + "'");
		}
		if (notBefore != null && notBefore.isAfter(now.plus(CLOCK_SKEW))) {
			throw invalid(tenantId, "The token is not valid before '" + INVARIANT.format(notBefore) + "'");
		}
		if (expires.isBefore(now.minus(CLOCK_SKEW))) {
			throw invalid(tenantId, "The token expired at '" + INVARIANT.format(expires) + "'");
		}
	}

	/** Accepts an audience with or without a trailing slash, as the handler does by default. */
	private void checkAudience(String tenantId, JWTClaimsSet claims) {
		List<String> audiences = (claims.getAudience() != null) ? claims.getAudience() : List.of();
		boolean valid = audiences.stream()
			.map((audience) -> audience.endsWith("/") ? audience.substring(0, audience.length() - 1) : audience)
			.anyMatch(AUDIENCES::contains);
		if (!valid) {
			String shown = audiences.isEmpty() ? "(null)" : String.join(", ", audiences);
			throw invalid(tenantId, "The audience '" + shown + "' is invalid");
		}
	}

	private void checkIssuer(String tenantId, JWTClaimsSet claims) {
		String issuer = claims.getIssuer();
		List<String> issuers = List.of(TokenFormat.accessTokenIssuer(tenantId),
				TokenFormat.idTokenIssuer(this.context.baseUrl(), tenantId));
		if (issuer == null || !issuers.contains(issuer)) {
			throw invalid(tenantId, "The issuer '" + ((issuer != null) ? issuer : "(null)") + "' is invalid");
		}
	}

	/**
	 * The service's challenge: the sign-in authority of the tenant (this sandbox's), and the DICOM audience as
	 * resource and realm.
	 * @param tenantId the tenant id
	 * @return the {@code WWW-Authenticate} value without error
	 */
	String challenge(String tenantId) {
		String audience = AUDIENCES.get(0);
		return "Bearer authorization_uri=\"" + this.context.baseUrl() + "/" + tenantId + "\", resource_id=\""
				+ audience + "\", realm=\"" + audience + "\"";
	}

	private DicomError invalid(String tenantId, String description) {
		StringBuilder header = new StringBuilder(challenge(tenantId)).append(", error=\"invalid_token\"");
		if (description != null) {
			header.append(", error_description=\"").append(description).append('"');
		}
		return DicomError.unauthorized(header.toString());
	}

	private static String stringClaim(JWTClaimsSet claims, String name) {
		try {
			return claims.getStringClaim(name);
		}
		catch (ParseException ex) {
			return null;
		}
	}

}
