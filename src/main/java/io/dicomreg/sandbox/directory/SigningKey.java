package io.dicomreg.sandbox.directory;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

import io.dicomreg.sandbox.crypto.Keys;
import io.dicomreg.sandbox.crypto.SigningCertificates;

/**
 * The tenant's token signing key, published in its JWKS under {@code keyId} with its self-signed certificate
 * ({@code x5c}, {@code x5t}). The certificate is derived from the key, so it is the same on every read of the state
 * file; it is made when first needed (to sign a token or publish the JWKS), not at every start of the sandbox.
 */
public final class SigningKey {

	private final String keyId;

	private final KeyPair keyPair;

	private X509Certificate certificate;

	/**
	 * A signing key as kept in the state file.
	 * @param keyId the {@code kid}
	 * @param keyPair the RSA key pair
	 */
	public SigningKey(String keyId, KeyPair keyPair) {
		this.keyId = keyId;
		this.keyPair = keyPair;
	}

	/**
	 * Generates a new signing key whose {@code kid} is its {@code x5t}, as Entra ID's keys have. (Keys of older
	 * state files keep the {@code kid} they were made with.)
	 * @return the key
	 */
	public static SigningKey generate() {
		KeyPair keyPair = Keys.newRsaKeyPair();
		return new SigningKey(SigningCertificates.x5t(SigningCertificates.of(keyPair)), keyPair);
	}

	/** The {@code kid} of tokens signed with this key. */
	public String keyId() {
		return this.keyId;
	}

	public KeyPair keyPair() {
		return this.keyPair;
	}

	/** The key's self-signed certificate (see {@link SigningCertificates}). */
	public synchronized X509Certificate certificate() {
		if (this.certificate == null) {
			this.certificate = SigningCertificates.of(this.keyPair);
		}
		return this.certificate;
	}

	/**
	 * The {@code x5t} of tokens signed with this key and of its JWKS entry: base64url SHA-1 of the certificate.
	 * @return the thumbprint
	 */
	public String x5t() {
		return SigningCertificates.x5t(certificate());
	}

	public RSAPrivateKey privateKey() {
		return (RSAPrivateKey) this.keyPair.getPrivate();
	}

	public RSAPublicKey publicKey() {
		return (RSAPublicKey) this.keyPair.getPublic();
	}

}
