package io.dicomreg.apps.credentials;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Certificate thumbprints as the portal shows them: the SHA-1 hash of the DER encoding, in upper
 * case hexadecimal.
 */
public final class Thumbprints {

	private Thumbprints() {
	}

	/** The SHA-1 hash of the certificate's DER encoding (Graph's default customKeyIdentifier). */
	static byte[] sha1(X509Certificate certificate) {
		try {
			return MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded());
		}
		catch (CertificateEncodingException | NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Cannot compute the thumbprint", ex);
		}
	}

	/** {@code bytes} as upper case hexadecimal, or {@code null}. */
	static String hex(byte[] bytes) {
		return (bytes != null) ? HexFormat.of().withUpperCase().formatHex(bytes) : null;
	}

	/** The thumbprint of {@code certificate}, e.g. {@code 3A1F...}. */
	public static String of(X509Certificate certificate) {
		return hex(sha1(certificate));
	}

	/** A typed thumbprint in the portal's form: colons and spaces dropped, upper case. */
	static String normalize(String typed) {
		return typed.replace(":", "").replace(" ", "").toUpperCase(Locale.ROOT);
	}

}
