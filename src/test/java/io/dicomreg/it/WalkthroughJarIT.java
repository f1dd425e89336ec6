package io.dicomreg.it;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.sandbox.SandboxInspector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walkthrough in the packaged jar on a real pseudo-terminal (script(1)): Ctrl-C at a prompt
 * quits and saves the progress, {@code --resume} goes on, and the script it writes, replayed with
 * {@code dicomreg @FILE} in a fresh sandbox tenant, makes an equivalent application, and replayed
 * again changes nothing.
 */
class WalkthroughJarIT {

	private static final Pattern ESCAPES = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]|\u001B[()][0-9A-Za-z]|\u001B[=>78]|\r");

	@TempDir
	Path directory;

	@Test
	void walkthroughOnARealTerminalThenItsScriptReplayedInAnotherTenant() throws Exception {
		Path state = this.directory.resolve("tenant.json");
		Path script = this.directory.resolve("dicom-client.dicomreg");
		try (Pty pty = new Pty(this.directory.resolve("first.txt"), "--sandbox-state " + state + " walkthrough")) {
			pty.answer("How do you want to sign in?", "").expect("Signed in as");
			pty.answer("Display name", "").answer("Unique name", "").expect("Register 'DICOM client'").answer("Go ahead?", "");
			pty.answer("Noted?", "");
			pty.expect("Client type").type("\u0003");
			pty.expect("Progress saved. 'walkthrough --resume' goes on at step 4");
			assertThat(pty.exitCode()).isZero();
		}
		try (Pty pty = new Pty(this.directory.resolve("second.txt"),
				"--sandbox-state " + state + " walkthrough --resume --save-script " + script)) {
			pty.expect("Step 4 of 7").answer("Client type", "").answer("Platform and redirect URI", "Web");
			pty.answer("Redirect URI", "http://example.com/callback").expect("\"https required\"");
			pty.answer("Redirect URI", "https://dicom-viewer.example.com/signin");
			pty.expect("Set 'Allow public client flows' to No").answer("Go ahead?", "").expect("confidential client");
			pty.answer("What should the client sign in with?", "Both").answer("Secret description", "viewer");
			pty.answer("Expires in", "12").answer("Where should the secret value go?", "");
			pty.answer("File for the secret value", this.directory.resolve("secret.txt").toString());
			pty.expect("Add the client secret").answer("Go ahead?", "").answer("Which certificate?", "").answer("Subject", "CN=viewer");
			pty.answer("Valid for", "").answer("Files to write", this.directory.resolve("viewer").toString());
			pty.expect("Make a self-signed certificate").answer("Go ahead?", "").expect("Upload the certificate").answer("Go ahead?", "");
			pty.expect("Add the delegated permission").answer("Go ahead?", "").expect("Wrote the script").expect("The walkthrough is complete");
			assertThat(pty.exitCode()).isZero();
		}
		Path replayState = this.directory.resolve("other-tenant.json");
		Path replayFolder = Files.createDirectories(this.directory.resolve("other-tenant"));
		String replayed = replay(script, replayState, replayFolder);
		assertThat(replayed).contains("dicom-client.dicomreg: 8 of 8 line(s) run: 6 changed, 2 unchanged, 0 failed.");
		String again = replay(script, replayState, replayFolder);
		assertThat(again).contains("dicom-client.dicomreg: 8 of 8 line(s) run: 0 changed, 8 unchanged, 0 failed.");

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

	/** Signs in to the tenant, then runs {@code script FILE} in a new dicomreg working in {@code folder}. */
	private String replay(Path script, Path state, Path folder) throws Exception {
		run(folder, "--sandbox-state", state.toString(), "login");
		return run(folder, "--sandbox-state", state.toString(), "@" + script);
	}

	private String run(Path folder, String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of(java(), "-Ddicomreg.home=" + this.directory.resolve("other-home"),
				"-jar", System.getProperty("dicomreg.jar")));
		command.addAll(List.of(args));
		Path out = this.directory.resolve("replay-out.txt");
		Process process = new ProcessBuilder(command).directory(folder.toFile())
			.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
			.redirectOutput(out.toFile())
			.redirectErrorStream(true)
			.start();
		assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("dicomreg finished").isTrue();
		String output = Files.readString(out);
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

	private static JsonNode onlyApplication(Path state) {
		try (ConnectionTarget target = new ConnectionTarget(true, state, AzureCloud.AzureCloud, null, null)) {
			List<JsonNode> applications = SandboxInspector.of(target.sandbox()).tenant().applications();
			assertThat(applications).hasSize(1);
			return applications.get(0);
		}
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** dicomreg in a pseudo-terminal: waits for text on its screen, then types. */
	private final class Pty implements AutoCloseable {

		private final Path screen;

		private final Process process;

		private final OutputStream keyboard;

		private int seen;

		Pty(Path screen, String arguments) throws IOException {
			this.screen = screen;
			String shell = "stty cols 160 rows 50; exec " + java() + " -Ddicomreg.home="
					+ WalkthroughJarIT.this.directory.resolve("home") + " -jar " + System.getProperty("dicomreg.jar") + " "
					+ arguments;
			this.process = new ProcessBuilder("/usr/bin/script", "-qfec", shell, "/dev/null")
				.directory(WalkthroughJarIT.this.directory.toFile())
				.redirectOutput(screen.toFile())
				.redirectErrorStream(true)
				.start();
			this.keyboard = this.process.getOutputStream();
		}

		Pty expect(String text) throws Exception {
			for (int i = 0; i < 600; i++) {
				String shown = shown();
				int at = shown.indexOf(text, this.seen);
				if (at >= 0) {
					this.seen = at + text.length();
					return this;
				}
				Thread.sleep(100);
			}
			throw new AssertionError("'" + text + "' did not appear; the screen shows:\n" + shown().substring(this.seen));
		}

		Pty type(String keys) throws IOException {
			this.keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
			this.keyboard.flush();
			return this;
		}

		Pty answer(String prompt, String line) throws Exception {
			expect(prompt);
			// A person reads the question before typing: the component is then reading the keys.
			Thread.sleep(150);
			return type(line + "\r");
		}

		int exitCode() throws Exception {
			assertThat(this.process.waitFor(60, TimeUnit.SECONDS)).as("dicomreg exited").isTrue();
			return this.process.exitValue();
		}

		private String shown() throws IOException {
			return Files.exists(this.screen) ? ESCAPES.matcher(Files.readString(this.screen, StandardCharsets.UTF_8)).replaceAll("")
					: "";
		}

		@Override
		public void close() throws IOException {
			this.keyboard.close();
			this.process.destroy();
		}

	}

}
