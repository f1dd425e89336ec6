package io.dicomreg.auth;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

import com.microsoft.aad.msal4j.IClientCredential;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.error.DicomregException;
import io.dicomreg.error.ExitCode;
import io.dicomreg.support.TestCertificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The certificate files {@code login --service-principal --certificate} reads, and the one line each
 * unusable file is refused with. No network: only reading the files.
 */
class ClientCredentialsTests {

	private static final String PASSWORD = "pfx-pass";

	@TempDir
	Path directory;

	private final ClientCredentials credentials = new ClientCredentials(
			Map.of("PFX_PASSWORD", PASSWORD, "WRONG_PASSWORD", "wrong")::get);

	@Test
	void aPemWithCertificateAndKeyAndAPfxWithItsPasswordAreRead() throws Exception {
		TestCertificates pair = TestCertificates.selfSigned("login");
		Path pem = pair.writePem(this.directory.resolve("login.pem"));
		Path pfx = pair.writePfx(this.directory.resolve("login.pfx"), PASSWORD.toCharArray());

		IClientCredential fromPem = this.credentials.read(CredentialSource.certificate(pem, null), noPrompt());
		IClientCredential fromVariable = this.credentials.read(CredentialSource.certificate(pfx, "PFX_PASSWORD"),
				noPrompt());
		IClientCredential prompted = this.credentials.read(CredentialSource.certificate(pfx, null),
				PASSWORD::toCharArray);

		assertThat(fromPem).isNotNull();
		assertThat(fromVariable).isNotNull();
		assertThat(prompted).isNotNull();
	}

	@Test
	void unusableFilesAreRefusedInOneLineNamingCertificate() throws Exception {
		TestCertificates pair = TestCertificates.selfSigned("refused");
		Path certificateOnly = pem("certificate-only.pem", pair.certificate());
		Path keyOnly = pem("key-only.pem", pair.keyPair().getPrivate());
		Path encrypted = pair.writePemWithEncryptedKey(this.directory.resolve("encrypted.pem"), "key".toCharArray());
		Path malformed = Files.writeString(this.directory.resolve("malformed.pem"),
				"-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n");
		Path garbage = Files.writeString(this.directory.resolve("garbage.pfx"), "this is not a certificate");
		Path pfx = pair.writePfx(this.directory.resolve("refused.pfx"), PASSWORD.toCharArray());

		assertRefused(certificateOnly, null, "must hold both the certificate and its private key.");
		assertRefused(keyOnly, null, "must hold both the certificate and its private key.");
		assertRefused(encrypted, null, "an encrypted or unsupported key: give an unencrypted PEM key or a PFX file.");
		assertRefused(malformed, null, "is not a valid PEM file.");
		assertRefused(garbage, "PFX_PASSWORD", "it is not a PEM or PFX file, or the PFX password is wrong.");
		assertRefused(pfx, "WRONG_PASSWORD", "it is not a PEM or PFX file, or the PFX password is wrong.");
		assertRefused(pfx, "UNSET_VARIABLE_FOR_DICOMREG",
				"The variable holding the certificate's password (UNSET_VARIABLE_FOR_DICOMREG) is not set.");
		assertRefused(this.directory.resolve("missing.pem"), null, "The certificate file to sign in with does not exist: ");
		assertRefused(this.directory, null, "Cannot read the certificate file to sign in with (");
	}

	@Test
	void anExpiredOrNotYetValidCertificateIsRefused() throws Exception {
		Path expired = validBetween("expired", Instant.now().minus(Duration.ofDays(400)),
				Instant.now().minus(Duration.ofDays(1)));
		Path future = validBetween("future", Instant.now().plus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(400)));

		assertRefused(expired, null, ": create or upload a new one.");
		assertRefused(future, null, "is not valid before ");
	}

	private void assertRefused(Path file, String passwordVariable, String message) {
		assertThatThrownBy(() -> this.credentials.read(CredentialSource.certificate(file, passwordVariable), noPrompt()))
			.isInstanceOfSatisfying(DicomregException.class, ex -> {
				assertThat(ex.getExitCode()).isEqualTo(ExitCode.USAGE);
				assertThat(ex.getMessage()).contains(message).doesNotContain("\n");
			});
	}

	private Path validBetween(String name, Instant notBefore, Instant notAfter) throws Exception {
		io.dicomreg.sandbox.TestCertificates.Credential credential = io.dicomreg.sandbox.TestCertificates
			.create("CN=" + name, notBefore, notAfter);
		return new TestCertificates(credential.keyPair(), credential.certificate())
			.writePem(this.directory.resolve(name + ".pem"));
	}

	private Path pem(String name, Object object) throws Exception {
		StringWriter text = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
			writer.writeObject(object);
		}
		return Files.writeString(this.directory.resolve(name), text.toString());
	}

	private static Supplier<char[]> noPrompt() {
		return () -> {
			throw new AssertionError("no password is asked for here");
		};
	}

}
