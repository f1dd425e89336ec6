package io.dicomreg.sandbox.graph;

import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.dicomreg.sandbox.SandboxDirectory;
import io.dicomreg.sandbox.directory.RegisteredCertificate;
import io.dicomreg.sandbox.directory.StoredApplication;

/**
 * Checks the proof-of-possession JWT that addKey and removeKey require: signed by a currently valid certificate of
 * the application, audience {@value SandboxDirectory#KEY_PROOF_AUDIENCE}, issuer the application's object id, and
 * valid for at most ten minutes.
 */
final class ProofVerifier {

	private static final Duration MAX_LIFETIME = Duration.ofMinutes(10).plusSeconds(5);

	private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	private ProofVerifier() {
	}

	static void verify(StoredApplication application, String proof, Instant now) {
		if (proof == null || !isValid(application, proof, now)) {
			throw new GraphError(401, "Authentication_MissingOrMalformed", "Access Token missing or malformed.");
		}
	}

	private static boolean isValid(StoredApplication application, String proof, Instant now) {
		try {
			SignedJWT jwt = SignedJWT.parse(proof);
			JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
			return (JWSAlgorithm.RS256.equals(algorithm) || JWSAlgorithm.PS256.equals(algorithm))
					&& claimsValid(jwt.getJWTClaimsSet(), application, now) && signedByApplication(jwt, application, now);
		}
		catch (ParseException ex) {
			return false;
		}
	}

	private static boolean claimsValid(JWTClaimsSet claims, StoredApplication application, Instant now) {
		if (claims.getNotBeforeTime() == null || claims.getExpirationTime() == null) {
			return false;
		}
		Instant notBefore = claims.getNotBeforeTime().toInstant();
		Instant expires = claims.getExpirationTime().toInstant();
		return claims.getAudience().contains(SandboxDirectory.KEY_PROOF_AUDIENCE)
				&& application.objectId().equalsIgnoreCase(claims.getIssuer())
				&& !now.plus(CLOCK_SKEW).isBefore(notBefore) && now.isBefore(expires)
				&& Duration.between(notBefore, expires).compareTo(MAX_LIFETIME) <= 0;
	}

	private static boolean signedByApplication(SignedJWT jwt, StoredApplication application, Instant now) {
		Base64URL sha1 = jwt.getHeader().getX509CertThumbprint();
		Base64URL sha256 = jwt.getHeader().getX509CertSHA256Thumbprint();
		for (RegisteredCertificate certificate : RegisteredCertificate.of(application)) {
			boolean named = (sha1 == null && sha256 == null)
					|| certificate.matches((sha1 != null) ? sha1.toString() : null,
							(sha256 != null) ? sha256.toString() : null);
			if (named && certificate.isValidAt(now) && verifies(jwt, certificate)) {
				return true;
			}
		}
		return false;
	}

	private static boolean verifies(SignedJWT jwt, RegisteredCertificate certificate) {
		try {
			return jwt.verify(new RSASSAVerifier((RSAPublicKey) certificate.certificate().getPublicKey()));
		}
		catch (JOSEException | ClassCastException ex) {
			return false;
		}
	}

}
