package io.dicomreg.sandbox.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The self-signed certificate of a token signing key, published in the JWKS as {@code x5c} as Entra ID publishes
 * one for each of its keys. It is derived from the key alone (the serial number from the public key, fixed validity
 * dates, an RSA PKCS#1 v1.5 signature, which is deterministic), so every process that reads a state file publishes
 * the same certificate and the same {@code x5t}, across restarts, without keeping it in the file.
 */
public final class SigningCertificates {

	/** The subject and issuer of every signing certificate. */
	public static final String SUBJECT = "CN=dicomreg sandbox token signing";

	/** The start of validity: a fixed date, so that the certificate does not depend on when it was made. */
	static final Instant NOT_BEFORE = Instant.parse("2020-01-01T00:00:00Z");

	/** The end of validity: RFC 5280's "no well-defined expiration date". */
	static final Instant NOT_AFTER = Instant.parse("9999-12-31T23:59:59Z");

	private static final int CACHED_KEYS = 64;

	/** Certificates already made, by modulus: a tenant copied for every write should not sign anew each time. */
	private static final Map<BigInteger, X509Certificate> CACHE = new LinkedHashMap<>(16, 0.75f, true) {

		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(Map.Entry<BigInteger, X509Certificate> eldest) {
			return size() > CACHED_KEYS;
		}

	};

	private SigningCertificates() {
	}

	/**
	 * The certificate of an RSA signing key; the same key always gives the same certificate, byte for byte.
	 * @param keyPair the RSA key pair
	 * @return the self-signed certificate
	 */
	public static X509Certificate of(KeyPair keyPair) {
		BigInteger modulus = ((RSAPublicKey) keyPair.getPublic()).getModulus();
		synchronized (CACHE) {
			X509Certificate cached = CACHE.get(modulus);
			if (cached != null) {
				return cached;
			}
		}
		X509Certificate certificate = create(keyPair);
		synchronized (CACHE) {
			CACHE.put(modulus, certificate);
		}
		return certificate;
	}

	/**
	 * The {@code x5t} of a certificate, which Entra ID also uses as the {@code kid}: base64url of its SHA-1
	 * thumbprint.
	 * @param certificate the certificate
	 * @return 27 base64url characters
	 */
	public static String x5t(X509Certificate certificate) {
		return Certificates.base64Url(Certificates.sha1Thumbprint(certificate));
	}

	private static X509Certificate create(KeyPair keyPair) {
		try {
			X500Name subject = new X500Name(SUBJECT);
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(keyPair),
					Date.from(NOT_BEFORE), Date.from(NOT_AFTER), subject, keyPair.getPublic());
			builder.addExtension(Extension.subjectKeyIdentifier, false,
					new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keyPair.getPublic()));
			var signer = new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate());
			return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
		}
		catch (GeneralSecurityException | OperatorCreationException | CertIOException ex) {
			throw new IllegalStateException("Cannot make the signing key's certificate: " + ex.getMessage(), ex);
		}
	}

	/** A positive 64-bit serial number from the public key. */
	private static BigInteger serial(KeyPair keyPair) {
		byte[] digest = Certificates.digest("SHA-256", keyPair.getPublic().getEncoded());
		byte[] serial = Arrays.copyOf(digest, 8);
		serial[0] &= 0x7f;
		serial[0] |= 0x40;
		return new BigInteger(1, serial);
	}

}
