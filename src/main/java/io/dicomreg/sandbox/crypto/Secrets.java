package io.dicomreg.sandbox.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random values and one-way hashes for the secrets the sandbox hands out and must later recognise.
 */
public final class Secrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private static final String SECRET_ALPHABET = ALPHANUMERIC + "_-.~";

	private Secrets() {
	}

	/**
	 * A client secret shaped like Entra's: 40 characters, 3 random ones, the "8Q~" marker, then 34 more.
	 * @return the secret text
	 */
	public static String newClientSecret() {
		return randomText(ALPHANUMERIC, 3) + "8Q~" + randomText(SECRET_ALPHABET, 34);
	}

	/**
	 * An opaque, URL-safe token with the given number of random bytes.
	 * @param bytes entropy in bytes
	 * @return base64url text
	 */
	public static String newToken(int bytes) {
		byte[] value = new byte[bytes];
		RANDOM.nextBytes(value);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}

	public static String randomText(String alphabet, int length) {
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
		}
		return text.toString();
	}

	/**
	 * Hashes a secret with a salt; both inputs are kept so the same secret can be checked later.
	 * @param salt base64 salt
	 * @param secret the secret text
	 * @return base64 SHA-256 of salt and secret
	 */
	public static String saltedHash(String salt, String secret) {
		byte[] saltBytes = Base64.getDecoder().decode(salt);
		byte[] secretBytes = secret.getBytes(StandardCharsets.UTF_8);
		byte[] input = new byte[saltBytes.length + secretBytes.length];
		System.arraycopy(saltBytes, 0, input, 0, saltBytes.length);
		System.arraycopy(secretBytes, 0, input, saltBytes.length, secretBytes.length);
		return Base64.getEncoder().encodeToString(Certificates.digest("SHA-256", input));
	}

	public static String newSalt() {
		byte[] salt = new byte[16];
		RANDOM.nextBytes(salt);
		return Base64.getEncoder().encodeToString(salt);
	}

	/**
	 * Hashes a high-entropy token for storage; no salt is needed because the token is random.
	 * @param token the token
	 * @return base64url SHA-256
	 */
	public static String tokenHash(String token) {
		return Certificates.base64Url(Certificates.digest("SHA-256", token.getBytes(StandardCharsets.UTF_8)));
	}

	public static boolean constantTimeEquals(String left, String right) {
		return MessageDigest.isEqual(left.getBytes(StandardCharsets.UTF_8), right.getBytes(StandardCharsets.UTF_8));
	}

}
