package io.dicomreg.tutorial;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

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
 * Nothing the user did not name is ever wiped: two secrets, two certificates and an existing API
 * permission survive every other command of the tutorial.
 */
class AdditivityTests {

	private static final String GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";

	private static final String USER_READ = "e1fe6dd8-ba31-4d61-89e7-88639da4683d";

	@TempDir
	Path directory;

	private TestShell shell;

	private Path state;

	@Test
	void existingCredentialsAndPermissionsSurviveEveryOtherCommand() throws Exception {
		this.state = this.directory.resolve("tenant.json");
		this.shell = new TestShell(this.directory.resolve("home"), "--sandbox-state", this.state.toString());
		ok("login");
		String appId = json("app", "register", "--name", "additive").get("appId").asText();
		List<String> secrets = List.of(addSecret("first"), addSecret("second"));
		List<String> certificates = List.of(addCertificate("one"), addCertificate("two"));
		ok("permission", "add", "--resource-app", GRAPH_APP_ID, "--scope", "User.Read");
		assertSurvivors(appId, secrets, certificates);

		List<String[]> others = new ArrayList<>();
		others.add(new String[] { "auth", "public-client", "on" });
		others.add(new String[] { "auth", "public-client", "off" });
		others.add(new String[] { "auth", "platform", "add", "web", "--redirect-uri", "https://localhost:5001/callback" });
		others.add(new String[] { "auth", "platform", "add", "mobile-desktop", "--postman" });
		others.add(new String[] { "auth", "platform", "add", "spa", "--redirect-uri", "https://viewer.contoso.com" });
		others.add(new String[] { "auth", "redirect", "remove", "https://localhost:5001/callback" });
		others.add(new String[] { "permission", "add-dicom" });
		others.add(new String[] { "permission", "remove", "--resource-app", "Azure API for DICOM", "--scope", "Dicom.ReadWrite" });
		others.add(new String[] { "app", "show" });
		others.add(new String[] { "app", "ids" });
		for (String[] command : others) {
			ok(command);
			assertSurvivors(appId, secrets, certificates);
		}

		String third = addSecret("third");
		assertSurvivors(appId, secrets, certificates);
		ok("secret", "remove", third);
		assertSurvivors(appId, secrets, certificates);

		String thirdCertificate = addCertificate("three");
		assertSurvivors(appId, secrets, certificates);
		ok("cert", "remove", thirdCertificate);
		assertSurvivors(appId, secrets, certificates);
	}

	private String addSecret(String description) throws Exception {
		return json("secret", "add", "--description", description, "--save-to",
				this.directory.resolve(description + ".secret").toString()).get("keyId").asText();
	}

	private String addCertificate(String name) throws Exception {
		String prefix = this.directory.resolve(name).toString();
		ok("cert", "create", "--subject", "CN=" + name, "--out", prefix);
		return json("cert", "upload", "--file", prefix + ".crt").get("keyId").asText();
	}

	private void assertSurvivors(String appId, List<String> secrets, List<String> certificates) {
		try (ConnectionTarget target = new ConnectionTarget(true, this.state, AzureCloud.AzureCloud, null, null)) {
			JsonNode app = SandboxInspector.of(target.sandbox()).tenant().applicationByAppId(appId).orElseThrow();
			assertThat(keyIds(app.get("passwordCredentials"))).containsAll(secrets);
			assertThat(keyIds(app.get("keyCredentials"))).containsAll(certificates);
			assertThat(app.get("requiredResourceAccess").toString()).contains(GRAPH_APP_ID).contains(USER_READ);
		}
	}

	private static List<String> keyIds(JsonNode credentials) {
		return StreamSupport.stream(credentials.spliterator(), false).map(credential -> credential.get("keyId").asText())
			.toList();
	}

	private void ok(String... words) {
		TestShell.Result result = this.shell.run(words);
		assertThat(result.exitCode()).as(String.join(" ", words) + ": " + result.all()).isZero();
	}

	private JsonNode json(String... words) throws Exception {
		String[] withJson = java.util.Arrays.copyOf(words, words.length + 2);
		withJson[words.length] = "--output";
		withJson[words.length + 1] = "json";
		TestShell.Result result = this.shell.run(withJson);
		assertThat(result.exitCode()).as(String.join(" ", words) + ": " + result.all()).isZero();
		return new ObjectMapper().readTree(result.out());
	}

}
