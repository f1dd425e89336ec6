package io.dicomreg.sandbox.directory;

import io.dicomreg.sandbox.crypto.Secrets;

/**
 * The salted hash of one client secret; the secret text itself is never kept.
 *
 * @param keyId the password credential's keyId
 * @param salt base64 salt
 * @param hash base64 SHA-256 of salt and secret
 */
public record SecretHash(String keyId, String salt, String hash) {

	/**
	 * Hashes a new secret.
	 * @param keyId the credential's keyId
	 * @param secretText the secret
	 * @return the hash record
	 */
	public static SecretHash of(String keyId, String secretText) {
		String salt = Secrets.newSalt();
		return new SecretHash(keyId, salt, Secrets.saltedHash(salt, secretText));
	}

	public boolean matches(String secretText) {
		return Secrets.constantTimeEquals(this.hash, Secrets.saltedHash(this.salt, secretText));
	}

}
