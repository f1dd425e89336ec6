package io.dicomreg.tutorial;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.sandbox.SandboxInspector;
import io.dicomreg.support.TestShell;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole tutorial "Register a client application for the DICOM service" as one-shot commands
 * against a sandbox tenant kept in a state file, then a look at the resulting application.
 */
class TutorialOneShotTests {

	private static final String POSTMAN = "https://www.getpostman.com/oauth2/callback";

	private static final String DICOM_APP_ID = "75e725bf-66ce-4cea-9b9a-5c4caae57f33";

	private static final String DICOM_READ_WRITE = "e69ab058-b8ae-4c0f-b687-5d97888ddccb";

	@TempDir
	Path directory;

	@Test
	void theWholeTutorialInOneShotCommands() throws Exception {
		Path state = this.directory.resolve("tenant.json");
		TestShell shell = new TestShell(this.directory.resolve("home"), "--sandbox-state", state.toString());
		Path secretFile = this.directory.resolve("secret.txt");
		String certificates = this.directory.resolve("dicom-client").toString();

		List<TestShell.Result> runs = new ArrayList<>();
		runs.add(shell.run("login"));
		runs.add(shell.run("app", "register", "--name", "DICOM client", "--unique-name", "dicom-client"));
		runs.add(shell.run("app", "ids"));
		runs.add(shell.run("auth", "public-client", "on"));
		runs.add(shell.run("auth", "platform", "add", "mobile-desktop", "--postman"));
		runs.add(shell.run("secret", "add", "--description", "DICOM client secret", "--save-to", secretFile.toString()));
		runs.add(shell.run("cert", "create", "--subject", "CN=dicom-client", "--out", certificates));
		runs.add(shell.run("cert", "upload", "--file", certificates + ".crt"));
		runs.add(shell.run("permission", "add-dicom"));
		assertThat(runs).allSatisfy(run -> assertThat(run.exitCode()).as(run.all()).isZero());

		String appId = new ObjectMapper().readTree(shell.run("app", "ids", "--output", "json").out()).get("appId").asText();
		try (ConnectionTarget target = new ConnectionTarget(true, state, AzureCloud.AzureCloud, null, null)) {
			JsonNode app = SandboxInspector.of(target.sandbox()).tenant().applicationByAppId(appId).orElseThrow();
			assertThat(app.get("signInAudience").asText()).isEqualTo("AzureADMyOrg");
			assertThat(app.get("isFallbackPublicClient").asBoolean()).isTrue();
			assertThat(app.at("/publicClient/redirectUris")).extracting(JsonNode::asText).containsExactly(POSTMAN);
			assertThat(app.get("passwordCredentials")).hasSize(1);
			assertThat(app.get("keyCredentials")).hasSize(1);
			assertThat(app.get("requiredResourceAccess")).singleElement().satisfies(resource -> {
				assertThat(resource.get("resourceAppId").asText()).isEqualTo(DICOM_APP_ID);
				assertThat(resource.get("resourceAccess")).singleElement().satisfies(access -> {
					assertThat(access.get("id").asText()).isEqualTo(DICOM_READ_WRITE);
					assertThat(access.get("type").asText()).isEqualTo("Scope");
				});
			});
		}
		assertThat(Files.getPosixFilePermissions(secretFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
	}

}
