package io.dicomreg.apps.credentials;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.apps.AppRef;
import io.dicomreg.apps.RegisteredApplication;
import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.config.DryRun;
import io.dicomreg.sandbox.SandboxInspector;
import io.dicomreg.support.SandboxAdmin;
import io.dicomreg.support.TestCertificates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every credential command leaves every credential it was not told to touch: two secrets and two
 * certificates survive adding a secret, uploading and removing a certificate and removing a secret.
 */
class CredentialAdditivityTests {

	@TempDir
	Path directory;

	private ConnectionTarget target;

	private SecretService secrets;

	private CertificateService certificates;

	private AppRef app;

	private Set<UUID> survivingSecrets;

	private Set<UUID> survivingCertificates;

	@BeforeEach
	void twoSecretsAndTwoCertificates() throws Exception {
		this.target = new ConnectionTarget(true, null, AzureCloud.AzureCloud, null, null);
		SandboxAdmin admin = SandboxAdmin.signIn(this.target, this.directory.resolve("admin"));
		RegisteredApplication registered = admin.register("DICOM client");
		this.app = new AppRef(registered.objectId(), registered.appId(), registered.displayName());
		admin.addSecret(this.app.objectId());
		admin.addSecret(this.app.objectId());
		admin.addCertificate(this.app.objectId(), TestCertificates.selfSigned("first"));
		admin.addCertificate(this.app.objectId(), TestCertificates.selfSigned("second"));
		this.secrets = new SecretService(admin.gateway());
		this.certificates = new CertificateService(admin.gateway());
		this.survivingSecrets = secretIds();
		this.survivingCertificates = certificateIds();
		assertThat(this.survivingSecrets).hasSize(2);
		assertThat(this.survivingCertificates).hasSize(2);
	}

	@AfterEach
	void close() {
		this.target.close();
	}

	@Test
	void everyOtherCredentialSurvivesEachCommand() throws Exception {
		AddedSecret third = this.secrets.addSecret(this.app, SecretRequest.withDescription("third"), DryRun.off());
		assertSurvivors(Set.of(third.secret().keyId()), Set.of());

		Path pem = TestCertificates.selfSigned("another").writePem(this.directory.resolve("another.pem"));
		UploadedCertificate uploaded = this.certificates.uploadCertificate(this.app,
				new CertificateFileService().readCertificate(CertificateUpload.of(pem), () -> {
					throw new AssertionError("no password is needed for PEM");
				}, DryRun.off()), DryRun.off());
		assertSurvivors(Set.of(third.secret().keyId()), Set.of(uploaded.certificate().keyId()));

		this.certificates.removeCertificate(this.app, uploaded.certificate().thumbprint(), DryRun.off());
		assertSurvivors(Set.of(third.secret().keyId()), Set.of());

		this.secrets.removeSecret(this.app, third.secret().keyId(), DryRun.off());
		assertSurvivors(Set.of(), Set.of());
	}

	@Test
	void removingOneOfTheOriginalsKeepsItsSibling() {
		List<UUID> certificateIds = new ArrayList<>(this.survivingCertificates);
		List<UUID> secretIds = new ArrayList<>(this.survivingSecrets);

		this.certificates.removeCertificate(this.app, certificateIds.get(0).toString(), DryRun.off());
		this.secrets.removeSecret(this.app, secretIds.get(0), DryRun.off());

		assertThat(certificateIds()).containsExactly(certificateIds.get(1));
		assertThat(secretIds()).containsExactly(secretIds.get(1));
	}

	private void assertSurvivors(Set<UUID> extraSecrets, Set<UUID> extraCertificates) {
		Set<UUID> expectedSecrets = new HashSet<>(this.survivingSecrets);
		expectedSecrets.addAll(extraSecrets);
		Set<UUID> expectedCertificates = new HashSet<>(this.survivingCertificates);
		expectedCertificates.addAll(extraCertificates);
		assertThat(secretIds()).isEqualTo(expectedSecrets);
		assertThat(certificateIds()).isEqualTo(expectedCertificates);
		assertThat(SandboxInspector.of(this.target.sandbox()).tenant().secretCount(this.app.appId())).isEqualTo(expectedSecrets.size());
	}

	private Set<UUID> secretIds() {
		Set<UUID> ids = new HashSet<>();
		SandboxInspector.of(this.target.sandbox()).tenant().applicationByAppId(this.app.appId()).orElseThrow()
			.path("passwordCredentials").forEach(credential -> ids.add(UUID.fromString(credential.path("keyId").asText())));
		return ids;
	}

	private Set<UUID> certificateIds() {
		Set<UUID> ids = new HashSet<>();
		SandboxInspector.of(this.target.sandbox()).tenant().applicationByAppId(this.app.appId()).orElseThrow()
			.path("keyCredentials").forEach(credential -> ids.add(UUID.fromString(credential.path("keyId").asText())));
		return ids;
	}

}
