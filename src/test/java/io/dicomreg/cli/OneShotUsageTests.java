package io.dicomreg.cli;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.support.TestShell;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One-shot runs that fail before anything is done: bad usage exits 2, an unavailable command
 * exits 1, and each says in one line what to do.
 */
class OneShotUsageTests {

	@TempDir
	Path home;

	@Test
	void helpListsTheCommandsByGroup() {
		TestShell.Result result = new TestShell(this.home).run("help");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).contains("Sign-in").contains("login").contains("app register");
	}

	@Test
	void commandHelpShowsItsOptions() {
		TestShell.Result result = new TestShell(this.home).run("app", "register", "--help");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).startsWith("Usage: app register --name NAME").contains("(required)");
	}

	@Test
	void unknownCommandExitsTwo() {
		TestShell.Result result = new TestShell(this.home).run("frobnicate");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err().strip()).isEqualTo("Error: Unknown command 'frobnicate'. Run 'help' to list the commands.");
	}

	@Test
	void unknownGlobalOptionExitsTwo() {
		TestShell.Result result = new TestShell(this.home, "--colour").run("whoami");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("Unknown global option '--colour'");
	}

	@Test
	void missingRequiredOptionExitsTwo() {
		TestShell.Result result = new TestShell(this.home, "--sandbox").run("app", "register");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err().lines()).singleElement().asString().contains("--name");
	}

	@Test
	void signedInCommandsSayToLogInFirst() {
		TestShell.Result result = new TestShell(this.home, "--sandbox").run("whoami");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err().strip()).isEqualTo("Error: 'whoami' is not available: you are not signed in. Run 'login' first.");
	}

	@Test
	void secretsAreNeverTakenAsArguments() {
		TestShell.Result result = new TestShell(this.home, "--sandbox").run("login", "--service-principal",
				"--client-id", "x", "--secret", "hunter2");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("Unknown option '--secret'").doesNotContain("hunter2");
	}

	@Test
	void servicePrincipalNeedsExactlyOneCredential() {
		TestShell.Result result = new TestShell(this.home, "--sandbox").run("login", "--service-principal",
				"--client-id", "x", "--secret-env", "A", "--secret-file", "b");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("exactly one of --secret-file, --secret-env or --certificate");
	}

	@Test
	void aLongStrayWordIsRefusedShowingOnlyItsStart() {
		TestShell.Result result = new TestShell(this.home, "--sandbox").run("login", "--service-principal",
				"p@ssw0rd-typed-here", "--client-id", "x");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("'login' takes no arguments: 'p@s...' (19 characters) is neither")
			.doesNotContain("p@ssw0rd");
	}

	@Test
	void secretPastedAsVariableNameIsNotEchoed() {
		TestShell.Result result = new TestShell(this.home, "--sandbox").run("login", "--service-principal",
				"--client-id", "x", "--secret-env", "Xy8Q~abc.def-ghi");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("NAME of an environment variable").doesNotContain("Xy8Q");
	}

	@Test
	void mistypedSubCommandNamesTheChoices() {
		TestShell.Result result = new TestShell(this.home).run("app", "registr", "--name", "x");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("Unknown command 'app registr'").contains("app register");
		assertThat(new TestShell(this.home).run("help", "app").out()).contains("app register");
	}

	@Test
	void emptyOptionValueIsAUsageError() {
		TestShell.Result result = new TestShell(this.home, "--sandbox").run("login", "--tenant=");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err().strip()).isEqualTo("Error: Option --tenant needs a value.");
	}

	@Test
	void endpointWithAPathIsRefused() {
		TestShell.Result result = new TestShell(this.home, "--graph-endpoint", "https://graph.microsoft.com/v1.0")
			.run("whoami");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("host only");
	}

	@Test
	void verboseAddsTheStackTraceOnlyWhenAsked() {
		TestShell.Result quiet = new TestShell(this.home).run("frobnicate");
		TestShell.Result verbose = new TestShell(this.home, "--verbose").run("frobnicate");
		assertThat(quiet.err().lines()).hasSize(1);
		assertThat(verbose.err()).startsWith(quiet.err()).contains("at io.dicomreg.");
	}

	@Test
	void globalHelpPrintsUsage() {
		TestShell.Result result = new TestShell(this.home, "--help").run();
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).contains("--sandbox-state FILE").contains("Exit status: 0 success");
	}

}
