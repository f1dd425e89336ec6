package io.dicomreg.cli.walkthrough;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.sandbox.SandboxInspector;
import io.dicomreg.support.TerminalSession;
import io.dicomreg.support.TestShell;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the whole walkthrough through the real shell's prompts, keys typed on a terminal, against
 * a sandbox tenant kept in a state file, then looks at the application it made.
 */
class WalkthroughShellTests {

	private static final String POSTMAN = "https://www.getpostman.com/oauth2/callback";

	private static final String CTRL_B = "\u0002";

	private static final String CTRL_N = "\u000e";

	@TempDir
	Path directory;

	@Test
	void walkthroughTypedAtTheShellRegistersTheTutorialsApplication() throws Exception {
		Path state = this.directory.resolve("tenant.json");
		Path secretFile = this.directory.resolve("secret.txt");
		Path script = this.directory.resolve("dicom-client.dicomreg");
		try (TerminalSession shell = TerminalSession.start(this.directory.resolve("home"), "--sandbox-state", state.toString())) {
			shell.expect("dicomreg").expect(">").enter("walkthrough --save-script " + script);
			shell.expect("Step 1 of 9: Sign in").answer("How do you want to sign in?", "");
			shell.expect("Signed in as");
			shell.expect("Step 2 of 9").answer("Display name", "").answer("Unique name", "");
			shell.expect("Register 'DICOM client' as a single-tenant application?").answer("Go ahead?", "").expect("Registered 'DICOM client'");
			shell.expect("Step 3 of 9").expect("Application (client) ID").answer("Noted?", "");
			shell.expect("Step 4 of 9").answer("Client type", "Public").answer("Platform and redirect URI", "");
			shell.expect("Set 'Allow public client flows' to Yes and add " + POSTMAN).answer("Go ahead?", "").expect("Now a public client");
			shell.expect("Step 5 of 9").answer("What should the client sign in with?", "Both");
			shell.answer("Secret description", "").answer("Expires in", "").answer("Where should the secret value go?", "");
			shell.answer("File for the secret value", secretFile.toString()).expect("Add the client secret").answer("Go ahead?", "");
			shell.expect("Added the client secret").answer("Which certificate?", "").answer("Subject", "").answer("Valid for", "");
			shell.answer("Files to write", this.directory.resolve("dicom-client").toString());
			shell.expect("Make a self-signed certificate").answer("Go ahead?", "").expect("Upload the certificate").answer("Go ahead?", "").expect("Uploaded the certificate");
			shell.expect("Step 6 of 9").expect("Add the delegated permission Dicom.ReadWrite").answer("Go ahead?", "").expect("Added Dicom.ReadWrite");
			shell.expect("Step 7 of 9").expect("Grant admin consent for Dicom.ReadWrite").answer("Go ahead?", "")
				.expect("Granted admin consent for Dicom.ReadWrite");
			shell.expect("Step 8 of 9").answer("Which DICOM service?", "").answer("Which role?", "")
				.expect("Assign DICOM Data Owner on contosohealth/dicom1").answer("Go ahead?", "").expect("Assigned DICOM Data Owner");
			shell.expect("Step 9 of 9").expect("Admin consent").expect("granted for all users").expect("DICOM role")
				.expect("DICOM Data Owner on contosohealth/dicom1").expect("Next steps").answer("Verify now", "");
			// dicomreg's own sandbox makes a new role wait a few seconds, as Azure does for longer: verify offers to wait.
			shell.answer("Wait up to 10 minutes", "").expect("Verified: the client reads DICOM data.");
			shell.answer("Write the app's IDs for its tools", "Postman").answer("File to write",
					this.directory.resolve("dicom-client.postman_environment.json").toString()).expect("Wrote ");
			shell.expect("Wrote the script")
				.expect("The walkthrough is complete");
			shell.expect(">").enter("exit");
			assertThat(shell.exitCode()).isZero();
		}
		try (ConnectionTarget target = new ConnectionTarget(true, state, AzureCloud.AzureCloud, null, null)) {
			assertThat(SandboxInspector.of(target.sandbox()).tenant().applications()).hasSize(1);
			JsonNode app = SandboxInspector.of(target.sandbox()).tenant().applications().get(0);
			assertThat(app.get("displayName").asText()).isEqualTo("DICOM client");
			assertThat(app.get("signInAudience").asText()).isEqualTo("AzureADMyOrg");
			assertThat(app.get("isFallbackPublicClient").asBoolean()).isTrue();
			assertThat(app.at("/publicClient/redirectUris")).extracting(JsonNode::asText).containsExactly(POSTMAN);
			assertThat(app.get("passwordCredentials")).hasSize(1);
			assertThat(app.get("keyCredentials")).hasSize(1);
			assertThat(app.get("requiredResourceAccess")).singleElement()
				.satisfies(resource -> assertThat(resource.get("resourceAppId").asText()).isEqualTo("75e725bf-66ce-4cea-9b9a-5c4caae57f33"));
		}
		assertThat(Files.getPosixFilePermissions(secretFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(Files.readString(script)).contains("app register --name \"DICOM client\" --unique-name dicom-client")
			.contains("permission grant --scope Dicom.ReadWrite")
			.contains("role assign --role owner --dicom contosohealth/dicom1");
		assertThat(this.directory.resolve("dicom-client.postman_environment.json")).content().contains("\"baseUrl\"")
			.doesNotContain(Files.readString(secretFile).strip());
	}

	@Test
	void ctrlBGoesBackAStepAndCtrlNSkipsOne() throws Exception {
		Path state = this.directory.resolve("tenant.json");
		Path script = this.directory.resolve("script.dicomreg");
		try (TerminalSession shell = TerminalSession.start(this.directory.resolve("home"), "--sandbox-state", state.toString())) {
			shell.expect(">").enter("walkthrough --save-script " + script);
			shell.answer("How do you want to sign in?", "").expect("Signed in as");
			shell.answer("Display name", "").answer("Unique name", "").expect("Register 'DICOM client'").answer("Go ahead?", "");
			shell.answer("Noted?", "");
			shell.expect("Client type").type(CTRL_B);
			shell.expect("Step 3 of 9").answer("Noted?", "");
			shell.expect("Step 4 of 9").answer("Client type", "").answer("Platform and redirect URI", "");
			shell.expect("Set 'Allow public client flows' to No and add " + POSTMAN).answer("Go ahead?", "").expect("client.");
			shell.expect("Step 5 of 9").expect("What should the client sign in with?").type(CTRL_N);
			shell.expect("Step 6 of 9").expect("Add the delegated permission").answer("Go ahead?", "");
			shell.expect("Step 7 of 9").expect("Grant admin consent").type(CTRL_N);
			shell.expect("Step 8 of 9").expect("Which DICOM service?").type(CTRL_N);
			shell.expect("Step 9 of 9").expect("Client secret").expect("none added").expect("Certificate").expect("none uploaded");
			shell.answer("Write the app's IDs for its tools", "");
			shell.expect("The walkthrough is complete").expect(">").enter("exit");
		}
		try (ConnectionTarget target = new ConnectionTarget(true, state, AzureCloud.AzureCloud, null, null)) {
			JsonNode app = SandboxInspector.of(target.sandbox()).tenant().applications().get(0);
			assertThat(app.get("isFallbackPublicClient").asBoolean()).isFalse();
			assertThat(app.get("passwordCredentials")).isEmpty();
			assertThat(app.get("keyCredentials")).isEmpty();
		}
		assertThat(Files.readString(script)).contains("auth public-client off").doesNotContain("secret add --", "cert create", "cert upload");
	}

	@Test
	void aSecretShownOnTheScreenAppearsThereOnceAndNowhereElse() throws Exception {
		Path state = this.directory.resolve("tenant.json");
		Path home = this.directory.resolve("home");
		Path script = this.directory.resolve("script.dicomreg");
		String screen;
		try (TerminalSession shell = TerminalSession.start(home, "--sandbox-state", state.toString())) {
			shell.expect(">").enter("walkthrough --save-script " + script);
			shell.answer("How do you want to sign in?", "").expect("Signed in as");
			shell.answer("Display name", "").answer("Unique name", "").expect("Register 'DICOM client'").answer("Go ahead?", "");
			shell.answer("Noted?", "");
			shell.answer("Client type", "").answer("Platform and redirect URI", "None").expect("Set 'Allow public client flows'").answer("Go ahead?", "");
			shell.answer("What should the client sign in with?", "").answer("Secret description", "").answer("Expires in", "");
			shell.answer("Where should the secret value go?", "screen").expect("Add the client secret").answer("Go ahead?", "");
			shell.expect("Copy its value now: it is shown only this once.");
			shell.expect("Add the delegated permission").answer("Go ahead?", "");
			shell.expect("Grant admin consent").answer("Go ahead?", "").answer("Which DICOM service?", "None");
			shell.answer("Write the app's IDs for its tools", "");
			shell.expect("The walkthrough is complete").expect(">").enter("exit");
			screen = shell.text();
		}
		String secret = screen.lines()
			.dropWhile(line -> !line.contains("Copy its value now"))
			.skip(1)
			.findFirst()
			.orElseThrow()
			.strip();
		assertThat(secret).hasSizeGreaterThan(30);
		assertThat(screen.split(java.util.regex.Pattern.quote(secret), -1)).hasSize(2);
		assertThat(Files.readString(script)).doesNotContain(secret).contains("secret add --description \"dicomreg walkthrough 20");
		assertThat(Files.readString(state)).doesNotContain(secret);
		try (var files = Files.walk(home)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				assertThat(Files.readString(file)).as(file.toString()).doesNotContain(secret);
			}
		}
	}

	@Test
	void withoutATerminalTheWalkthroughRefusesInOneLine() {
		TestShell.Result result = new TestShell(this.directory.resolve("home"), "--sandbox").run("walkthrough");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err().strip()).startsWith("Error: The walkthrough asks questions at a terminal, and there is none here")
			.doesNotContain("\n");
	}

	@Test
	void badOptionsAreRefusedBeforeAnythingIsAsked() throws Exception {
		TestShell shell = new TestShell(this.directory.resolve("home"), "--sandbox");
		assertThat(shell.run("walkthrough", "--resume", "--restart").err())
			.contains("Error: --resume and --restart exclude each other: give one of them.");
		Path existing = Files.writeString(this.directory.resolve("taken.dicomreg"), "# mine\n");
		TestShell.Result taken = shell.run("walkthrough", "--save-script", existing.toString());
		assertThat(taken.exitCode()).isEqualTo(2);
		assertThat(taken.err()).contains("--save-script " + existing + " already exists");
		assertThat(Files.readString(existing)).isEqualTo("# mine\n");
	}

	@Test
	void saveScriptExpandsTildeToTheHomeFolderAsSaveToDoes() {
		TestShell shell = new TestShell(this.directory.resolve("home"), "--sandbox");

		TestShell.Result run = shell.run("walkthrough", "--save-script", "~/no-such-folder-of-dicomreg/s.dicomreg");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("The folder for --save-script does not exist: "
				+ Path.of(System.getProperty("user.home"), "no-such-folder-of-dicomreg"));
	}

}
