package io.dicomreg.cli;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.apps.RegisteredApplication;
import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.sandbox.TestCertificates;
import io.dicomreg.support.SandboxAdmin;
import io.dicomreg.support.TestShell;

import static io.dicomreg.cli.SecretCommandsTests.assertOneLineUsageError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cert create}, {@code cert upload}, {@code cert list} and {@code cert remove} as typed,
 * one-shot, on a sandbox tenant kept in a state file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificateCommandsTests {

	private Path directory;

	private Path state;

	private TestShell shell;

	private final ObjectMapper json = new ObjectMapper();

	@BeforeAll
	void signIn(@TempDir Path directory) {
		this.directory = directory;
		this.state = directory.resolve("tenant.json");
		this.shell = new TestShell(directory.resolve("home"), "--sandbox-state", this.state.toString());
		assertThat(this.shell.run("login").exitCode()).isZero();
	}

	@Test
	void createNeedsNoSignInAndPrintsFilesThumbprintAndValidity() throws Exception {
		TestShell signedOut = new TestShell(this.directory.resolve("signed-out-home"), "--sandbox");
		Path prefix = this.directory.resolve("local");

		TestShell.Result create = signedOut.run("cert", "create", "--subject", "CN=DICOM client", "--out", prefix.toString());
		TestShell.Result json = signedOut.run("--output", "json", "cert", "create", "--subject", "CN=two", "--years", "2",
				"--out", this.directory.resolve("two").toString());

		assertThat(create.exitCode()).as(create.all()).isZero();
		assertThat(create.out()).containsPattern("Subject +CN=DICOM client")
			.containsPattern("Thumbprint +[0-9A-F]{40}")
			.containsPattern("Key +RSA 2048")
			.containsPattern("Signature algorithm +SHA256withRSA")
			.contains(prefix + ".crt", prefix + ".key")
			.containsPattern("Changed +true")
			.contains("cert upload --file " + prefix + ".crt");
		assertThat(mode(Path.of(prefix + ".key"))).isEqualTo("rw-------");
		assertThat(Path.of(prefix + ".pfx")).doesNotExist();
		JsonNode created = this.json.readTree(json.out());
		assertThat(created.path("thumbprint").asText()).matches("[0-9A-F]{40}");
		assertThat(created.has("pfxFile")).isFalse();
		assertThat(created.path("changed").asBoolean()).isTrue();
		assertThat(OffsetDateTime.parse(created.path("notAfter").asText()).toInstant())
			.isAfter(Instant.now().plus(Duration.ofDays(700)));
	}

	@Test
	void createRefusesToOverwriteAndChecksItsOptions() throws Exception {
		Path prefix = this.directory.resolve("existing");
		Files.writeString(Path.of(prefix + ".crt"), "mine");

		assertOneLineUsageError(this.shell.run("cert", "create", "--subject", "CN=x", "--out", prefix.toString()),
				"already exists");
		assertOneLineUsageError(this.shell.run("cert", "create", "--subject", "CN=x", "--years", "5", "--out",
				this.directory.resolve("five").toString()), "--years must be 1 to 3");
		assertOneLineUsageError(this.shell.run("cert", "create", "--subject", "CN=x", "--years", "one", "--out",
				this.directory.resolve("one").toString()), "--years takes a whole number");
		TestShell.Result pasted = this.shell.run("cert", "create", "--subject", "CN=x", "--out",
				this.directory.resolve("pasted").toString(), "--pfx-password-env", "S3cret!Pa55");
		assertOneLineUsageError(pasted, "--pfx-password-env takes the NAME");
		assertThat(pasted.all()).doesNotContain("S3cret!Pa55");
		assertOneLineUsageError(this.shell.run("cert", "create", "--out", prefix.toString()), "--subject");
		assertThat(Path.of(prefix + ".crt")).hasContent("mine");
		assertThat(Path.of(prefix + ".key")).doesNotExist();
	}

	@Test
	void createIfMissingMakesTheFilesOnceAndAReplayChangesNothing() throws Exception {
		Path prefix = this.directory.resolve("replayed");
		Path crt = Path.of(prefix + ".crt");
		Path key = Path.of(prefix + ".key");
		String[] create = { "cert", "create", "--subject", "CN=replayed", "--out", prefix.toString(), "--if-missing" };

		TestShell.Result first = this.shell.run(create);
		byte[] certificate = Files.readAllBytes(crt);
		byte[] privateKey = Files.readAllBytes(key);
		TestShell.Result again = this.shell.run(create);
		TestShell.Result json = this.shell.run("--output", "json", "cert", "create", "--subject", "CN=replayed", "--out",
				prefix.toString(), "--if-missing");
		TestShell.Result plain = this.shell.run("cert", "create", "--subject", "CN=replayed", "--out", prefix.toString());

		assertThat(first.exitCode()).as(first.all()).isZero();
		assertThat(first.out()).containsPattern("Changed +true").contains("Keep the private key to yourself");
		String thumbprint = first.out().lines().filter(line -> line.startsWith("Thumbprint")).findFirst().orElseThrow()
			.replaceAll("Thumbprint +", "");
		assertThat(again.exitCode()).as(again.all()).isZero();
		assertThat(again.out()).containsPattern("Thumbprint +" + thumbprint)
			.containsPattern("Subject +CN=replayed")
			.containsPattern("Changed +false")
			.contains(crt + " and " + key + " are already there: nothing was made.")
			.contains("cert upload --file " + crt);
		JsonNode kept = this.json.readTree(json.out());
		assertThat(json.exitCode()).as(json.all()).isZero();
		assertThat(kept.path("changed").asBoolean(true)).isFalse();
		assertThat(kept.path("thumbprint").asText()).isEqualTo(thumbprint);
		assertThat(kept.path("certificateFile").asText()).isEqualTo(crt.toString());
		assertOneLineUsageError(plain, "already exists");
		assertThat(Files.readAllBytes(crt)).isEqualTo(certificate);
		assertThat(Files.readAllBytes(key)).isEqualTo(privateKey);
		assertThat(Path.of(prefix + ".pfx")).doesNotExist();
	}

	@Test
	void createIfMissingRefusesFilesThatDoNotHoldWhatWasAskedInOneLine() throws Exception {
		Path partial = create("partial");
		Files.delete(Path.of(partial + ".key"));
		Path subject = create("subject");
		String before = Files.readString(Path.of(subject + ".crt"));

		assertOneLineUsageError(this.shell.run("cert", "create", "--subject", "CN=partial", "--out", partial.toString(),
				"--if-missing"), partial + ".crt is already there but " + partial + ".key is not");
		assertOneLineUsageError(this.shell.run("cert", "create", "--subject", "CN=someone else", "--out",
				subject.toString(), "--if-missing"), "is for CN=subject, not CN=someone else");
		assertOneLineUsageError(this.shell.run("cert", "create", "--subject", "CN=subject", "--out", subject.toString(),
				"--if-missing", "--pfx-password-env", "PATH"), subject + ".pfx is not");
		assertThat(Path.of(partial + ".key")).doesNotExist();
		assertThat(Path.of(subject + ".crt")).hasContent(before);
		assertThat(Path.of(subject + ".pfx")).doesNotExist();
	}

	@Test
	void uploadListAndRemoveKeepOtherCertificatesAndAReplayChangesNothing() throws Exception {
		String appId = register("cert app");
		Path first = create("first");
		Path second = create("second");

		TestShell.Result upload = this.shell.run("cert", "upload", "--file", first + ".crt", "--app", appId);
		TestShell.Result other = this.shell.run("cert", "upload", "--file", second + ".crt", "--app", appId,
				"--description", "second certificate");
		String before = Files.readString(this.state);
		TestShell.Result replay = this.shell.run("cert", "upload", "--file", first + ".crt", "--app", appId);
		String after = Files.readString(this.state);
		TestShell.Result list = this.shell.run("cert", "list", "--app", appId);
		JsonNode listed = this.json.readTree(this.shell.run("--output", "json", "cert", "list", "--app", appId).out());

		assertThat(upload.exitCode()).as(upload.all()).isZero();
		assertThat(upload.out()).containsPattern("Changed +true").containsPattern("Description +CN=first");
		assertThat(other.out()).containsPattern("Description +second certificate");
		assertThat(replay.exitCode()).as(replay.all()).isZero();
		assertThat(replay.out()).containsPattern("Changed +false").contains("No change: this certificate is already on");
		assertThat(after).isEqualTo(before);
		assertThat(list.out()).contains("Thumbprint", "CN=first", "second certificate", "valid");
		assertThat(listed).hasSize(2);
		assertThat(listed.get(0).fieldNames()).toIterable().containsExactly("thumbprint", "description", "keyId",
				"startDateTime", "endDateTime", "daysLeft", "status");
		String firstThumbprint = listed.get(0).path("description").asText().equals("CN=first")
				? listed.get(0).path("thumbprint").asText() : listed.get(1).path("thumbprint").asText();

		TestShell.Result remove = this.shell.run("cert", "remove", firstThumbprint, "--app", appId);
		TestShell.Result again = this.shell.run("cert", "remove", firstThumbprint, "--app", appId);
		JsonNode left = this.json.readTree(this.shell.run("--output", "json", "cert", "list", "--app", appId).out());

		assertThat(remove.exitCode()).as(remove.all()).isZero();
		assertThat(remove.out()).containsPattern("Certificates left +1").containsPattern("Changed +true");
		assertThat(again.exitCode()).as(again.all()).isZero();
		assertThat(again.out()).containsPattern("Changed +false").contains("has no certificate with thumbprint "
				+ firstThumbprint + " (removed already, or never there)");
		assertThat(left).singleElement().satisfies(node -> assertThat(node.path("description").asText())
			.isEqualTo("second certificate"));
	}

	@Test
	void badCertificateFilesAreOneLineUsageErrors() throws Exception {
		String appId = register("bad files app");
		TestCertificates.Credential expired = TestCertificates.create("CN=expired",
				Instant.now().minus(Duration.ofDays(30)), Instant.now().minus(Duration.ofDays(1)));
		Path expiredPem = Files.writeString(this.directory.resolve("expired.crt"), pem(expired.certificate()));
		Path garbage = Files.writeString(this.directory.resolve("garbage.cer"), "garbage");
		Path pfx = io.dicomreg.support.TestCertificates.selfSigned("pfx").writePfx(this.directory.resolve("prompt.pfx"),
				"pw".toCharArray());
		String before = Files.readString(this.state);

		assertOneLineUsageError(this.shell.run("cert", "upload", "--file", expiredPem.toString(), "--app", appId),
				"expired on");
		assertOneLineUsageError(this.shell.run("cert", "upload", "--file", garbage.toString(), "--app", appId),
				"is not a certificate");
		assertOneLineUsageError(this.shell.run("cert", "upload", "--file", "missing.crt", "--app", appId),
				"does not exist");
		assertOneLineUsageError(this.shell.run("cert", "upload", "--file", pfx.toString(), "--app", appId),
				"No terminal to ask the PFX password");
		assertOneLineUsageError(this.shell.run("cert", "remove", "XYZ", "--app", appId), "is neither a thumbprint");
		assertThat(Files.readString(this.state)).isEqualTo(before);
	}

	@Test
	void aCreatedCertificateUploadedThenSignsTheApplicationIn() throws Exception {
		RegisteredApplication app;
		try (ConnectionTarget target = new ConnectionTarget(true, this.state, AzureCloud.AzureCloud, null, null)) {
			app = SandboxAdmin.signIn(target, this.directory.resolve("admin")).registerWithServicePrincipal("robot");
		}
		Path prefix = this.directory.resolve("robot");
		// PATH is set in every environment: its value stands in for a PFX password kept in a variable.
		assertThat(this.shell.run("cert", "create", "--subject", "CN=robot", "--out", prefix.toString(),
				"--pfx-password-env", "PATH").exitCode()).isZero();
		assertThat(this.shell.run("cert", "upload", "--file", prefix + ".pfx", "--pfx-password-env", "PATH", "--app",
				app.appId()).exitCode()).isZero();
		Path combined = Files.writeString(this.directory.resolve("robot-combined.pem"),
				Files.readString(Path.of(prefix + ".crt")) + Files.readString(Path.of(prefix + ".key")));

		TestShell.Result pemLogin = new TestShell(this.directory.resolve("robot-pem-home"), "--sandbox-state",
				this.state.toString())
			.run("login", "--service-principal", "--client-id", app.appId(), "--certificate", combined.toString());
		TestShell.Result pfxLogin = new TestShell(this.directory.resolve("robot-pfx-home"), "--sandbox-state",
				this.state.toString())
			.run("login", "--service-principal", "--client-id", app.appId(), "--certificate", prefix + ".pfx",
					"--certificate-password-env", "PATH");

		assertThat(pemLogin.exitCode()).as(pemLogin.all()).isZero();
		assertThat(pemLogin.out()).contains("servicePrincipal").contains(app.appId());
		assertThat(pfxLogin.exitCode()).as(pfxLogin.all()).isZero();
	}

	@Test
	void helpListsEveryOption() {
		assertThat(this.shell.run("cert", "create", "--help").out()).contains("--subject", "--years", "--out",
				"--pfx-password-env", "--if-missing", "default: 1");
		assertThat(this.shell.run("cert", "upload", "--help").out()).contains("--file", "--pfx-password-env",
				"--description", "--app");
	}

	private Path create(String name) {
		Path prefix = this.directory.resolve(name);
		TestShell.Result create = this.shell.run("cert", "create", "--subject", "CN=" + name, "--out", prefix.toString());
		assertThat(create.exitCode()).as(create.all()).isZero();
		return prefix;
	}

	private String register(String name) throws Exception {
		TestShell.Result register = this.shell.run("--output", "json", "app", "register", "--name", name);
		assertThat(register.exitCode()).as(register.all()).isZero();
		return this.json.readTree(register.out()).path("appId").asText();
	}

	private static String pem(X509Certificate certificate) throws Exception {
		StringWriter text = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
			writer.writeObject(certificate);
		}
		return text.toString();
	}

	private static String mode(Path file) throws Exception {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
	}

}
