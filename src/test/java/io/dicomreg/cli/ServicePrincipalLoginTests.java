package io.dicomreg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.apps.RegisteredApplication;
import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.support.SandboxAdmin;
import io.dicomreg.support.TestCertificates;
import io.dicomreg.support.TestShell;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code login --service-principal} and {@code login --browser} as typed, one-shot, on a sandbox
 * tenant kept in a state file.
 */
class ServicePrincipalLoginTests {

	@TempDir
	Path directory;

	@Test
	void secretFromAFileSignsInAndTheSecretAppearsNowhere() throws Exception {
		Path state = this.directory.resolve("tenant.json");
		RegisteredApplication app;
		String secret;
		try (ConnectionTarget target = new ConnectionTarget(true, state, AzureCloud.AzureCloud, null, null)) {
			SandboxAdmin admin = SandboxAdmin.signIn(target, this.directory.resolve("admin"));
			app = admin.registerWithServicePrincipal("automation");
			secret = admin.addSecret(app.objectId());
		}
		Path secretFile = Files.writeString(this.directory.resolve("secret.txt"), secret);
		Path home = this.directory.resolve("home");
		TestShell shell = new TestShell(home, "--sandbox-state", state.toString());

		TestShell.Result login = shell.run("login", "--service-principal", "--client-id", app.appId(), "--secret-file",
				secretFile.toString());
		TestShell.Result whoami = shell.run("whoami", "--output", "json");

		assertThat(login.exitCode()).as(login.all()).isZero();
		assertThat(login.out()).contains("servicePrincipal").contains(app.appId());
		assertThat(whoami.exitCode()).as(whoami.all()).isZero();
		assertThat(whoami.out()).contains("\"accountType\" : \"servicePrincipal\"");
		assertThat(login.all() + whoami.all()).doesNotContain(secret);
		assertThat(filesUnder(home)).allSatisfy(file -> assertThat(file).content().doesNotContain(secret));
	}

	@Test
	void wrongSecretExitsOneWithEntrasCodeInOneLine() throws Exception {
		Path state = this.directory.resolve("tenant.json");
		RegisteredApplication app;
		try (ConnectionTarget target = new ConnectionTarget(true, state, AzureCloud.AzureCloud, null, null)) {
			SandboxAdmin admin = SandboxAdmin.signIn(target, this.directory.resolve("admin"));
			app = admin.registerWithServicePrincipal("automation");
			admin.addSecret(app.objectId());
		}
		Path wrong = Files.writeString(this.directory.resolve("wrong.txt"), "Wr0ng~secret.value");

		TestShell.Result login = new TestShell(this.directory.resolve("home"), "--sandbox-state", state.toString())
			.run("login", "--service-principal", "--client-id", app.appId(), "--secret-file", wrong.toString());

		assertThat(login.exitCode()).isEqualTo(1);
		assertThat(login.err().lines()).singleElement().asString()
			.startsWith("Error: Sign-in failed: AADSTS7000215")
			.contains("trace id");
		assertThat(login.all()).doesNotContain("Wr0ng~secret.value");
	}

	@Test
	void pfxCertificateWithPasswordFromTheEnvironmentVariableNamed() throws Exception {
		Path state = this.directory.resolve("tenant.json");
		RegisteredApplication app;
		TestCertificates certificate = TestCertificates.selfSigned("automation");
		try (ConnectionTarget target = new ConnectionTarget(true, state, AzureCloud.AzureCloud, null, null)) {
			SandboxAdmin admin = SandboxAdmin.signIn(target, this.directory.resolve("admin"));
			app = admin.registerWithServicePrincipal("automation");
			admin.addCertificate(app.objectId(), certificate);
		}
		// PATH is set in every environment; a PFX protected by its value stands in for a real password variable.
		String password = System.getenv("PATH");
		Path pfx = certificate.writePfx(this.directory.resolve("automation.pfx"), password.toCharArray());

		TestShell.Result login = new TestShell(this.directory.resolve("home"), "--sandbox-state", state.toString())
			.run("login", "--service-principal", "--client-id", app.appId(), "--certificate", pfx.toString(),
					"--certificate-password-env", "PATH");

		assertThat(login.exitCode()).as(login.all()).isZero();
		assertThat(login.out()).contains("servicePrincipal");
	}

	@Test
	void browserSignInCompletesOnTheSandbox() {
		TestShell.Result login = new TestShell(this.directory.resolve("home"), "--sandbox").run("login", "--browser");

		assertThat(login.exitCode()).as(login.all()).isZero();
		assertThat(login.out()).contains("admin@contoso.onmicrosoft.com");
		assertThat(login.err()).contains("sandbox sign-in page");
	}

	private static java.util.List<Path> filesUnder(Path directory) throws Exception {
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter(Files::isRegularFile).toList();
		}
	}

}
