package io.dicomreg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.support.TestShell;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --sandbox-log}: one-shot runs append the requests their sandbox served to one file, so that
 * Graph writes can be counted across runs.
 */
class SandboxLogOneShotTests {

	@TempDir
	Path directory;

	@Test
	void registerAppendsItsGraphWriteAfterTheSignInOfAnEarlierRun() throws Exception {
		Path log = this.directory.resolve("sandbox.log");
		TestShell shell = new TestShell(this.directory.resolve("home"), "--sandbox-state",
				this.directory.resolve("tenant.json").toString(), "--sandbox-log", log.toString());

		TestShell.Result login = shell.run("login");
		assertThat(login.exitCode()).as(login.all()).isZero();
		List<String> afterLogin = Files.readAllLines(log);
		TestShell.Result register = shell.run("app", "register", "--name", "X");
		assertThat(register.exitCode()).as(register.all()).isZero();

		List<String> lines = Files.readAllLines(log);
		assertThat(afterLogin).isNotEmpty().noneMatch(line -> line.endsWith(" graph-write"));
		assertThat(lines).startsWith(afterLogin.toArray(String[]::new));
		assertThat(lines).filteredOn(line -> line.endsWith(" graph-write")).satisfiesExactly(
				line -> assertThat(line).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ POST /v1\\.0/applications 201 graph-write"),
				line -> assertThat(line).matches("\\S+Z POST /v1\\.0/servicePrincipals 201 graph-write"));
		assertThat(lines).allMatch(line -> line.matches("\\S+Z [A-Z]+ /\\S* \\d{3}( graph-write)?"));
	}

	@Test
	void sandboxLogWithoutASandboxIsAUsageError() {
		TestShell.Result result = new TestShell(this.directory.resolve("home"), "--sandbox-log",
				this.directory.resolve("sandbox.log").toString()).run("whoami");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err().lines()).singleElement().asString()
			.isEqualTo("Error: --sandbox-log needs --sandbox or --sandbox-state: it records the requests the sandbox serves.");
		assertThat(this.directory.resolve("sandbox.log")).doesNotExist();
	}

	@Test
	void aLogInAMissingDirectoryFailsInOneLine() {
		Path log = this.directory.resolve("missing").resolve("sandbox.log");
		TestShell.Result result = new TestShell(this.directory.resolve("home"), "--sandbox-state",
				this.directory.resolve("tenant.json").toString(), "--sandbox-log", log.toString()).run("login");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err().lines()).singleElement().asString()
			.isEqualTo("Error: Cannot write the sandbox log " + log + " (its directory does not exist).");
	}

}
