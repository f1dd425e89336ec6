package io.dicomreg.sandbox.directory;

import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;

import io.dicomreg.sandbox.crypto.Certificates;
import io.dicomreg.sandbox.crypto.Keys;

/**
 * The tenant's token signing key, published in its JWKS under {@code keyId}.
 *
 * @param keyId the {@code kid} of tokens signed with this key
 * @param keyPair the RSA key pair
 */
public record SigningKey(String keyId, KeyPair keyPair) {

	/**
	 * Generates a new signing key.
	 * @return the key
	 */
	public static SigningKey generate() {
		KeyPair keyPair = Keys.newRsaKeyPair();
		byte[] modulus = ((RSAPublicKey) keyPair.getPublic()).getModulus().toByteArray();
		return new SigningKey(Certificates.base64Url(Arrays.copyOf(modulus, 15)), keyPair);
	}

	public RSAPrivateKey privateKey() {
		return (RSAPrivateKey) this.keyPair.getPrivate();
	}

	public RSAPublicKey publicKey() {
		return (RSAPublicKey) this.keyPair.getPublic();
	}

}
