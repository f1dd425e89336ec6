package io.dicomreg.sandbox.crypto;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * Parses X.509 certificates and computes the thumbprints Entra ID matches keys by.
 */
public final class Certificates {

	private Certificates() {
	}

	/**
	 * Parses DER bytes into a certificate.
	 * @param der the DER encoding
	 * @return the certificate
	 * @throws IllegalArgumentException when the bytes are not an X.509 certificate
	 */
	public static X509Certificate parse(byte[] der) {
		try {
			CertificateFactory factory = CertificateFactory.getInstance("X.509");
			return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
		}
		catch (CertificateException | RuntimeException ex) {
			throw new IllegalArgumentException("not an X.509 certificate", ex);
		}
	}

	/**
	 * Parses base64 DER text into a certificate.
	 * @param base64Der the base64 text
	 * @return the certificate
	 * @throws IllegalArgumentException when the text is not a base64 X.509 certificate
	 */
	public static X509Certificate parseBase64(String base64Der) {
		try {
			return parse(Base64.getMimeDecoder().decode(base64Der));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("not a base64 X.509 certificate", ex);
		}
	}

	public static byte[] sha1Thumbprint(X509Certificate certificate) {
		return digest("SHA-1", encoded(certificate));
	}

	public static byte[] sha256Thumbprint(X509Certificate certificate) {
		return digest("SHA-256", encoded(certificate));
	}

	public static String base64Url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public static String base64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}

	public static String hex(byte[] bytes) {
		StringBuilder text = new StringBuilder();
		for (byte b : bytes) {
			text.append(String.format("%02X", b));
		}
		return text.toString();
	}

	public static byte[] encoded(X509Certificate certificate) {
		try {
			return certificate.getEncoded();
		}
		catch (CertificateEncodingException ex) {
			throw new IllegalArgumentException("certificate cannot be encoded", ex);
		}
	}

	static byte[] digest(String algorithm, byte[] bytes) {
		try {
			return MessageDigest.getInstance(algorithm).digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(algorithm + " is not available", ex);
		}
	}

}
