package io.dicomreg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.support.TestShell;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code app export}: the env file loads in sh, the Postman environment has exactly the workshop's keys, the MSAL
 * config names the app, and no secret is in any of them unless {@code --include-secret-from} names its file (then
 * the file is 0600); searched in every file and output.
 */
class ExportCommandsTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path directory;

	private TestShell shell;

	private Path secretFile;

	private final List<String> outputs = new ArrayList<>();

	@BeforeEach
	void registerWithASecret() {
		this.shell = new TestShell(this.directory.resolve("home"), "--sandbox-state",
				this.directory.resolve("tenant.json").toString());
		this.secretFile = this.directory.resolve("secret.txt");
		assertThat(run("login").exitCode()).isZero();
		assertThat(run("app", "register", "--name", "viewer").exitCode()).isZero();
		assertThat(run("secret", "add", "--save-to", this.secretFile.toString()).exitCode()).isZero();
	}

	@Test
	void theEnvFileSetsAzureIdentitysVariablesInSh() throws Exception {
		Path env = this.directory.resolve("viewer.env");
		TestShell.Result export = run("app", "export", "--format", "env", "--dicom", "dicom1", "--out", env.toString());
		assertThat(export.exitCode()).as(export.all()).isZero();
		JsonNode ids = JSON.readTree(run("--output", "json", "app", "ids").out());

		Process sh = new ProcessBuilder("sh", "-c", "set -a; . " + env + "; set +a; "
				+ "echo \"$AZURE_TENANT_ID|$AZURE_CLIENT_ID|$DICOM_SERVICE_URL|$DICOM_SCOPE|${AZURE_CLIENT_SECRET-unset}\"")
			.redirectErrorStream(true)
			.start();
		String shown = new String(sh.getInputStream().readAllBytes()).strip();
		assertThat(sh.waitFor()).as(shown).isZero();

		assertThat(withoutPort(shown).split("\\|")).containsExactly(ids.path("tenantId").asText(), ids.path("appId").asText(),
				serviceUrl(), "https://dicom.healthcareapis.azure.com/.default", "unset");
		assertNoSecretAnywhere();
	}

	@Test
	void thePostmanEnvironmentHasExactlyTheWorkshopsKeys() throws Exception {
		Path file = this.directory.resolve("viewer.postman_environment.json");
		assertThat(run("app", "export", "--format", "postman", "--dicom", "dicom1", "--api-version", "v1", "--out",
				file.toString()).exitCode()).isZero();

		JsonNode environment = JSON.readTree(file.toFile());
		assertThat(environment.path("_postman_variable_scope").asText()).isEqualTo("environment");
		assertThat(environment.path("values")).extracting(value -> value.path("key").asText())
			.containsExactly("tenantId", "clientId", "clientSecret", "bearerToken", "resource", "baseUrl");
		assertThat(withoutPort(value(environment, "baseUrl"))).isEqualTo(serviceUrl() + "/v1");
		assertThat(value(environment, "resource")).isEqualTo("https://dicom.healthcareapis.azure.com");
		assertThat(value(environment, "clientSecret")).isEmpty();
		assertThat(environment.path("values")).allSatisfy(v -> assertThat(v.path("enabled").asBoolean()).isTrue());
		assertNoSecretAnywhere();
	}

	@Test
	void theMsalConfigNamesTheAppAndItsAuthority() throws Exception {
		TestShell.Result printed = run("app", "export", "--format", "msal");

		assertThat(printed.exitCode()).as(printed.all()).isZero();
		JsonNode config = JSON.readTree(printed.out());
		JsonNode ids = JSON.readTree(run("--output", "json", "app", "ids").out());
		assertThat(config.path("client_id").asText()).isEqualTo(ids.path("appId").asText());
		assertThat(withoutPort(config.path("authority").asText())).isEqualTo(withoutPort(ids.path("authority").asText()));
		assertThat(config.path("scopes")).extracting(JsonNode::asText)
			.containsExactly("https://dicom.healthcareapis.azure.com/.default");
		assertNoSecretAnywhere();
	}

	@Test
	void aSecretGoesOnlyIntoAFileNamedForItReadableByItsOwnerAlone() throws Exception {
		String secret = Files.readString(this.secretFile).strip();
		Path env = this.directory.resolve("with-secret.env");

		TestShell.Result toScreen = run("app", "export", "--format", "postman", "--include-secret-from",
				this.secretFile.toString());
		TestShell.Result toFile = run("app", "export", "--format", "env", "--include-secret-from",
				this.secretFile.toString(), "--out", env.toString());
		TestShell.Result again = run("app", "export", "--format", "env", "--out", env.toString());

		assertThat(toScreen.exitCode()).isEqualTo(2);
		assertThat(toScreen.err()).contains("--include-secret-from needs --out FILE");
		assertThat(toFile.exitCode()).as(toFile.all()).isZero();
		assertThat(Files.readString(env)).contains("AZURE_CLIENT_SECRET='" + secret + "'");
		assertThat(Files.getPosixFilePermissions(env)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(again.exitCode()).isEqualTo(2);
		assertThat(again.err()).contains("already exists: dicomreg never overwrites it");
		for (String output : this.outputs) {
			assertThat(output).doesNotContain(secret);
		}
	}

	/** The service URL, without the port: each one-shot run starts its own sandbox on a port of its own. */
	private String serviceUrl() throws Exception {
		return withoutPort(JSON.readTree(run("--output", "json", "dicom", "list").out()).get(0).path("serviceUrl").asText());
	}

	private static String withoutPort(String text) {
		return text.replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT");
	}

	private static String value(JsonNode environment, String key) {
		for (JsonNode value : environment.path("values")) {
			if (value.path("key").asText().equals(key)) {
				return value.path("value").asText();
			}
		}
		throw new AssertionError("no " + key);
	}

	private TestShell.Result run(String... words) {
		TestShell.Result result = this.shell.run(words);
		this.outputs.add(result.all());
		return result;
	}

	/** The secret is only in its own file: not in any export, output, the state or the home. */
	private void assertNoSecretAnywhere() throws Exception {
		String secret = Files.readString(this.secretFile).strip();
		assertThat(secret).hasSizeGreaterThan(20);
		try (var files = Files.walk(this.directory)) {
			for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.equals(this.secretFile)).toList()) {
				assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
					.as(file.toString()).doesNotContain(secret);
			}
		}
		for (String output : this.outputs) {
			assertThat(output).doesNotContain(secret);
		}
	}

}
