package io.dicomreg.sandbox.arm;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.dicomreg.sandbox.SandboxDirectory;
import io.dicomreg.sandbox.directory.Tenant;
import io.dicomreg.sandbox.http.SandboxRequest;
import io.dicomreg.sandbox.identity.TokenFormat;

/**
 * Validates the bearer token of an ARM request as ARM does: issued by this tenant, signed with its key, current, and
 * meant for ARM; every failure is a 401 with ARM's code and a {@code WWW-Authenticate} challenge.
 */
final class ArmAuthenticator {

	private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	/** The .NET general date and time form ARM writes in its expiry message, e.g. 5/14/2026 3:04:05 PM. */
	private static final DateTimeFormatter DOTNET_TIME = DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US)
		.withZone(ZoneOffset.UTC);

	private final ArmContext context;

	ArmAuthenticator(ArmContext context) {
		this.context = context;
	}

	ArmCaller authenticate(SandboxRequest request) {
		String authorization = request.header("Authorization");
		if (authorization == null) {
			throw ArmError.unauthenticated("AuthenticationFailed",
					"Authentication failed. The 'Authorization' header is missing.", challenge(null,
							"The authentication failed because of missing 'Authorization' header."));
		}
		if (!authorization.startsWith("Bearer ") || authorization.substring(7).isBlank()) {
			throw ArmError.unauthenticated("AuthenticationFailedInvalidHeader",
					"Authentication failed. The 'Authorization' header is provided in an invalid format.",
					challenge(null, "The authentication failed because of invalid 'Authorization' header."));
		}
		SignedJWT jwt = parse(authorization.substring(7).trim());
		JWTClaimsSet claims = this.context.store().read((tenant) -> verify(tenant, jwt));
		checkLifetime(claims);
		checkAudience(claims);
		return caller(claims);
	}

	private SignedJWT parse(String token) {
		try {
			return SignedJWT.parse(token);
		}
		catch (ParseException ex) {
			throw invalidToken(null);
		}
	}

	private JWTClaimsSet verify(Tenant tenant, SignedJWT jwt) {
		JWTClaimsSet claims;
		try {
			claims = jwt.getJWTClaimsSet();
		}
		catch (ParseException ex) {
			throw invalidToken(tenant.tenantId());
		}
		String expectedIssuer = TokenFormat.accessTokenIssuer(tenant.tenantId());
		if (!expectedIssuer.equals(claims.getIssuer())) {
			String message = "The access token is from the wrong issuer '" + claims.getIssuer()
					+ "'. It must match the tenant '" + expectedIssuer + "' associated with this subscription. Please "
					+ "use the authority (URL) '" + this.context.baseUrl() + "/" + tenant.tenantId()
					+ "' to get the token.";
			throw ArmError.unauthenticated("InvalidAuthenticationTokenTenant", message,
					challenge(tenant.tenantId(), message));
		}
		try {
			if (tenant.signingKey().keyId().equals(jwt.getHeader().getKeyID())
					&& jwt.verify(new RSASSAVerifier(tenant.signingKey().publicKey()))) {
				return claims;
			}
		}
		catch (JOSEException ex) {
			// reported below
		}
		throw invalidToken(tenant.tenantId());
	}

	/**
	 * Lifetime, with 5 minutes of clock skew: an expired token gets ARM's {@code ExpiredAuthenticationToken} with
	 * both times; one whose {@code nbf} is still ahead is refused as not yet valid, with both times in the same form.
	 */
	private void checkLifetime(JWTClaimsSet claims) {
		Instant now = this.context.clock().instant();
		Instant expires = (claims.getExpirationTime() != null) ? claims.getExpirationTime().toInstant() : Instant.MIN;
		Instant notBefore = (claims.getNotBeforeTime() != null) ? claims.getNotBeforeTime().toInstant() : Instant.MIN;
		String tenantId = tenantId(claims);
		if (now.minus(CLOCK_SKEW).isAfter(expires)) {
			String message = "The access token expiry UTC time '" + DOTNET_TIME.format(expires)
					+ "' is earlier than current UTC time '" + DOTNET_TIME.format(now) + "'.";
			throw ArmError.unauthenticated("ExpiredAuthenticationToken", message, challenge(tenantId, message));
		}
		if (now.plus(CLOCK_SKEW).isBefore(notBefore)) {
			String message = "The access token is not yet valid. Its not-before UTC time '"
					+ DOTNET_TIME.format(notBefore) + "' is later than current UTC time '" + DOTNET_TIME.format(now)
					+ "'.";
			throw ArmError.unauthenticated("InvalidAuthenticationToken", message, challenge(tenantId, message));
		}
	}

	private void checkAudience(JWTClaimsSet claims) {
		String audience = (claims.getAudience() != null && !claims.getAudience().isEmpty())
				? claims.getAudience().get(0) : "";
		if (!SandboxDirectory.ARM_AUDIENCES.contains(audience)) {
			String message = "The access token has been obtained for wrong audience or resource '" + audience
					+ "'. It should exactly match with one of the allowed audiences "
					+ SandboxDirectory.ARM_AUDIENCES.stream().map((a) -> "'" + a + "'").collect(Collectors.joining(","))
					+ ".";
			throw ArmError.unauthenticated("InvalidAuthenticationTokenAudience", message,
					challenge(tenantId(claims), message));
		}
	}

	private ArmCaller caller(JWTClaimsSet claims) {
		try {
			String objectId = claims.getStringClaim("oid");
			if (objectId == null || objectId.isBlank()) {
				String message = "The received access token is not valid: at least one of the claims 'puid' or "
						+ "'altsecid' or 'oid' should be present. If you are accessing as application please make sure "
						+ "service principal is properly created in the tenant.";
				throw ArmError.unauthenticated("InvalidAuthenticationToken", message,
						challenge(tenantId(claims), message));
			}
			boolean user = "user".equals(claims.getStringClaim("idtyp")) || claims.getStringClaim("scp") != null;
			String upn = claims.getStringClaim("upn");
			return new ArmCaller(objectId, (user && upn != null) ? upn : claims.getStringClaim("appid"));
		}
		catch (ParseException ex) {
			throw invalidToken(tenantId(claims));
		}
	}

	private ArmError invalidToken(String tenantId) {
		return ArmError.unauthenticated("InvalidAuthenticationToken", "The access token is invalid.",
				challenge(tenantId, "The access token is invalid."));
	}

	/**
	 * ARM's challenge, pointing at this sandbox's sign-in (where ARM names login.windows.net).
	 */
	private String challenge(String tenantId, String description) {
		String authority = this.context.baseUrl() + "/" + ((tenantId != null) ? tenantId : "");
		return "Bearer authorization_uri=\"" + authority + "\", error=\"invalid_token\", error_description=\""
				+ description.replace("\"", "'") + "\"";
	}

	private static String tenantId(JWTClaimsSet claims) {
		try {
			return claims.getStringClaim("tid");
		}
		catch (ParseException ex) {
			return null;
		}
	}

}
