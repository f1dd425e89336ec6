package io.dicomreg.reliability;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.support.TestCertificates;
import io.dicomreg.support.TestShell;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A certificate with one byte flipped in its public key still parses, but no longer verifies nor
 * matches its key: it is refused before anything is uploaded or signed with.
 */
class DamagedCertificateTests {

	@TempDir
	Path directory;

	@Test
	void aCertificateWithOneFlippedByteInItsKeyIsNotUploaded() throws Exception {
		TestShell shell = new TestShell(this.directory.resolve("home"), "--sandbox-state",
				this.directory.resolve("tenant.json").toString());
		assertThat(shell.run("login").exitCode()).isZero();
		assertThat(shell.run("app", "register", "--name", "damaged").exitCode()).isZero();
		TestCertificates pair = TestCertificates.selfSigned("damaged");
		Path damaged = writePem(this.directory.resolve("damaged.crt"), flipAByteOfTheKey(pair.certificate()));
		String before = Files.readString(this.directory.resolve("tenant.json"));

		TestShell.Result upload = shell.run("cert", "upload", "--file", damaged.toString());

		assertThat(upload.exitCode()).isEqualTo(2);
		assertThat(upload.err().lines()).singleElement().asString().contains("holds a damaged certificate");
		assertThat(Files.readString(this.directory.resolve("tenant.json"))).isEqualTo(before);
	}

	@Test
	void aSignInCertificateWhoseKeyIsAnotherOnesIsRefused() throws Exception {
		TestCertificates mine = TestCertificates.selfSigned("mine");
		TestCertificates other = TestCertificates.selfSigned("other");
		String pem = pem("CERTIFICATE", mine.certificate().getEncoded())
				+ pem("PRIVATE KEY", other.keyPair().getPrivate().getEncoded());
		Path mixed = Files.writeString(this.directory.resolve("mixed.pem"), pem);
		TestShell shell = new TestShell(this.directory.resolve("home"), "--sandbox");

		TestShell.Result login = shell.run("login", "--service-principal", "--tenant", "contoso.onmicrosoft.com",
				"--client-id", "0f8fad5b-d9cb-469f-a165-70867728950e", "--certificate", mixed.toString());

		assertThat(login.exitCode()).isEqualTo(2);
		assertThat(login.err().lines()).singleElement().asString()
			.contains("holds a private key that does not belong to its certificate");
	}

	private static byte[] flipAByteOfTheKey(X509Certificate certificate) throws Exception {
		byte[] der = certificate.getEncoded();
		byte[] key = certificate.getPublicKey().getEncoded();
		int at = indexOf(der, key) + key.length / 2;
		der[at] ^= 0x01;
		X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X.509")
			.generateCertificate(new java.io.ByteArrayInputStream(der));
		assertThat(parsed.getPublicKey()).isNotEqualTo(certificate.getPublicKey());
		return der;
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		for (int i = 0; i + needle.length <= haystack.length; i++) {
			if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
				return i;
			}
		}
		throw new AssertionError("the key is not in the certificate");
	}

	private static Path writePem(Path file, byte[] der) throws Exception {
		return Files.writeString(file, pem("CERTIFICATE", der), StandardCharsets.US_ASCII);
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
			.encodeToString(der) + "\n-----END " + type + "-----\n";
	}

}
