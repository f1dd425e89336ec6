package io.dicomreg.cli.walkthrough;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.sandbox.SandboxInspector;
import io.dicomreg.support.TerminalSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Interrupts the walkthrough after each step in turn, resumes it in a new dicomreg, and finds one
 * application with one secret, one certificate and the permission: nothing made twice.
 */
class WalkthroughResumeTests {

	private static final String QUIT_KEY = "\u0011";

	private static final String CTRL_C = "\u0003";

	@TempDir
	Path directory;

	@ParameterizedTest(name = "interrupted after step {0}")
	@ValueSource(ints = { 1, 2, 3, 4, 5, 6, 7, 8 })
	void resumingAfterAnInterruptionFinishesWithOneApplicationAndOneOfEachCredential(int interruptedAfter) throws Exception {
		Path state = this.directory.resolve("tenant.json");
		try (TerminalSession shell = shell(state)) {
			shell.expect(">").enter("walkthrough");
			for (int step = 1; step <= interruptedAfter; step++) {
				STEPS.get(step - 1).accept(shell, this.directory);
			}
			for (String shown : FIRST_PROMPTS.get(interruptedAfter)) {
				shell.expect(shown);
			}
			shell.type((interruptedAfter % 2 == 0) ? QUIT_KEY : CTRL_C);
			shell.expect("Progress saved. 'walkthrough --resume' goes on at step " + (interruptedAfter + 1));
			shell.expect(">").enter("exit");
			assertThat(shell.exitCode()).isZero();
		}
		try (TerminalSession shell = shell(state)) {
			shell.expect(">").enter("walkthrough --resume");
			shell.expect("Step " + (interruptedAfter + 1) + " of 9");
			for (int step = interruptedAfter + 1; step <= STEPS.size(); step++) {
				STEPS.get(step - 1).accept(shell, this.directory);
			}
			shell.expect(">").enter("exit");
			assertThat(shell.exitCode()).isZero();
		}
		assertTheTutorialsApplication(state);
	}

	@Test
	void resumingAStepInterruptedBetweenTheSecretAndTheCertificateAddsNoSecondSecret() throws Exception {
		Path state = this.directory.resolve("tenant.json");
		try (TerminalSession shell = shell(state)) {
			shell.expect(">").enter("walkthrough");
			for (int step = 1; step <= 4; step++) {
				STEPS.get(step - 1).accept(shell, this.directory);
			}
			shell.answer("What should the client sign in with?", "Both");
			addSecret(shell, this.directory);
			shell.expect("Which certificate?").endInput();
		}
		try (TerminalSession shell = shell(state)) {
			shell.expect(">").enter("walkthrough");
			shell.expect("An unfinished walkthrough stopped at step 5").answer("Resume it?", "");
			shell.answer("What should the client sign in with?", "Both").expect("added earlier in this walkthrough is kept");
			addCertificate(shell, this.directory);
			for (int step = 6; step <= STEPS.size(); step++) {
				STEPS.get(step - 1).accept(shell, this.directory);
			}
			shell.expect(">").enter("exit");
		}
		assertTheTutorialsApplication(state);
	}

	@Test
	void resumeWithNothingUnfinishedSaysSo() {
		try (TerminalSession shell = shell(this.directory.resolve("tenant.json"))) {
			shell.expect(">").enter("walkthrough --resume");
			shell.expect("There is no unfinished walkthrough to resume: run 'walkthrough' to start one.");
			shell.expect(">").enter("exit");
		}
	}

	private TerminalSession shell(Path state) {
		return TerminalSession.start(this.directory.resolve("home"), "--sandbox-state", state.toString());
	}

	private static void assertTheTutorialsApplication(Path state) {
		try (ConnectionTarget target = new ConnectionTarget(true, state, AzureCloud.AzureCloud, null, null)) {
			List<JsonNode> applications = SandboxInspector.of(target.sandbox()).tenant().applications();
			assertThat(applications).hasSize(1);
			JsonNode app = applications.get(0);
			assertThat(app.get("uniqueName").asText()).isEqualTo("dicom-client");
			assertThat(app.get("isFallbackPublicClient").asBoolean()).isTrue();
			assertThat(app.at("/publicClient/redirectUris")).hasSize(1);
			assertThat(app.get("passwordCredentials")).hasSize(1);
			assertThat(app.get("keyCredentials")).hasSize(1);
			assertThat(app.get("requiredResourceAccess")).hasSize(1);
		}
	}

	/** What shows up to the first prompt of each step, by step index (step 1 at 0). */
	private static final List<List<String>> FIRST_PROMPTS = List.of(List.of("How do you want to sign in?"),
			List.of("Display name"), List.of("Noted?"), List.of("Client type"), List.of("What should the client sign in with?"),
			List.of("Add the delegated permission", "Go ahead?"), List.of("Grant admin consent", "Go ahead?"),
			List.of("Which DICOM service?"), List.of("Verify now"));

	/** How a person answers each step, as in the tutorial: public client for Postman, both credentials. */
	private static final List<BiConsumer<TerminalSession, Path>> STEPS = List.of(
			(shell, directory) -> shell.answer("How do you want to sign in?", "").expect("Signed in as"),
			(shell, directory) -> shell.answer("Display name", "").answer("Unique name", "")
				.expect("Register 'DICOM client'").answer("Go ahead?", "")
				.expect("Registered 'DICOM client'"),
			(shell, directory) -> shell.answer("Noted?", ""),
			(shell, directory) -> shell.answer("Client type", "Public").answer("Platform and redirect URI", "")
				.expect("Set 'Allow public client flows' to Yes").answer("Go ahead?", "")
				.expect("Now a public client"),
			(shell, directory) -> {
				shell.answer("What should the client sign in with?", "Both");
				addSecret(shell, directory);
				addCertificate(shell, directory);
			},
			(shell, directory) -> shell.expect("Add the delegated permission").answer("Go ahead?", "").expect("Added Dicom.ReadWrite"),
			(shell, directory) -> shell.expect("Grant admin consent").answer("Go ahead?", "").expect("Granted admin consent"),
			(shell, directory) -> shell.answer("Which DICOM service?", "").answer("Which role?", "")
				.expect("Assign DICOM Data Owner on contosohealth/dicom1").answer("Go ahead?", "")
				.expect("Assigned DICOM Data Owner"),
			(shell, directory) -> shell.expect("Next steps").answer("Verify now", "n")
				.answer("Write the app's IDs for its tools", "").answer("Save these steps as a dicomreg script", "n")
				.expect("The walkthrough is complete"));

	private static void addSecret(TerminalSession shell, Path directory) {
		shell.answer("Secret description", "").answer("Expires in", "").answer("Where should the secret value go?", "");
		shell.answer("File for the secret value", directory.resolve("secret.txt").toString()).expect("Add the client secret").answer("Go ahead?", "");
		shell.expect("Added the client secret");
	}

	private static void addCertificate(TerminalSession shell, Path directory) {
		shell.answer("Which certificate?", "").answer("Subject", "").answer("Valid for", "");
		shell.answer("Files to write", directory.resolve("dicom-client").toString()).expect("Make a self-signed certificate").answer("Go ahead?", "");
		shell.expect("Upload the certificate").answer("Go ahead?", "").expect("Uploaded the certificate");
	}

}
