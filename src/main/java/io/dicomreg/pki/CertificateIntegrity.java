package io.dicomreg.pki;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Checks that a certificate is intact: a self-signed one (subject equal to issuer) verifies with
 * its own public key, so one damaged byte in its key or body is found; and that a private key
 * belongs to the certificate it comes with.
 */
public final class CertificateIntegrity {

	private CertificateIntegrity() {
	}

	/** Whether {@code certificate} is self-issued: subject and issuer are the same name. */
	public static boolean isSelfIssued(X509Certificate certificate) {
		return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
	}

	/** Whether a self-issued certificate's signature verifies with its own key; {@code true} for others. */
	public static boolean selfSignatureVerifies(X509Certificate certificate) {
		if (!isSelfIssued(certificate)) {
			return true;
		}
		try {
			certificate.verify(certificate.getPublicKey());
			return true;
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			return false;
		}
	}

	/**
	 * Whether {@code key} signs what {@code publicKey} verifies: what a client assertion needs.
	 * @return empty when the key's type cannot be checked
	 */
	public static Optional<Boolean> belongTogether(PrivateKey key, PublicKey publicKey) {
		String algorithm = switch (key.getAlgorithm()) {
			case "RSA" -> "SHA256withRSA";
			case "EC" -> "SHA256withECDSA";
			case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
			default -> null;
		};
		if (algorithm == null) {
			return Optional.empty();
		}
		byte[] probe = "dicomreg: does this key belong to this certificate?".getBytes(StandardCharsets.US_ASCII);
		try {
			Signature signer = Signature.getInstance(algorithm);
			signer.initSign(key);
			signer.update(probe);
			byte[] signature = signer.sign();
			Signature verifier = Signature.getInstance(algorithm);
			verifier.initVerify(publicKey);
			verifier.update(probe);
			return Optional.of(verifier.verify(signature));
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			return Optional.of(false);
		}
	}

}
