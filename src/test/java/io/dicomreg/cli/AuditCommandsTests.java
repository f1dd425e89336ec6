package io.dicomreg.cli;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.support.TestShell;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code app audit}: each finding with the command that fixes it, exit 1 only for errors, and a clean app.
 */
class AuditCommandsTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path directory;

	private TestShell shell;

	@BeforeEach
	void signIn() {
		this.shell = new TestShell(this.directory.resolve("home"), "--sandbox-state",
				this.directory.resolve("tenant.json").toString());
		assertThat(this.shell.run("login").exitCode()).isZero();
	}

	@Test
	void anAppReadyForDicomHasNoFinding() throws Exception {
		for (String[] command : new String[][] { { "app", "register", "--name", "ready" },
				{ "secret", "add", "--save-to", this.directory.resolve("s.txt").toString() }, { "permission", "add-dicom" },
				{ "permission", "grant" }, { "role", "assign", "--role", "reader", "--dicom", "dicom1" } }) {
			assertThat(this.shell.run(command).exitCode()).as(String.join(" ", command)).isZero();
		}

		TestShell.Result audit = this.shell.run("--output", "json", "app", "audit");

		assertThat(audit.exitCode()).as(audit.all()).isZero();
		assertThat(JSON.readTree(audit.out())).isEmpty();
		assertThat(this.shell.run("app", "audit").out()).contains("1 app(s) audited: 0 error(s), 0 warning(s).");
	}

	@Test
	void findingsSayWhatFixesThemAndAnErrorExitsOne() throws Exception {
		assertThat(this.shell.run("app", "register", "--name", "no-sp", "--no-service-principal").exitCode()).isZero();
		assertThat(this.shell.run("app", "register", "--name", "half-done").exitCode()).isZero();
		assertThat(this.shell.run("secret", "add", "--save-to", this.directory.resolve("s.txt").toString()).exitCode())
			.isZero();
		assertThat(this.shell.run("auth", "public-client", "on").exitCode()).isZero();
		assertThat(this.shell.run("permission", "add-dicom").exitCode()).isZero();

		TestShell.Result audit = this.shell.run("--output", "json", "app", "audit", "--all", "--within", "400d");

		assertThat(audit.exitCode()).isEqualTo(1);
		JsonNode findings = JSON.readTree(audit.out());
		assertThat(findings).extracting(f -> f.path("app").asText() + ": " + f.path("severity").asText() + ": "
				+ f.path("fix").asText().replaceAll(" --app \\S+| --assignee \\S+", "").replaceAll("remove \\S+", "remove ID"))
			.containsExactlyInAnyOrder("no-sp: error: app sp create",
					"half-done: warning: secret add --save-to FILE, then secret remove ID",
					"half-done: warning: auth public-client off",
					"half-done: warning: permission grant",
					"half-done: warning: role assign --role reader --dicom SERVICE");
		assertThat(this.shell.run("app", "audit", "--app", "half-done").exitCode()).isZero();
	}

}
