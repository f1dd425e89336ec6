package io.dicomreg.sandbox.identity;

import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.dicomreg.sandbox.SandboxDirectory;
import io.dicomreg.sandbox.crypto.Certificates;
import io.dicomreg.sandbox.directory.RegisteredCertificate;
import io.dicomreg.sandbox.directory.StoredApplication;
import io.dicomreg.sandbox.directory.Times;

/**
 * Verifies a jwt-bearer client assertion against the certificates registered on the application.
 */
final class ClientAssertionVerifier {

	private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	private static final Set<String> ACCEPTED_ALGORITHMS = Set.of("RS256", "PS256");

	private static final String DOCS = " Review the documentation at "
			+ "https://docs.microsoft.com/en-us/azure/active-directory/develop/active-directory-certificate-credentials .";

	private final IdentityContext context;

	private final String tenantSegment;

	ClientAssertionVerifier(IdentityContext context, String tenantSegment) {
		this.context = context;
		this.tenantSegment = tenantSegment;
	}

	void verify(StoredApplication application, String assertion) {
		SignedJWT jwt = parse(assertion);
		JWTClaimsSet claims = claims(jwt);
		String algorithm = jwt.getHeader().getAlgorithm().getName();
		if (!ACCEPTED_ALGORITHMS.contains(algorithm)) {
			throw IdentityError.invalidClient(5002738, "Invalid JWT token. '" + algorithm
					+ "' is not a supported signature algorithm. Supported signing algorithms are: 'RS256, PS256'");
		}
		checkIdentity(application, claims);
		checkAudience(claims);
		checkLifetime(claims);
		RegisteredCertificate certificate = certificate(application, jwt);
		checkSignature(jwt, certificate);
	}

	private static SignedJWT parse(String assertion) {
		try {
			return SignedJWT.parse(assertion);
		}
		catch (ParseException ex) {
			throw malformed();
		}
	}

	private static JWTClaimsSet claims(SignedJWT jwt) {
		try {
			return jwt.getJWTClaimsSet();
		}
		catch (ParseException ex) {
			throw malformed();
		}
	}

	private static void checkIdentity(StoredApplication application, JWTClaimsSet claims) {
		if (!application.appId().equalsIgnoreCase(claims.getIssuer())
				|| !application.appId().equalsIgnoreCase(claims.getSubject())) {
			throw IdentityError.invalidClient(700021,
					"Client assertion application identifier doesn't match 'client_id' parameter." + DOCS);
		}
	}

	private void checkAudience(JWTClaimsSet claims) {
		List<String> accepted = this.context.store().read((tenant) -> List.of(tokenEndpoint(this.tenantSegment),
				tokenEndpoint(tenant.tenantId()), tokenEndpoint(SandboxDirectory.TENANT_DOMAIN)));
		boolean matches = claims.getAudience().stream().anyMatch((aud) -> accepted.stream()
			.anyMatch((endpoint) -> endpoint.equalsIgnoreCase(aud)
					|| endpoint.replace("/oauth2/v2.0/token", "/oauth2/token").equalsIgnoreCase(aud)));
		if (!matches) {
			throw IdentityError.invalidClient(50027, "Invalid JWT token. The audience " + claims.getAudience()
					+ " of the client assertion is not the token endpoint " + tokenEndpoint(this.tenantSegment) + ".");
		}
	}

	private void checkLifetime(JWTClaimsSet claims) {
		Instant now = this.context.clock().instant();
		Instant notBefore = (claims.getNotBeforeTime() != null) ? claims.getNotBeforeTime().toInstant() : null;
		Instant expires = (claims.getExpirationTime() != null) ? claims.getExpirationTime().toInstant() : null;
		boolean early = notBefore != null && now.plus(CLOCK_SKEW).isBefore(notBefore);
		boolean late = expires == null || now.minus(CLOCK_SKEW).isAfter(expires);
		if (early || late) {
			throw IdentityError.invalidClient(700024, "Client assertion is not within its valid time range. Current "
					+ "time: " + Times.format(now) + ", assertion valid from "
					+ ((notBefore != null) ? Times.format(notBefore) : "(none)") + ", expiry time of assertion "
					+ ((expires != null) ? Times.format(expires) : "(none)") + "." + DOCS);
		}
	}

	private RegisteredCertificate certificate(StoredApplication application, SignedJWT jwt) {
		Base64URL sha1 = jwt.getHeader().getX509CertThumbprint();
		Base64URL sha256 = jwt.getHeader().getX509CertSHA256Thumbprint();
		String sha1Text = (sha1 != null) ? sha1.toString() : null;
		String sha256Text = (sha256 != null) ? sha256.toString() : null;
		Optional<RegisteredCertificate> match = RegisteredCertificate.of(application).stream()
			.filter((certificate) -> certificate.matches(sha1Text, sha256Text))
			.findFirst();
		String thumbprint = thumbprintForMessage(sha1, sha256);
		RegisteredCertificate certificate = match.orElseThrow(() -> signatureFailure("The key was not found.",
				thumbprint, null, application.appId()));
		if (!certificate.isValidAt(this.context.clock().instant())) {
			throw signatureFailure("The key used is expired.", thumbprint, certificate, application.appId());
		}
		return certificate;
	}

	private static void checkSignature(SignedJWT jwt, RegisteredCertificate certificate) {
		try {
			var publicKey = (RSAPublicKey) certificate.certificate().getPublicKey();
			if (jwt.verify(new RSASSAVerifier(publicKey))) {
				return;
			}
		}
		catch (JOSEException | ClassCastException ex) {
			// falls through to the signature failure below
		}
		throw signatureFailure("The provided signature value did not match the expected signature value.",
				certificate.hexThumbprint(), certificate, null);
	}

	private static IdentityError signatureFailure(String reason, String thumbprint,
			RegisteredCertificate certificate, String appId) {
		StringBuilder message = new StringBuilder("Client assertion failed signature validation. [Reason - ")
			.append(reason)
			.append(", Thumbprint of key used by client: '")
			.append(thumbprint)
			.append("'");
		if (certificate != null) {
			message.append(", Found key 'Start=").append(Times.format(certificate.startDateTime()))
				.append(", End=").append(Times.format(certificate.endDateTime())).append("'");
		}
		if (appId != null) {
			message.append(", Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured "
					+ "keys for app Id '").append(appId).append("'. Review the documentation at "
					+ "https://docs.microsoft.com/en-us/graph/api/application-addkey to learn how to add keys to an app.");
		}
		return IdentityError.invalidClient(700027, message.append("]").toString());
	}

	private static String thumbprintForMessage(Base64URL sha1, Base64URL sha256) {
		Base64URL thumbprint = (sha1 != null) ? sha1 : sha256;
		return (thumbprint != null)
				? Certificates.hex(RegisteredCertificate.decode(thumbprint.toString())) : "";
	}

	private static IdentityError malformed() {
		return IdentityError.invalidClient(50027, "JWT token is invalid or malformed.");
	}

	private String tokenEndpoint(String tenant) {
		return this.context.authorityHost() + "/" + tenant + "/oauth2/v2.0/token";
	}

}
