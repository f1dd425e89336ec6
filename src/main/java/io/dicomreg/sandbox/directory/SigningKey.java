package io.dicomreg.sandbox.directory;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

import io.dicomreg.sandbox.crypto.Keys;
import io.dicomreg.sandbox.crypto.SigningCertificates;

/**
 * The tenant's token signing key, published in its JWKS under {@code keyId} with its self-signed certificate
 * ({@code x5c}, {@code x5t}).
 *
 * @param keyId the {@code kid} of tokens signed with this key
 * @param keyPair the RSA key pair
 * @param certificate the key's certificate, derived from the key (see {@link SigningCertificates})
 */
public record SigningKey(String keyId, KeyPair keyPair, X509Certificate certificate) {

	/**
	 * A signing key as kept in the state file: its certificate is derived from the key, so it is the same on every
	 * read.
	 * @param keyId the {@code kid}
	 * @param keyPair the RSA key pair
	 */
	public SigningKey(String keyId, KeyPair keyPair) {
		this(keyId, keyPair, SigningCertificates.of(keyPair));
	}

	/**
	 * Generates a new signing key whose {@code kid} is its {@code x5t}, as Entra ID's keys have. (Keys of older
	 * state files keep the {@code kid} they were made with.)
	 * @return the key
	 */
	public static SigningKey generate() {
		KeyPair keyPair = Keys.newRsaKeyPair();
		X509Certificate certificate = SigningCertificates.of(keyPair);
		return new SigningKey(SigningCertificates.x5t(certificate), keyPair, certificate);
	}

	/**
	 * The {@code x5t} of tokens signed with this key and of its JWKS entry: base64url SHA-1 of the certificate.
	 * @return the thumbprint
	 */
	public String x5t() {
		return SigningCertificates.x5t(this.certificate);
	}

	public RSAPrivateKey privateKey() {
		return (RSAPrivateKey) this.keyPair.getPrivate();
	}

	public RSAPublicKey publicKey() {
		return (RSAPublicKey) this.keyPair.getPublic();
	}

}
