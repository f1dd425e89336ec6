package io.dicomreg.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;

/**
 * Self-signed RSA certificates for tests (made by the sandbox's test helper), written as the files
 * dicomreg reads: PEM with the key, or PFX.
 *
 * @param keyPair the key pair
 * @param certificate the certificate
 */
public record TestCertificates(KeyPair keyPair, X509Certificate certificate) {

	/** A certificate for {@code CN=commonName}, valid from five minutes ago for a year. */
	public static TestCertificates selfSigned(String commonName) {
		io.dicomreg.sandbox.TestCertificates.Credential credential = io.dicomreg.sandbox.TestCertificates
			.create("CN=" + commonName);
		return new TestCertificates(credential.keyPair(), credential.certificate());
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

	/** Writes the certificate and its private key, encrypted with {@code password}, to one PEM file. */
	public Path writePemWithEncryptedKey(Path file, char[] password) throws IOException {
		StringWriter text = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
			writer.writeObject(this.certificate);
			writer.writeObject(this.keyPair.getPrivate(),
					new JcePEMEncryptorBuilder("AES-128-CBC").setProvider(new BouncyCastleProvider()).build(password));
		}
		return Files.writeString(file, text.toString(), StandardCharsets.US_ASCII);
	}

	/** Writes a PKCS#12 file protected by {@code password}. */
	public Path writePfx(Path file, char[] password) throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry("dicomreg", this.keyPair.getPrivate(), password, new X509Certificate[] { this.certificate });
		try (OutputStream out = Files.newOutputStream(file)) {
			store.store(out, password);
		}
		return file;
	}

}
