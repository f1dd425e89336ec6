package io.dicomreg.support;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Self-signed RSA certificates for tests, written as PEM or PFX.
 *
 * @param keyPair the key pair
 * @param certificate the certificate
 */
public record TestCertificates(KeyPair keyPair, X509Certificate certificate) {

	/** A certificate valid from {@code notBefore} for {@code validity}. */
	public static TestCertificates selfSigned(String commonName, Instant notBefore, Duration validity) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair keyPair = generator.generateKeyPair();
			X500Name subject = new X500Name("CN=" + commonName);
			JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
					BigInteger.valueOf(System.nanoTime()), Date.from(notBefore), Date.from(notBefore.plus(validity)),
					subject, keyPair.getPublic());
			X509Certificate certificate = new JcaX509CertificateConverter()
				.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate())));
			return new TestCertificates(keyPair, certificate);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot make a test certificate", ex);
		}
	}

	/** A certificate valid from an hour ago for a year. */
	public static TestCertificates selfSigned(String commonName) {
		return selfSigned(commonName, Instant.now().minus(Duration.ofHours(1)), Duration.ofDays(365));
	}

	/** Writes the certificate and its private key to one PEM file. */
	public Path writePem(Path file) throws IOException {
		StringWriter text = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
			writer.writeObject(this.certificate);
			writer.writeObject(this.keyPair.getPrivate());
		}
		return Files.writeString(file, text.toString(), StandardCharsets.US_ASCII);
	}

	/** Writes a PKCS#12 file protected by {@code password}. */
	public Path writePfx(Path file, char[] password) throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry("dicomreg", this.keyPair.getPrivate(), password, new X509Certificate[] { this.certificate });
		try (var out = Files.newOutputStream(file)) {
			store.store(out, password);
		}
		return file;
	}

}
