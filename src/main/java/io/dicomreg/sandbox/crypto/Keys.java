package io.dicomreg.sandbox.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * Key generation (RSA for signing tokens, EC P-256 for TLS) and PKCS#8 round trips for the keys the sandbox keeps.
 */
public final class Keys {

	private Keys() {
	}

	/**
	 * Generates an RSA 2048 key pair.
	 * @return the key pair
	 */
	public static KeyPair newRsaKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("RSA is not available: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Generates an EC key pair on the P-256 curve (secp256r1), far quicker to make than an RSA 2048 key.
	 * @return the key pair
	 */
	public static KeyPair newEcP256KeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("EC P-256 is not available: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Encodes a private key as base64 PKCS#8.
	 * @param keyPair the key pair
	 * @return base64 text
	 */
	public static String toPkcs8(KeyPair keyPair) {
		return Base64.getEncoder().encodeToString(keyPair.getPrivate().getEncoded());
	}

	/**
	 * Decodes base64 PKCS#8 RSA private key text back into a key pair.
	 * @param pkcs8 base64 text
	 * @return the key pair
	 * @throws IllegalArgumentException when the text is not an RSA private key
	 */
	public static KeyPair fromPkcs8(String pkcs8) {
		try {
			KeyFactory factory = KeyFactory.getInstance("RSA");
			var privateKey = (RSAPrivateCrtKey) factory
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8)));
			var publicKey = (RSAPublicKey) factory
				.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
			return new KeyPair(publicKey, privateKey);
		}
		catch (GeneralSecurityException | ClassCastException ex) {
			throw new IllegalArgumentException("not an RSA private key", ex);
		}
	}

}
