package io.dicomreg.sandbox;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Self-signed client certificates for tests, made with BouncyCastle as the shell's cert command would.
 */
public final class TestCertificates {

	private TestCertificates() {
	}

	public static Credential create(String subject) {
		Instant now = Instant.now();
		return create(subject, now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(365)));
	}

	/**
	 * A self-signed RSA 2048 certificate valid between two instants.
	 * @param subject e.g. CN=dicomreg-test
	 * @param notBefore start of validity
	 * @param notAfter end of validity
	 * @return the key pair and certificate
	 */
	public static Credential create(String subject, Instant notBefore, Instant notAfter) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair keyPair = generator.generateKeyPair();
			X500Name name = new X500Name(subject);
			var builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, new SecureRandom()),
					Date.from(notBefore), Date.from(notAfter), name, keyPair.getPublic());
			var signer = new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate());
			X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
			return new Credential(keyPair, certificate);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A certificate and its key pair.
	 *
	 * @param keyPair the key pair
	 * @param certificate the certificate
	 */
	public record Credential(KeyPair keyPair, X509Certificate certificate) {

		public String base64Der() {
			try {
				return Base64.getEncoder().encodeToString(this.certificate.getEncoded());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
