package io.dicomreg.sandbox.graph;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.dicomreg.sandbox.SandboxDirectory;
import io.dicomreg.sandbox.directory.Tenant;
import io.dicomreg.sandbox.http.SandboxRequest;
import io.dicomreg.sandbox.identity.TokenFormat;

/**
 * Validates the bearer token of a Graph request: signed by this tenant, a v1.0 token of its issuer, current, and
 * meant for Graph ({@code https://graph.microsoft.com}, with or without a trailing slash, or Graph's appId, as the
 * v2.0 and v1.0 token endpoints issue them).
 */
final class GraphAuthenticator {

	private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	private static final Set<String> GRAPH_AUDIENCES = Set.of(SandboxDirectory.GRAPH_RESOURCE,
			SandboxDirectory.GRAPH_RESOURCE + "/", SandboxDirectory.GRAPH_APP_ID);

	private final GraphContext context;

	GraphAuthenticator(GraphContext context) {
		this.context = context;
	}

	Caller authenticate(SandboxRequest request) {
		String token = bearerToken(request);
		SignedJWT jwt = parse(token);
		JWTClaimsSet claims = this.context.store().read((tenant) -> verify(tenant, jwt));
		checkLifetime(claims);
		if (claims.getAudience().stream().noneMatch(GRAPH_AUDIENCES::contains)) {
			throw GraphError.unauthenticated("Access token validation failure. Invalid audience.");
		}
		return caller(claims);
	}

	private static String bearerToken(SandboxRequest request) {
		String authorization = request.header("Authorization");
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
				|| authorization.substring(7).isBlank()) {
			throw GraphError.unauthenticated("Access token is empty.");
		}
		return authorization.substring(7).trim();
	}

	private static SignedJWT parse(String token) {
		try {
			return SignedJWT.parse(token);
		}
		catch (ParseException ex) {
			throw GraphError.unauthenticated("CompactToken parsing failed with error code: 80049217");
		}
	}

	private static JWTClaimsSet verify(Tenant tenant, SignedJWT jwt) {
		try {
			boolean ours = tenant.signingKey().keyId().equals(jwt.getHeader().getKeyID())
					&& jwt.verify(new RSASSAVerifier(tenant.signingKey().publicKey()));
			JWTClaimsSet claims = jwt.getJWTClaimsSet();
			if (ours && TokenFormat.accessTokenIssuer(tenant.tenantId()).equals(claims.getIssuer())
					&& tenant.tenantId().equals(claims.getStringClaim("tid"))) {
				return claims;
			}
		}
		catch (JOSEException | ParseException ex) {
			// reported as a validation failure below
		}
		throw GraphError.unauthenticated("Access token validation failure.");
	}

	/**
	 * Lifetime, with 5 minutes of clock skew either way: a token whose {@code nbf} is still ahead is not yet valid
	 * (a client whose clock runs ahead, or a token made for later), one whose {@code exp} has passed is expired.
	 */
	private void checkLifetime(JWTClaimsSet claims) {
		Instant now = this.context.clock().instant();
		Instant notBefore = (claims.getNotBeforeTime() != null) ? claims.getNotBeforeTime().toInstant() : Instant.MIN;
		Instant expires = (claims.getExpirationTime() != null) ? claims.getExpirationTime().toInstant() : Instant.MIN;
		if (now.plus(CLOCK_SKEW).isBefore(notBefore)) {
			throw GraphError.unauthenticated("Lifetime validation failed, the token is not yet valid.");
		}
		if (now.minus(CLOCK_SKEW).isAfter(expires)) {
			throw GraphError.unauthenticated("Lifetime validation failed, the token is expired.");
		}
	}

	private static Caller caller(JWTClaimsSet claims) {
		try {
			String scp = claims.getStringClaim("scp");
			List<String> roles = claims.getStringListClaim("roles");
			boolean delegated = "user".equals(claims.getStringClaim("idtyp")) || scp != null;
			return new Caller(claims.getStringClaim("appid"), delegated ? claims.getStringClaim("oid") : null,
					split(scp), (roles != null) ? new LinkedHashSet<>(roles) : Set.of());
		}
		catch (ParseException ex) {
			throw GraphError.unauthenticated("Access token validation failure.");
		}
	}

	private static Set<String> split(String scp) {
		Set<String> scopes = new LinkedHashSet<>();
		if (scp != null) {
			for (String scope : scp.split(" ")) {
				if (!scope.isBlank()) {
					scopes.add(scope);
				}
			}
		}
		return scopes;
	}

}
