package io.dicomreg.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.sandbox.Sandbox;
import io.dicomreg.sandbox.SandboxInspector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the packaged jar as separate processes, one-shot, and checks output and exit codes.
 */
class DicomregJarIT {

	@TempDir
	Path directory;

	private List<String> jvmOptions = List.of();

	@Test
	void oneShotRunsShareTheSandboxTenantAndExitWithTheRightCodes() throws Exception {
		String state = this.directory.resolve("tenant.json").toString();

		Run login = dicomreg("--sandbox-state", state, "login");
		assertThat(login.exitCode()).as(login.err()).isZero();
		assertThat(login.err()).contains("enter the code");

		Run register = dicomreg("--sandbox-state", state, "--output", "json", "app", "register", "--name",
				"DICOM client");
		assertThat(register.exitCode()).as(register.err()).isZero();
		JsonNode app = new ObjectMapper().readTree(register.out());
		assertThat(app.get("displayName").asText()).isEqualTo("DICOM client");
		assertThat(app.get("signInAudience").asText()).isEqualTo("AzureADMyOrg");

		Run whoami = dicomreg("--sandbox-state", state, "whoami");
		assertThat(whoami.exitCode()).isZero();
		assertThat(whoami.out()).contains("admin@contoso.onmicrosoft.com");

		Run badUsage = dicomreg("--sandbox-state", state, "app", "register", "--nmae", "typo");
		assertThat(badUsage.exitCode()).isEqualTo(2);
		assertThat(badUsage.err().strip()).isEqualTo(
				"Error: Unknown option '--nmae' for 'app register'. Run 'help app register' for its options.");

		assertThat(dicomreg("--sandbox-state", state, "logout").exitCode()).isZero();
		Run afterLogout = dicomreg("--sandbox-state", state, "whoami");
		assertThat(afterLogout.exitCode()).isEqualTo(1);
		assertThat(afterLogout.err()).contains("Run 'login' first").doesNotContain("Exception");
	}

	@Test
	void unknownCommandExitsTwoWithoutStackTrace() throws Exception {
		Run run = dicomreg("--sandbox", "frobnicate");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err().lines()).singleElement().asString().startsWith("Error: Unknown command 'frobnicate'");
		assertThat(run.out()).isEmpty();
	}

	@Test
	void interactiveShellRunsTypedCommandsWithThePromptAndTheSameErrors() throws Exception {
		Path input = Files.writeString(this.directory.resolve("typed.txt"),
				"help\nwhoami\napp register --name \"DICOM client\" --bogus\nlogin\nwhoami\n"
						+ "app register --name DICOM\\ client\\ \\!\\!\nexit\n");

		Run run = dicomregWithInput(input, "--sandbox");

		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out()).contains("dicomreg sandbox> ")
			.contains("Sign-in")
			.contains("Error: 'whoami' is not available: you are not signed in. Run 'login' first.")
			.contains("Error: Unknown option '--bogus' for 'app register'.")
			.contains("enter the code")
			.contains("dicomreg sandbox contoso.onmicrosoft.com admin@contoso> ")
			.containsPattern("Display name +DICOM client !!");
	}

	@Test
	void customEndpointsAreTrustedThroughTheJvmTrustStore() throws Exception {
		try (Sandbox server = Sandbox.start(null)) {
			Path trustStore = this.directory.resolve("trust.p12");
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setCertificateEntry("sandbox", server.clientTrustManager().getAcceptedIssuers()[0]);
			try (var out = Files.newOutputStream(trustStore)) {
				store.store(out, "changeit".toCharArray());
			}
			this.jvmOptions = List.of("-Djavax.net.ssl.trustStore=" + trustStore, "-Djavax.net.ssl.trustStoreType=PKCS12",
					"-Djavax.net.ssl.trustStorePassword=changeit");
			String host = server.authorityHost().toString();

			// dicomreg does not know this is a sandbox: the test started it and approves the code as its owner.
			CompletableFuture<Run> signingIn = CompletableFuture.supplyAsync(() -> {
				try {
					return dicomreg("--authority-host", host, "--graph-endpoint", server.graphEndpoint().toString(),
							"login", "--tenant", server.tenantDomain());
				}
				catch (IOException | InterruptedException ex) {
					throw new IllegalStateException(ex);
				}
			});
			server.approveDeviceCode(deviceCode(this.directory.resolve("err.txt"), 60));
			Run login = signingIn.get(120, TimeUnit.SECONDS);
			Run register = dicomreg("--authority-host", host, "--graph-endpoint", server.graphEndpoint().toString(),
					"--output", "json", "app", "register", "--name", "through custom endpoints");

			assertThat(login.exitCode()).as(login.err()).isZero();
			assertThat(login.out()).contains("custom").contains(server.tenantId());
			assertThat(register.exitCode()).as(register.err()).isZero();
			assertThat(SandboxInspector.of(server).tenant().applicationByDisplayName("through custom endpoints")).isPresent();
		}
	}

	@Test
	void tabCompletesAnAppNameAndAScopeNameInTheRealShell() throws Exception {
		assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "needs script(1) for a pseudo-terminal");
		String state = this.directory.resolve("tenant.json").toString();
		assertThat(dicomreg("--sandbox-state", state, "login").exitCode()).isZero();
		assertThat(dicomreg("--sandbox-state", state, "app", "register", "--name", "DICOM client").exitCode()).isZero();
		assertThat(dicomreg("--sandbox-state", state, "app", "register", "--name", "other app").exitCode()).isZero();

		String screen = typeInTerminal(state, "app use DICOM\t", "\r", "app show --app \"DI\t", "\r", "app ids --app 'DI\t", "\r",
				"permission add --resource-app 'Azure API for DICOM' --scope Di\t", "\r", "exit\r");

		assertThat(screen).contains("app use DICOM\\ client")
			.contains("Selected app             DICOM client")
			.contains("app show --app \"DICOM client\"")
			.contains("app ids --app 'DICOM client'")
			.contains("--scope Dicom.ReadWrite")
			.containsPattern("Changed +true")
			.contains("(DICOM client)> ");
	}

	/** Runs the shell in a pseudo-terminal (script(1)) and types each step after a pause; returns the screen. */
	private String typeInTerminal(String state, String... keystrokes) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String shell = "stty cols 150 rows 40; exec " + java + " -Ddicomreg.home=" + this.directory.resolve("home")
				+ " -jar " + System.getProperty("dicomreg.jar") + " --sandbox-state " + state;
		Path screen = this.directory.resolve("screen.txt");
		Process process = new ProcessBuilder("/usr/bin/script", "-qfec", shell, "/dev/null")
			.redirectOutput(screen.toFile()).redirectErrorStream(true).start();
		try (var keyboard = process.getOutputStream()) {
			waitFor(screen, "> ", 30);
			for (String keys : keystrokes) {
				keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
				keyboard.flush();
				Thread.sleep(keys.endsWith("\r") ? 2500 : 1500);
			}
		}
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the shell exited").isTrue();
		return Files.readString(screen, StandardCharsets.UTF_8).replaceAll("\u001B\\[[0-9;?]*[a-zA-Z]", "");
	}

	/** The user code a device code sign-in shows in {@code file}, once it appears there. */
	private static String deviceCode(Path file, int seconds) throws Exception {
		Pattern code = Pattern.compile("enter the code (\\S+) to authenticate");
		for (int i = 0; i < seconds * 10; i++) {
			Matcher matcher = code.matcher(Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "");
			if (matcher.find()) {
				return matcher.group(1);
			}
			Thread.sleep(100);
		}
		throw new AssertionError("No device code appeared in " + file + " in " + seconds + " s");
	}

	private static void waitFor(Path file, String text, int seconds) throws Exception {
		for (int i = 0; i < seconds * 10; i++) {
			if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).contains(text)) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("'" + text + "' did not appear in " + seconds + " s");
	}

	private Run dicomreg(String... args) throws IOException, InterruptedException {
		return dicomregWithInput(null, args);
	}

	private Run dicomregWithInput(Path input, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Ddicomreg.home=" + this.directory.resolve("home")));
		command.addAll(this.jvmOptions);
		command.addAll(List.of("-jar", System.getProperty("dicomreg.jar")));
		command.addAll(List.of(args));
		Path out = this.directory.resolve("out.txt");
		Path err = this.directory.resolve("err.txt");
		Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
			.redirectInput((input != null) ? ProcessBuilder.Redirect.from(input.toFile())
					: ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
			.start();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("dicomreg finished in time").isTrue();
		return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
	}

	private record Run(int exitCode, String out, String err) {
	}

}
