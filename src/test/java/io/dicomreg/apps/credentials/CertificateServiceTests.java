package io.dicomreg.apps.credentials;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.apps.AppRef;
import io.dicomreg.apps.RegisteredApplication;
import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.config.DryRun;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.ExitCode;
import io.dicomreg.sandbox.SandboxInspector;
import io.dicomreg.sandbox.http.RecordedRequest;
import io.dicomreg.support.SandboxAdmin;
import io.dicomreg.support.TestCertificates;

import static io.dicomreg.apps.credentials.SecretServiceTests.assertUsageError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Certificates made locally and uploaded through the real Graph SDK to the sandbox tenant.
 */
class CertificateServiceTests {

	private static final String PASSWORD_VARIABLE = "DICOMREG_TEST_PFX_PASSWORD";

	private static final String PASSWORD = "correct horse battery staple";

	@TempDir
	Path directory;

	/**
	 * One sandbox tenant and signed-in administrator for the whole class: every test registers an application of its
	 * own, works only on that one, and clears the request log before counting requests.
	 */
	private static ConnectionTarget target;

	private static SandboxAdmin admin;

	private CertificateService certificates;

	private CertificateFileService files;

	private AppRef app;

	private final AtomicInteger prompts = new AtomicInteger();

	@BeforeAll
	static void signIn(@TempDir Path adminHome) {
		target = new ConnectionTarget(true, null, AzureCloud.AzureCloud, null, null);
		admin = SandboxAdmin.signIn(target, adminHome);
	}

	@BeforeEach
	void registerAnApplication() {
		this.certificates = new CertificateService(admin.gateway());
		this.files = new CertificateFileService(Clock.systemUTC(),
				Map.of(PASSWORD_VARIABLE, PASSWORD, "EMPTY", "")::get);
		RegisteredApplication registered = admin.register("DICOM client");
		this.app = new AppRef(registered.objectId(), registered.appId(), registered.displayName());
	}

	@AfterAll
	static void close() {
		target.close();
	}

	@Test
	void createWritesAPublicCertificateAnOwnerOnlyKeyAndAPfxLikeNewSelfSignedCertificate() throws Exception {
		Path prefix = this.directory.resolve("dicom-client");

		CreatedCertificate created = this.files
			.createCertificate(new CertificateRequest("CN=DICOM client,O=Contoso", 1, prefix, PASSWORD_VARIABLE), DryRun.off());

		Path crt = this.directory.resolve("dicom-client.crt");
		Path key = this.directory.resolve("dicom-client.key");
		Path pfx = this.directory.resolve("dicom-client.pfx");
		assertThat(created.files()).containsExactly(crt, key, pfx);
		assertThat(mode(key)).isEqualTo("rw-------");
		assertThat(mode(pfx)).isEqualTo("rw-------");
		assertThat(mode(crt)).startsWith("rw-").endsWith("r--");
		assertThat(Files.readString(crt)).startsWith("-----BEGIN CERTIFICATE-----").doesNotContain("PRIVATE KEY");
		assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
		X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
			.generateCertificate(new ByteArrayInputStream(Files.readAllBytes(crt)));
		assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=DICOM client,O=Contoso")
			.isEqualTo(created.subject());
		assertThat(certificate.getIssuerX500Principal()).isEqualTo(certificate.getSubjectX500Principal());
		assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withRSA");
		assertThat(((RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
		assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
		assertThat(certificate.getKeyUsage()).startsWith(true, false, true);
		assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
		assertThat(certificate.getNotBefore().toInstant()).isCloseTo(Instant.now().minus(Duration.ofMinutes(10)),
				within(Duration.ofMinutes(1)));
		assertThat(certificate.getNotAfter().toInstant()).isCloseTo(
				Instant.now().atOffset(ZoneOffset.UTC).plusYears(1).toInstant(), within(Duration.ofMinutes(1)));
		assertThat(created.thumbprint()).matches("[0-9A-F]{40}").isEqualTo(Thumbprints.of(certificate));
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(Files.newInputStream(pfx), PASSWORD.toCharArray());
		assertThat(store.getCertificate("dicomreg")).isEqualTo(certificate);
		assertThat(store.getKey("dicomreg", PASSWORD.toCharArray())).isInstanceOf(PrivateKey.class);
	}

	@Test
	void createWithoutPasswordVariableWritesNoPfxAndPutsCnBeforeABareName() {
		CreatedCertificate created = this.files
			.createCertificate(new CertificateRequest("DICOM client", 3, this.directory.resolve("plain.crt"), null), DryRun.off());

		assertThat(created.subject()).isEqualTo("CN=DICOM client");
		assertThat(created.pfxFile()).isNull();
		assertThat(created.files()).extracting(Path::getFileName).extracting(Path::toString)
			.containsExactly("plain.crt", "plain.key");
		assertThat(created.notAfter()).isCloseTo(Instant.now().atOffset(ZoneOffset.UTC).plusYears(3),
				within(Duration.ofMinutes(1)));
	}

	@Test
	void createRefusesExistingFilesBadYearsSubjectsAndPasswordVariablesWritingNothing() throws Exception {
		Files.writeString(this.directory.resolve("taken.key"), "someone else's key");
		Path fresh = this.directory.resolve("fresh");

		assertUsageError(() -> create("CN=x", 1, this.directory.resolve("taken"), null), "already exists");
		assertUsageError(() -> create("CN=x", 0, fresh, null), "validity in years must be 1 to 3");
		assertUsageError(() -> create("CN=x", 4, fresh, null), "validity in years must be 1 to 3");
		assertUsageError(() -> create("", 1, fresh, null), "The certificate's subject is required");
		assertUsageError(() -> create("CN=a,=b", 1, fresh, null), "is not a distinguished name");
		assertUsageError(() -> create("CN=x", 1, fresh, "UNSET_VARIABLE_FOR_DICOMREG"), "is not set");
		assertUsageError(() -> create("CN=x", 1, fresh, "EMPTY"), "is empty");
		assertThatThrownBy(() -> create("CN=x", 1, fresh, "hunter2 is my password"))
			.isInstanceOfSatisfying(DicomregException.class, ex -> assertThat(ex.getMessage())
				.contains("The variable holding the PFX password takes the NAME")
				.doesNotContain("hunter2"));
		assertUsageError(() -> create("CN=x", 1, this.directory.resolve("missing/fresh"), null), "does not exist");

		assertThat(Files.list(this.directory).map(path -> path.getFileName().toString())).containsExactly("taken.key");
		assertThat(this.directory.resolve("taken.key")).hasContent("someone else's key");
	}

	@Test
	void uploadsTheCertificateOfACreatedPairWithItsSubjectAndValidity() throws Exception {
		CreatedCertificate created = create("CN=DICOM client", 1, this.directory.resolve("client"), null);

		UploadedCertificate uploaded = uploadFile(CertificateUpload.of(created.certificateFile()));

		assertThat(uploaded.changed()).isTrue();
		assertThat(uploaded.certificate().thumbprint()).isEqualTo(created.thumbprint());
		assertThat(uploaded.certificate().description()).isEqualTo("CN=DICOM client");
		assertThat(uploaded.certificate().start()).isEqualTo(created.notBefore());
		assertThat(uploaded.certificate().end()).isEqualTo(created.notAfter());
		assertThat(this.certificates.listCertificates(this.app)).singleElement().isEqualTo(uploaded.certificate());
		JsonNode stored = storedKeys().get(0);
		assertThat(stored.path("type").asText()).isEqualTo("AsymmetricX509Cert");
		assertThat(stored.path("usage").asText()).isEqualTo("Verify");
		assertThat(Base64.getDecoder().decode(stored.path("customKeyIdentifier").asText()))
			.isEqualTo(Thumbprints.sha1(certificate(created.certificateFile())));
		assertThat(this.prompts).hasValue(0);
	}

	@Test
	void aPemWithThePrivateKeySendsOnlyTheCertificate() throws Exception {
		TestCertificates pair = TestCertificates.selfSigned("with key");
		Path pem = pair.writePem(this.directory.resolve("with-key.pem"));
		Path state = this.directory.resolve("tenant.json");
		try (ConnectionTarget persisted = new ConnectionTarget(true, state, AzureCloud.AzureCloud, null, null)) {
			SandboxAdmin persistedAdmin = SandboxAdmin.signIn(persisted, this.directory.resolve("persisted"));
			RegisteredApplication registered = persistedAdmin.register("persisted");
			AppRef persistedApp = new AppRef(registered.objectId(), registered.appId(), registered.displayName());

			new CertificateService(persistedAdmin.gateway()).uploadCertificate(persistedApp,
					this.files.readCertificate(CertificateUpload.of(pem), this::prompt, DryRun.off()), DryRun.off());
		}

		String tenant = Files.readString(state);
		assertThat(tenant).contains(Base64.getEncoder().encodeToString(pair.certificate().getEncoded()))
			.doesNotContain(Base64.getEncoder().encodeToString(pair.keyPair().getPrivate().getEncoded()).substring(0, 64));
	}

	@Test
	void uploadsDerAndPfxFilesTakingThePasswordFromTheVariableOrThePrompt() throws Exception {
		TestCertificates der = TestCertificates.selfSigned("der");
		Path cer = Files.write(this.directory.resolve("der.cer"), der.certificate().getEncoded());
		TestCertificates fromVariable = TestCertificates.selfSigned("pfx from variable");
		Path pfx1 = fromVariable.writePfx(this.directory.resolve("one.pfx"), PASSWORD.toCharArray());
		TestCertificates prompted = TestCertificates.selfSigned("pfx prompted");
		Path pfx2 = prompted.writePfx(this.directory.resolve("two.p12"), PASSWORD.toCharArray());

		uploadFile(CertificateUpload.of(cer));
		uploadFile(new CertificateUpload(pfx1, PASSWORD_VARIABLE, "from variable"));
		assertThat(this.prompts).hasValue(0);
		uploadFile(CertificateUpload.of(pfx2));
		assertThat(this.prompts).hasValue(1);

		assertThat(this.certificates.listCertificates(this.app)).extracting(CertificateCredential::thumbprint)
			.containsExactlyInAnyOrder(Thumbprints.of(der.certificate()), Thumbprints.of(fromVariable.certificate()),
					Thumbprints.of(prompted.certificate()));
		assertThat(this.certificates.listCertificates(this.app)).extracting(CertificateCredential::description)
			.contains("CN=der", "from variable", "CN=pfx prompted");
	}

	@Test
	void badFilesAreRefusedInOneLineBeforeAnyGraphRequest() throws Exception {
		TestCertificates pair = TestCertificates.selfSigned("refused");
		StringWriter keyPem = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(keyPem)) {
			writer.writeObject(pair.keyPair().getPrivate());
		}
		Path keyOnlyPem = Files.writeString(this.directory.resolve("key-only.pem"), keyPem.toString());
		Path keyOnlyDer = Files.write(this.directory.resolve("key-only.der"), pair.keyPair().getPrivate().getEncoded());
		Path garbage = Files.writeString(this.directory.resolve("garbage.crt"), "this is not a certificate");
		Path garbagePem = Files.writeString(this.directory.resolve("garbage.pem"),
				"-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n");
		Path empty = Files.write(this.directory.resolve("empty.cer"), new byte[0]);
		Path expired = pem("expired", Instant.now().minus(Duration.ofDays(400)), Instant.now().minus(Duration.ofDays(1)));
		Path future = pem("future", Instant.now().plus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(400)));
		Path pfx = pair.writePfx(this.directory.resolve("refused.pfx"), PASSWORD.toCharArray());
		SandboxInspector.of(target.sandbox()).clearRequests();

		assertUsageError(() -> upload(keyOnlyPem), "holds a private key but no certificate");
		assertUsageError(() -> upload(keyOnlyDer), "holds a private key but no certificate");
		assertUsageError(() -> upload(garbage), "is not a certificate");
		assertUsageError(() -> upload(garbagePem), "is not a certificate");
		assertUsageError(() -> upload(empty), "is not a certificate");
		assertUsageError(() -> upload(this.directory.resolve("missing.crt")), "does not exist");
		assertUsageError(() -> upload(this.directory), "is a folder");
		assertUsageError(() -> upload(expired), "expired on");
		assertUsageError(() -> upload(future), "is not valid before");
		assertUsageError(() -> uploadFile(new CertificateUpload(pfx, "EMPTY", null)), "the password is wrong");
		assertUsageError(() -> uploadFile(new CertificateUpload(pfx, "UNSET_VARIABLE_FOR_DICOMREG", null)), "is not set");
		assertUsageError(() -> uploadFile(new CertificateUpload(pfx, "$(pw)", null)), "The variable holding the PFX password takes the NAME");

		assertThat(SandboxInspector.of(target.sandbox()).requests()).isEmpty();
	}

	@Test
	void uploadingACertificateThatIsAlreadyThereChangesNothing() throws Exception {
		Path crt = create("CN=twice", 1, this.directory.resolve("twice"), null).certificateFile();
		UploadedCertificate first = uploadFile(CertificateUpload.of(crt));
		SandboxInspector.of(target.sandbox()).clearRequests();

		UploadedCertificate again = uploadFile(CertificateUpload.of(crt));

		assertThat(again.changed()).isFalse();
		assertThat(again.certificate()).isEqualTo(first.certificate());
		assertThat(writes()).isEmpty();
		assertThat(this.certificates.listCertificates(this.app)).hasSize(1);
	}

	@Test
	void listIsSortedByEndDateWithExpiringOnesFlagged() throws Exception {
		upload(pem("long", Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(300))));
		upload(pem("short", Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(20))));
		CertificateService later = new CertificateService(admin.gateway(),
				Clock.fixed(Instant.now().plus(Duration.ofDays(25)), ZoneOffset.UTC));

		List<CertificateCredential> now = this.certificates.listCertificates(this.app);
		List<CertificateCredential> seenLater = later.listCertificates(this.app);

		assertThat(now).extracting(CertificateCredential::description).containsExactly("CN=short", "CN=long");
		assertThat(now).extracting(CertificateCredential::status)
			.containsExactly(CredentialStatus.EXPIRING, CredentialStatus.VALID);
		assertThat(now.get(0).daysLeft()).isBetween(19L, 20L);
		assertThat(seenLater).extracting(CertificateCredential::status)
			.containsExactly(CredentialStatus.EXPIRED, CredentialStatus.VALID);
	}

	@Test
	void removeByThumbprintOrKeyIdKeepsTheOthers() throws Exception {
		CertificateCredential one = upload(pem("one", Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(90))));
		CertificateCredential two = upload(pem("two", Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(91))));
		CertificateCredential three = upload(pem("three", Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(92))));

		RemovedCertificate byThumbprint = this.certificates.removeCertificate(this.app,
				one.thumbprint().toLowerCase().replaceAll("(..)(?!$)", "$1:"), DryRun.off());
		RemovedCertificate byKeyId = this.certificates.removeCertificate(this.app, three.keyId().toString(), DryRun.off());

		assertThat(byThumbprint.changed()).isTrue();
		assertThat(byThumbprint.removed()).singleElement().isEqualTo(one);
		assertThat(byKeyId.removed()).singleElement().isEqualTo(three);
		assertThat(byKeyId.remaining()).isEqualTo(1);
		assertThat(this.certificates.listCertificates(this.app)).singleElement().isEqualTo(two);
	}

	@Test
	void removingAnAbsentCertificateChangesNothingAndAMalformedOneIsAUsageErrorAndNeitherWrites() throws Exception {
		CertificateCredential kept = upload(pem("kept", Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(9))));
		SandboxInspector.of(target.sandbox()).clearRequests();

		assertThat(this.certificates.removeCertificate(this.app, "AB".repeat(20), DryRun.off()).changed()).isFalse();
		assertThat(this.certificates.removeCertificate(this.app, UUID.randomUUID().toString(), DryRun.off()).removed())
			.isEmpty();
		assertUsageError(() -> this.certificates.removeCertificate(this.app, "ABC", DryRun.off()), "is neither a thumbprint");
		assertUsageError(() -> this.certificates.removeCertificate(this.app, " ", DryRun.off()), "Give the thumbprint or key ID");

		assertThat(writes()).isEmpty();
		assertThat(this.certificates.listCertificates(this.app)).singleElement().isEqualTo(kept);
	}

	@Test
	void graphRefusalOfTheUploadBecomesOneLineWithItsCode() throws Exception {
		Path crt = create("CN=refused", 1, this.directory.resolve("refused"), null).certificateFile();
		SandboxInspector.of(target.sandbox()).injectFault("PATCH", "/v1.0/applications/" + this.app.objectId(), 403, 1, null);

		assertThatThrownBy(() -> uploadFile(CertificateUpload.of(crt)))
			.isInstanceOfSatisfying(DicomregException.class, ex -> {
				assertThat(ex.getExitCode()).isEqualTo(ExitCode.FAILURE);
				assertThat(ex.getMessage()).startsWith("Uploading the certificate failed: UnknownError").contains("request-id");
			});
	}

	private CreatedCertificate create(String subject, int years, Path prefix, String passwordEnv) {
		return this.files.createCertificate(new CertificateRequest(subject, years, prefix, passwordEnv), DryRun.off());
	}

	private CertificateCredential upload(Path file) {
		return uploadFile(CertificateUpload.of(file)).certificate();
	}

	/** Reads the certificate in a file, as {@code cert upload} does, and uploads it to the app. */
	private UploadedCertificate uploadFile(CertificateUpload upload) {
		return this.certificates.uploadCertificate(this.app, this.files.readCertificate(upload, this::prompt, DryRun.off()), DryRun.off());
	}

	private Path pem(String name, Instant notBefore, Instant notAfter) throws Exception {
		X509Certificate certificate = io.dicomreg.sandbox.TestCertificates.create("CN=" + name, notBefore, notAfter)
			.certificate();
		StringWriter text = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
			writer.writeObject(certificate);
		}
		return Files.writeString(this.directory.resolve(name + ".crt"), text.toString());
	}

	private char[] prompt() {
		this.prompts.incrementAndGet();
		return PASSWORD.toCharArray();
	}

	private List<JsonNode> storedKeys() {
		JsonNode application = SandboxInspector.of(target.sandbox()).tenant().applicationByAppId(this.app.appId()).orElseThrow();
		List<JsonNode> keys = new ArrayList<>();
		application.path("keyCredentials").forEach(keys::add);
		return keys;
	}

	private List<RecordedRequest> writes() {
		return SandboxInspector.of(target.sandbox()).requests().stream().filter(RecordedRequest::graphWrite).toList();
	}

	private static X509Certificate certificate(Path file) throws Exception {
		return (X509Certificate) CertificateFactory.getInstance("X.509")
			.generateCertificate(new ByteArrayInputStream(Files.readAllBytes(file)));
	}

	private static String mode(Path file) throws Exception {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
	}

}
