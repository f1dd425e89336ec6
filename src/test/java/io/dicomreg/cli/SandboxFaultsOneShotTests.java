package io.dicomreg.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.support.TestShell;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --sandbox-faults}: the sandbox a run starts answers chosen requests with faults, and dicomreg's Graph
 * client copes as it would with Graph; a bad SPEC stops the run before anything starts.
 */
class SandboxFaultsOneShotTests {

	@TempDir
	Path directory;

	@Test
	void registerIsRetriedThroughThrottlingAndRegistersOnce() throws Exception {
		Path state = this.directory.resolve("tenant.json");
		Path log = this.directory.resolve("sandbox.log");
		assertThat(new TestShell(this.directory.resolve("home"), "--sandbox-state", state.toString()).run("login")
			.exitCode()).isZero();
		TestShell faulty = new TestShell(this.directory.resolve("home"), "--sandbox-state", state.toString(),
				"--sandbox-log", log.toString(), "--sandbox-faults",
				"POST /v1.0/applications 429 times=2 retry-after=0; GET /v1.0/applications 503 retry-after=0");

		TestShell.Result register = faulty.run("app", "register", "--name", "Throttled");

		assertThat(register.exitCode()).as(register.all()).isZero();
		assertThat(Files.readAllLines(log)).filteredOn((line) -> line.contains(" /v1.0/applications"))
			.map((line) -> line.substring(line.indexOf(' ') + 1))
			.containsSubsequence("POST /v1.0/applications 429 graph-write", "POST /v1.0/applications 429 graph-write",
					"POST /v1.0/applications 201 graph-write")
			.filteredOn((line) -> line.startsWith("POST")).hasSize(3);
		TestShell.Result list = new TestShell(this.directory.resolve("home"), "--sandbox-state", state.toString())
			.run("app", "list");
		assertThat(list.out()).containsOnlyOnce("Throttled");
	}

	@Test
	void badSpecIsAUsageErrorInOneLineBeforeAnythingRuns() {
		Path state = this.directory.resolve("tenant.json");
		TestShell.Result result = new TestShell(this.directory.resolve("home"), "--sandbox-state", state.toString(),
				"--sandbox-faults", "POST /v1.0/applications 42").run("login");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err().lines()).singleElement().asString().isEqualTo("Error: Invalid value for "
				+ "--sandbox-faults: rule 'POST /v1.0/applications 42': unknown fault '42' (use a status from 400 to "
				+ "599, reset, delay, 404-fresh, 400-unreplicated or kill).");
		assertThat(state).doesNotExist();
	}

	@Test
	void faultsNeedASandbox() {
		TestShell.Result result = new TestShell(this.directory.resolve("home"), "--sandbox-faults",
				"GET /v1.0 503").run("whoami");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err().lines()).singleElement().asString().isEqualTo(
				"Error: --sandbox-faults needs --sandbox or --sandbox-state: it makes the sandbox answer with faults.");
	}

}
