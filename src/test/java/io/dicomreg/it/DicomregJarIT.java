package io.dicomreg.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.it.ProcessRunner.Run;
import io.dicomreg.sandbox.Sandbox;
import io.dicomreg.sandbox.SandboxInspector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the packaged jar as separate processes, one-shot, and checks output and exit codes.
 * <p>Each test has its own folder, home and tenant, so they run concurrently.
 */
@Execution(ExecutionMode.CONCURRENT)
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
		String input = "help\nwhoami\napp register --name \"DICOM client\" --bogus\nlogin\nwhoami\n"
				+ "app register --name DICOM\\ client\\ \\!\\!\nexit\n";

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

			Run login = dicomreg("--authority-host", host, "--graph-endpoint", server.graphEndpoint().toString(), "login",
					"--tenant", server.tenantDomain());
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
		PseudoTerminal.assumeAvailable();
		String state = this.directory.resolve("tenant.json").toString();
		assertThat(dicomreg("--sandbox-state", state, "login").exitCode()).isZero();
		assertThat(dicomreg("--sandbox-state", state, "app", "register", "--name", "DICOM client").exitCode()).isZero();
		assertThat(dicomreg("--sandbox-state", state, "app", "register", "--name", "other app").exitCode()).isZero();

		String screen;
		try (PseudoTerminal terminal = PseudoTerminal.dicomreg(this.directory, this.directory.resolve("home"), 150, 40,
				"--sandbox-state", state)) {
			// Each step waits for the completed line, then for the last row the command prints and the next prompt.
			terminal.expect("> ");
			terminal.type("app use DICOM\t").expect("app use DICOM\\ client").type("\r").expect("Object ID").expect("(DICOM client)> ");
			terminal.type("app show --app \"DI\t").expect("app show --app \"DICOM client\"").type("\r").expect("API permissions")
				.expect("(DICOM client)> ");
			terminal.type("app ids --app 'DI\t").expect("app ids --app 'DICOM client'").type("\r").expect("Authority")
				.expect("(DICOM client)> ");
			terminal.type("permission add --resource-app 'Azure API for DICOM' --scope Di\t")
				.expect("--scope Dicom.ReadWrite")
				.type("\r")
				.expect("Changed")
				.expect("(DICOM client)> ");
			terminal.type("exit\r");
			assertThat(terminal.exitCode()).as(terminal.text()).isZero();
			screen = terminal.text();
		}

		assertThat(screen).contains("app use DICOM\\ client")
			.contains("Selected app             DICOM client")
			.contains("app show --app \"DICOM client\"")
			.contains("app ids --app 'DICOM client'")
			.contains("--scope Dicom.ReadWrite")
			.containsPattern("Changed +true")
			.contains("(DICOM client)> ");
	}

	private Run dicomreg(String... args) {
		return ProcessRunner.dicomreg(this.directory.resolve("home"), this.jvmOptions, args).run();
	}

	private Run dicomregWithInput(String input, String... args) {
		return ProcessRunner.dicomreg(this.directory.resolve("home"), this.jvmOptions, args).input(input).run();
	}

}
