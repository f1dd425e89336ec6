package io.dicomreg.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What a certificate or key file holds, as {@link KeyFiles} read it.
 *
 * @param format what kind of file it is
 * @param certificates its certificates in file order; for a PFX with a private key, that key's
 * chain (its own certificate first), else its first certificate; empty when it holds none
 * @param privateKey its private key when {@link #key()} is {@link Key#READ}, else {@code null}
 * @param key what private key it holds
 * @param otherContent whether a PEM file holds something other than certificates and private keys
 */
public record KeyMaterial(Format format, List<X509Certificate> certificates, PrivateKey privateKey, Key key,
		boolean otherContent) {

	public KeyMaterial {
		certificates = List.copyOf(certificates);
	}

	/** Its first certificate, or {@code null} when it holds none. */
	public X509Certificate certificate() {
		return this.certificates.isEmpty() ? null : this.certificates.get(0);
	}

	/** Whether it holds a private key in any form. */
	public boolean holdsPrivateKey() {
		return this.key != Key.NONE;
	}

	@Override
	public String toString() {
		return "KeyMaterial[format=" + this.format + ", certificates=" + this.certificates.size() + ", key=" + this.key
				+ ", otherContent=" + this.otherContent + "]";
	}

	/** What kind of file it is. */
	public enum Format {

		/** PEM text: certificates and keys between {@code -----BEGIN} and {@code -----END} lines. */
		PEM,

		/** One DER-encoded certificate ({@code .cer}, {@code .crt}). */
		DER_CERTIFICATE,

		/** One DER-encoded private key (PKCS#8, encrypted or not). */
		DER_PRIVATE_KEY,

		/** A PKCS#12 file ({@code .pfx}, {@code .p12}). */
		PFX,

		/** None of these. */
		UNKNOWN

	}

	/** What private key a file holds. */
	public enum Key {

		/** None. */
		NONE,

		/** One, read: {@link KeyMaterial#privateKey()}. */
		READ,

		/** One, not read, as the caller asked. */
		SKIPPED,

		/** An encrypted one, which dicomreg does not read. */
		ENCRYPTED,

		/** One that could not be decoded (an unknown algorithm, or a PFX key that does not open). */
		UNREADABLE

	}

}
