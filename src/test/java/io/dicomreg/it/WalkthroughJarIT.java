package io.dicomreg.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.it.ProcessRunner.Run;
import io.dicomreg.sandbox.SandboxInspector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walkthrough in the packaged jar on a real pseudo-terminal (script(1)): Ctrl-C at a prompt
 * quits and saves the progress, {@code --resume} goes on, and the script it writes, replayed with
 * {@code dicomreg @FILE} in a fresh sandbox tenant, makes an equivalent application, and replayed
 * again changes nothing.
 */
class WalkthroughJarIT {

	@TempDir
	Path directory;

	@Test
	void walkthroughOnARealTerminalThenItsScriptReplayedInAnotherTenant() throws Exception {
		Path state = this.directory.resolve("tenant.json");
		Path script = this.directory.resolve("dicom-client.dicomreg");
		try (PseudoTerminal pty = walkthrough("--sandbox-state", state.toString(), "walkthrough")) {
			pty.answer("How do you want to sign in?", "").expect("Signed in as");
			pty.answer("Display name", "").answer("Unique name", "").expect("Register 'DICOM client'").answer("Go ahead?", "");
			pty.answer("Noted?", "");
			pty.expect("Client type").type("\u0003");
			pty.expect("Progress saved. 'walkthrough --resume' goes on at step 4");
			assertThat(pty.exitCode()).isZero();
		}
		try (PseudoTerminal pty = walkthrough("--sandbox-state", state.toString(), "walkthrough", "--resume", "--save-script",
				script.toString())) {
			pty.expect("Step 4 of 9").answer("Client type", "").answer("Platform and redirect URI", "Web");
			pty.answer("Redirect URI", "http://example.com/callback").expect("\"https required\"");
			pty.answer("Redirect URI", "https://dicom-viewer.example.com/signin");
			pty.expect("Set 'Allow public client flows' to No").answer("Go ahead?", "").expect("confidential client");
			pty.answer("What should the client sign in with?", "Both").answer("Secret description", "viewer");
			pty.answer("Expires in", "12").answer("Where should the secret value go?", "");
			pty.answer("File for the secret value", this.directory.resolve("secret.txt").toString());
			pty.expect("Add the client secret").answer("Go ahead?", "").answer("Which certificate?", "").answer("Subject", "CN=viewer");
			pty.answer("Valid for", "").answer("Files to write", this.directory.resolve("viewer").toString());
			pty.expect("Make a self-signed certificate").answer("Go ahead?", "").expect("Upload the certificate").answer("Go ahead?", "");
			pty.expect("Add the delegated permission").answer("Go ahead?", "");
			pty.expect("Grant admin consent").answer("Go ahead?", "").expect("Granted admin consent");
			pty.answer("Which DICOM service?", "").answer("Which role?", "Reader").expect("Assign DICOM Data Reader")
				.answer("Go ahead?", "").expect("Assigned DICOM Data Reader");
			pty.answer("Verify now", "n").answer("Write the app's IDs for its tools", "");
			pty.expect("Wrote the script").expect("The walkthrough is complete");
			assertThat(pty.exitCode()).isZero();
		}
		Path replayState = this.directory.resolve("other-tenant.json");
		Path replayFolder = Files.createDirectories(this.directory.resolve("other-tenant"));
		String replayed = replay(script, replayState, replayFolder);
		assertThat(replayed).contains("dicom-client.dicomreg: 10 of 10 line(s) run: 8 changed, 2 unchanged, 0 failed.");
		String again = replay(script, replayState, replayFolder);
		assertThat(again).contains("dicom-client.dicomreg: 10 of 10 line(s) run: 0 changed, 10 unchanged, 0 failed.");

		JsonNode original = onlyApplication(state);
		JsonNode copy = onlyApplication(replayState);
		for (String property : List.of("/displayName", "/uniqueName", "/signInAudience", "/isFallbackPublicClient",
				"/web/redirectUris", "/publicClient/redirectUris", "/spa/redirectUris", "/requiredResourceAccess")) {
			assertThat(copy.at(property)).as(property).isEqualTo(original.at(property));
		}
		assertThat(copy.at("/passwordCredentials/0/displayName")).isEqualTo(original.at("/passwordCredentials/0/displayName"));
		assertThat(copy.get("passwordCredentials")).hasSize(1);
		assertThat(copy.get("keyCredentials")).hasSize(1);
		assertThat(original.at("/web/redirectUris/0").asText()).isEqualTo("https://dicom-viewer.example.com/signin");
		assertThat(replayFolder.resolve("dicom-client-secret.txt")).exists();
		assertThat(replayFolder.resolve("dicom-client-certificate.key")).exists();
	}

	/** The walkthrough in the packaged jar on a pseudo-terminal, working in the test's folder. */
	private PseudoTerminal walkthrough(String... args) {
		return PseudoTerminal.dicomreg(this.directory, this.directory.resolve("home"), 160, 50, args);
	}

	/** Signs in to the tenant, then runs {@code script FILE} in a new dicomreg working in {@code folder}. */
	private String replay(Path script, Path state, Path folder) {
		run(folder, "--sandbox-state", state.toString(), "login");
		return run(folder, "--sandbox-state", state.toString(), "@" + script);
	}

	private String run(Path folder, String... args) {
		Run run = ProcessRunner.dicomreg(this.directory.resolve("other-home"), args).in(folder).run();
		assertThat(run.exitCode()).as(run.all()).isZero();
		return run.all();
	}

	private static JsonNode onlyApplication(Path state) {
		try (ConnectionTarget target = new ConnectionTarget(true, state, AzureCloud.AzureCloud, null, null)) {
			List<JsonNode> applications = SandboxInspector.of(target.sandbox()).tenant().applications();
			assertThat(applications).hasSize(1);
			return applications.get(0);
		}
	}

}
