package io.dicomreg.reliability;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.support.TestShell;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sign-in that fails changes nothing of the current context: the selected application stays.
 */
class FailedLoginTests {

	@TempDir
	Path directory;

	@Test
	void aFailedLoginKeepsTheSelectedAppAndASuccessfulOneForgetsIt() {
		TestShell shell = new TestShell(this.directory.resolve("home"), "--sandbox-state",
				this.directory.resolve("tenant.json").toString());
		assertThat(shell.run("login").exitCode()).isZero();
		assertThat(shell.run("app", "register", "--name", "kept").exitCode()).isZero();

		TestShell.Result failed = shell.run("login", "--service-principal", "--tenant", "contoso.onmicrosoft.com",
				"--client-id", "0f8fad5b-d9cb-469f-a165-70867728950e", "--secret-env", "NO_SUCH_VARIABLE_OF_DICOMREG");
		TestShell.Result afterFailure = shell.run("whoami");

		assertThat(failed.exitCode()).isNotZero();
		assertThat(afterFailure.out()).containsPattern("Selected app +kept \\(");
		assertThat(shell.run("login").exitCode()).isZero();
		assertThat(shell.run("whoami").out()).containsPattern("Selected app +\\R");
	}

}
