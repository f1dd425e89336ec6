package io.dicomreg.cli;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.support.TestShell;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code verify} one-shot: JSON with every link, exit 0 only when the DICOM service answered, and a broken link
 * reported in one Error line with its fix.
 */
class VerifyCommandsTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path directory;

	@Test
	void verifiedThenBrokenByRemovingTheRole() throws Exception {
		TestShell shell = new TestShell(this.directory.resolve("home"), "--sandbox-state",
				this.directory.resolve("tenant.json").toString());
		Path secret = this.directory.resolve("secret.txt");
		for (String[] command : new String[][] { { "login" }, { "app", "register", "--name", "viewer" },
				{ "secret", "add", "--save-to", secret.toString() }, { "role", "assign", "--role", "reader", "--dicom", "dicom1" } }) {
			assertThat(shell.run(command).exitCode()).as(String.join(" ", command)).isZero();
		}

		TestShell.Result verified = shell.run("--output", "json", "verify", "--dicom", "dicom1", "--secret-file",
				secret.toString(), "--wait", "2m");

		assertThat(verified.exitCode()).as(verified.all()).isZero();
		JsonNode links = JSON.readTree(verified.out());
		assertThat(links).extracting(link -> link.path("link").asText() + ":" + link.path("status").asText())
			.containsExactly("Application:ok", "Service principal:ok", "Credential:ok", "Token for the DICOM service:ok",
					"DICOM role:ok", "DICOM service:ok");
		assertThat(verified.all()).doesNotContain(java.nio.file.Files.readString(secret).strip());

		assertThat(shell.run("role", "remove", "--role", "reader", "--dicom", "dicom1").exitCode()).isZero();
		TestShell.Result broken = shell.run("verify", "--dicom", "dicom1", "--secret-file", secret.toString());

		assertThat(broken.exitCode()).isEqualTo(1);
		assertThat(broken.out()).contains("DICOM role").contains("failed");
		assertThat(broken.err().lines()).singleElement().asString()
			.startsWith("Error: Not verified: DICOM role: no DICOM Data Owner or Reader covers contosohealth/dicom1 for ")
			.contains("Fix: role assign --role reader --dicom contosohealth/dicom1 --assignee ");
	}

}
