package io.dicomreg.sandbox.directory;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.dicomreg.sandbox.crypto.Certificates;

/**
 * A certificate registered in an application's keyCredentials, for verifying what the application signs.
 *
 * @param keyId the key credential's keyId
 * @param certificate the certificate
 * @param startDateTime the credential's start
 * @param endDateTime the credential's end
 */
public record RegisteredCertificate(String keyId, X509Certificate certificate, Instant startDateTime,
		Instant endDateTime) {

	/**
	 * The verify certificates of an application.
	 * @param application the application
	 * @return its AsymmetricX509Cert/Verify key credentials that hold a certificate
	 */
	public static List<RegisteredCertificate> of(StoredApplication application) {
		List<RegisteredCertificate> certificates = new ArrayList<>();
		for (JsonNode credential : application.keyCredentials()) {
			String key = Json.text(credential, "key");
			if (key == null || !"AsymmetricX509Cert".equals(Json.text(credential, "type"))
					|| !"Verify".equals(Json.text(credential, "usage"))) {
				continue;
			}
			certificates.add(new RegisteredCertificate(Json.text(credential, "keyId"), Certificates.parseBase64(key),
					Times.parse(Json.text(credential, "startDateTime")),
					Times.parse(Json.text(credential, "endDateTime"))));
		}
		return certificates;
	}

	public boolean isValidAt(Instant instant) {
		return !instant.isBefore(this.startDateTime) && instant.isBefore(this.endDateTime);
	}

	/**
	 * Whether a JWS header thumbprint names this certificate. MSAL4J sends x5t#S256 in standard base64 with
	 * padding rather than base64url, so both alphabets are accepted, as Entra ID accepts them.
	 * @param sha1 the x5t header (SHA-1), may be null
	 * @param sha256 the x5t#S256 header (SHA-256), may be null
	 * @return true on a match
	 */
	public boolean matches(String sha1, String sha256) {
		if (sha256 != null) {
			return Arrays.equals(decode(sha256), Certificates.sha256Thumbprint(this.certificate));
		}
		return sha1 != null && Arrays.equals(decode(sha1), Certificates.sha1Thumbprint(this.certificate));
	}

	/**
	 * Decodes a thumbprint written in base64 or base64url, with or without padding.
	 * @param thumbprint the header value
	 * @return the bytes, empty when the text is neither
	 */
	public static byte[] decode(String thumbprint) {
		String urlSafe = thumbprint.replace('+', '-').replace('/', '_').replace("=", "");
		try {
			return Base64.getUrlDecoder().decode(urlSafe);
		}
		catch (IllegalArgumentException ex) {
			return new byte[0];
		}
	}

	/**
	 * The thumbprint as the Azure portal shows it.
	 * @return upper-case hex SHA-1
	 */
	public String hexThumbprint() {
		return Certificates.hex(Certificates.sha1Thumbprint(this.certificate));
	}

}
