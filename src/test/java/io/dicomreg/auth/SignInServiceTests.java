package io.dicomreg.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.apps.RegisteredApplication;
import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.ExitCode;
import io.dicomreg.support.SandboxAdmin;
import io.dicomreg.support.TestCertificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sign-in through the real MSAL4J against the sandbox tenant over HTTPS.
 */
class SignInServiceTests {

	@TempDir
	Path directory;

	private final List<ConnectionTarget> targets = new ArrayList<>();

	private final List<String> messages = new ArrayList<>();

	private Path stateFile;

	@BeforeEach
	void stateFile() {
		this.stateFile = this.directory.resolve("tenant.json");
	}

	@AfterEach
	void closeTargets() {
		this.targets.forEach(ConnectionTarget::close);
	}

	@Test
	void deviceCodeSignInShowsMsalsMessageAndRemembersTheAccount() {
		ConnectionTarget target = target();
		SignInService signIn = SandboxAdmin.signInService(target, this.directory.resolve("home"), Map.of());

		SignedIn signedIn = signIn.loginWithDeviceCode(new UserLogin(null, null), this.messages::add);

		assertThat(this.messages).singleElement().asString().contains("enter the code");
		assertThat(signedIn.session().kind()).isEqualTo(Session.Kind.USER);
		assertThat(signedIn.session().username()).isEqualTo(target.sandbox().adminUserPrincipalName());
		assertThat(signedIn.session().tenantId()).isEqualTo(target.sandbox().tenantId());
		assertThat(signedIn.session().clientId()).isEqualTo(SignInService.DEFAULT_CLIENT_ID);
		assertThat(signIn.graphToken().value()).isNotBlank();
	}

	@Test
	void aNewProcessSignsInSilentlyFromTheCacheAnEarlierOneWrote() {
		Path home = this.directory.resolve("home");
		ConnectionTarget first = target();
		SandboxAdmin.signInService(first, home, Map.of()).loginWithDeviceCode(new UserLogin(null, null), this.messages::add);
		first.close();

		ConnectionTarget second = target();
		SignInService signIn = SandboxAdmin.signInService(second, home, Map.of());

		assertThat(signIn.isSignedIn()).isTrue();
		assertThat(signIn.current().session().username()).isEqualTo(second.sandbox().adminUserPrincipalName());
		assertThat(second.sandbox().authorityHost()).isNotEqualTo(first.endpoints().authorityHost());
	}

	@Test
	void servicePrincipalSignsInWithASecretFromAFile() throws Exception {
		ConnectionTarget target = target();
		SandboxAdmin admin = SandboxAdmin.signIn(target, this.directory.resolve("admin"));
		RegisteredApplication app = admin.registerWithServicePrincipal("automation");
		Path secretFile = Files.writeString(this.directory.resolve("secret.txt"), admin.addSecret(app.objectId()) + "\n");

		SignInService signIn = SandboxAdmin.signInService(target, this.directory.resolve("home"), Map.of());
		SignedIn signedIn = signIn.loginAsServicePrincipal(
				new ServicePrincipalLogin(null, app.appId(), CredentialSource.secretFile(secretFile)), noPassword());

		assertThat(signedIn.session().kind()).isEqualTo(Session.Kind.SERVICE_PRINCIPAL);
		assertThat(signedIn.session().username()).isEqualTo(app.appId());
		assertThat(signedIn.session().tenantId()).isEqualTo(target.sandbox().tenantId());
		assertThat(signIn.graphToken().value()).isNotBlank();
	}

	@Test
	void servicePrincipalSignsInWithASecretFromTheEnvironment() {
		ConnectionTarget target = target();
		SandboxAdmin admin = SandboxAdmin.signIn(target, this.directory.resolve("admin"));
		RegisteredApplication app = admin.registerWithServicePrincipal("automation");
		String secret = admin.addSecret(app.objectId());

		SignInService signIn = SandboxAdmin.signInService(target, this.directory.resolve("home"),
				Map.of("DICOMREG_TEST_SECRET", secret));
		SignedIn signedIn = signIn.loginAsServicePrincipal(new ServicePrincipalLogin(null, app.appId(),
				CredentialSource.secretEnv("DICOMREG_TEST_SECRET")), noPassword());

		assertThat(signedIn.session().credential().secretEnv()).isEqualTo("DICOMREG_TEST_SECRET");
		assertThat(this.directory.resolve("home/sessions")).isDirectoryRecursivelyContaining(
				path -> path.toString().endsWith(".json"));
		assertThat(contentOf(this.directory.resolve("home"))).doesNotContain(secret);
	}

	@Test
	void wrongSecretIsRefusedAsEntraRefusesIt() throws Exception {
		ConnectionTarget target = target();
		SandboxAdmin admin = SandboxAdmin.signIn(target, this.directory.resolve("admin"));
		RegisteredApplication app = admin.registerWithServicePrincipal("automation");
		admin.addSecret(app.objectId());
		Path wrong = Files.writeString(this.directory.resolve("wrong.txt"), "not-the-secret-value");

		SignInService signIn = SandboxAdmin.signInService(target, this.directory.resolve("home"), Map.of());

		assertThatThrownBy(() -> signIn.loginAsServicePrincipal(
				new ServicePrincipalLogin(null, app.appId(), CredentialSource.secretFile(wrong)), noPassword()))
			.isInstanceOfSatisfying(DicomregException.class, ex -> {
				assertThat(ex.getExitCode()).isEqualTo(ExitCode.FAILURE);
				assertThat(ex.getMessage()).startsWith("Sign-in failed: AADSTS7000215")
					.contains("invalid_client")
					.doesNotContain("not-the-secret-value")
					.doesNotContain("\n");
			});
		assertThat(signIn.isSignedIn()).isFalse();
	}

	@Test
	void servicePrincipalSignsInWithAPemCertificate() throws Exception {
		ConnectionTarget target = target();
		SandboxAdmin admin = SandboxAdmin.signIn(target, this.directory.resolve("admin"));
		RegisteredApplication app = admin.registerWithServicePrincipal("automation");
		TestCertificates certificate = TestCertificates.selfSigned("automation");
		admin.addCertificate(app.objectId(), certificate);
		Path pem = certificate.writePem(this.directory.resolve("automation.pem"));

		SignedIn signedIn = SandboxAdmin.signInService(target, this.directory.resolve("home"), Map.of())
			.loginAsServicePrincipal(new ServicePrincipalLogin(null, app.appId(), CredentialSource.certificate(pem, null)),
					noPassword());

		assertThat(signedIn.session().kind()).isEqualTo(Session.Kind.SERVICE_PRINCIPAL);
	}

	@Test
	void servicePrincipalSignsInWithAPfxWhosePasswordIsAsked() throws Exception {
		ConnectionTarget target = target();
		SandboxAdmin admin = SandboxAdmin.signIn(target, this.directory.resolve("admin"));
		RegisteredApplication app = admin.registerWithServicePrincipal("automation");
		TestCertificates certificate = TestCertificates.selfSigned("automation");
		admin.addCertificate(app.objectId(), certificate);
		Path pfx = certificate.writePfx(this.directory.resolve("automation.pfx"), "pfx-pass".toCharArray());

		SignedIn signedIn = SandboxAdmin.signInService(target, this.directory.resolve("home"), Map.of())
			.loginAsServicePrincipal(new ServicePrincipalLogin(null, app.appId(), CredentialSource.certificate(pfx, null)),
					() -> "pfx-pass".toCharArray());

		assertThat(signedIn.session().credential().certificateFile()).isEqualTo(pfx.toAbsolutePath());
	}

	@Test
	void certificateNotRegisteredOnTheAppIsRefused() throws Exception {
		ConnectionTarget target = target();
		SandboxAdmin admin = SandboxAdmin.signIn(target, this.directory.resolve("admin"));
		RegisteredApplication app = admin.registerWithServicePrincipal("automation");
		admin.addCertificate(app.objectId(), TestCertificates.selfSigned("registered"));
		Path other = TestCertificates.selfSigned("other").writePem(this.directory.resolve("other.pem"));

		SignInService signIn = SandboxAdmin.signInService(target, this.directory.resolve("home"), Map.of());

		assertThatThrownBy(() -> signIn.loginAsServicePrincipal(
				new ServicePrincipalLogin(null, app.appId(), CredentialSource.certificate(other, null)), noPassword()))
			.isInstanceOfSatisfying(DicomregException.class,
					ex -> assertThat(ex.getMessage()).startsWith("Sign-in failed: AADSTS"));
	}

	@Test
	void browserSignInUsesPkceThroughTheLoopbackRedirect() {
		ConnectionTarget target = target();
		SignInService signIn = SandboxAdmin.signInService(target, this.directory.resolve("home"), Map.of());

		SignedIn signedIn = signIn.loginWithBrowser(new UserLogin(null, null), this.messages::add);

		assertThat(signedIn.session().username()).isEqualTo(target.sandbox().adminUserPrincipalName());
		assertThat(this.messages).anySatisfy(message -> assertThat(message).contains("sandbox sign-in page"));
	}

	@Test
	void logoutRemovesTheAccountAndTheSession() {
		Path home = this.directory.resolve("home");
		ConnectionTarget target = target();
		SignInService signIn = SandboxAdmin.signInService(target, home, Map.of());
		signIn.loginWithDeviceCode(new UserLogin(null, null), this.messages::add);

		assertThat(signIn.logout()).isPresent();

		assertThat(signIn.isSignedIn()).isFalse();
		assertThatThrownBy(signIn::graphToken).isInstanceOfSatisfying(DicomregException.class,
				ex -> assertThat(ex.getMessage()).contains("Run 'login' first"));
		assertThat(contentOf(home.resolve("cache"))).doesNotContain("RefreshToken\":{\"");
	}

	private ConnectionTarget target() {
		ConnectionTarget target = new ConnectionTarget(true, this.stateFile, AzureCloud.AzureCloud, null, null);
		this.targets.add(target);
		return target;
	}

	private static java.util.function.Supplier<char[]> noPassword() {
		return () -> {
			throw new AssertionError("no password should be asked");
		};
	}

	private static String contentOf(Path directory) {
		try (var files = Files.walk(directory)) {
			StringBuilder all = new StringBuilder();
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				all.append(Files.readString(file));
			}
			return all.toString();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
