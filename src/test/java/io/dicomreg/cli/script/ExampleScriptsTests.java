package io.dicomreg.cli.script;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.sandbox.SandboxInspector;
import io.dicomreg.support.TestShell;
import io.dicomreg.support.TestShell.Result;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays each example of docs/examples against a fresh sandbox tenant: a dry run first (no write,
 * the plan printed), then the replay (the tutorial's application), then a second replay that
 * changes nothing and sends Graph no write.
 */
class ExampleScriptsTests {

	private static final Path EXAMPLES = Path.of("docs/examples");

	private static final String DICOM_API = "75e725bf-66ce-4cea-9b9a-5c4caae57f33";

	@TempDir
	Path directory;

	@Test
	void theConfidentialClientWithACertificate() throws IOException {
		replayTwice("confidential-client-certificate.dicomreg", List.of("--var", "CERT=" + this.directory.resolve("web")),
				List.of("would register 'DICOM web client'",
						"would add redirect URI https://localhost:5001/signin-oidc to web (Web)",
						"would make a self-signed certificate for CN=dicom-web-client",
						"would upload the certificate in " + this.directory.resolve("web") + ".crt",
						"would add the API permission(s) Dicom.ReadWrite (delegated) of 'Azure API for DICOM'"),
				app -> {
					assertThat(app.get("uniqueName").asText()).isEqualTo("dicom-web-client");
					assertThat(app.get("signInAudience").asText()).isEqualTo("AzureADMyOrg");
					assertThat(app.get("isFallbackPublicClient").asBoolean()).isFalse();
					assertThat(app.at("/web/redirectUris/0").asText()).isEqualTo("https://localhost:5001/signin-oidc");
					assertThat(app.get("keyCredentials")).hasSize(1);
					assertThat(app.get("passwordCredentials")).isEmpty();
					assertThat(app.at("/requiredResourceAccess/0/resourceAppId").asText()).isEqualTo(DICOM_API);
				});
	}

	@Test
	void thePostmanPublicClient() throws IOException {
		Path secret = this.directory.resolve("postman-secret.txt");
		replayTwice("postman-public-client.dicomreg", List.of("--var", "SECRET_FILE=" + secret),
				List.of("would register 'DICOM Postman client'", "would turn 'Allow public client flows' on",
						"would add redirect URI https://www.getpostman.com/oauth2/callback to publicClient",
						"would add a client secret 'Postman'", "would add the API permission(s) Dicom.ReadWrite"),
				app -> {
					assertThat(app.get("uniqueName").asText()).isEqualTo("dicom-postman");
					assertThat(app.get("isFallbackPublicClient").asBoolean()).isTrue();
					assertThat(app.at("/publicClient/redirectUris/0").asText())
						.isEqualTo("https://www.getpostman.com/oauth2/callback");
					assertThat(app.get("passwordCredentials")).hasSize(1);
					assertThat(app.at("/requiredResourceAccess/0/resourceAppId").asText()).isEqualTo(DICOM_API);
				});
		assertThat(Files.readString(secret).strip()).hasSizeGreaterThan(30);
	}

	private void replayTwice(String example, List<String> variables, List<String> planned, Consumer<JsonNode> expected)
			throws IOException {
		Path state = this.directory.resolve("tenant.json");
		Path log = this.directory.resolve("requests.log");
		TestShell shell = new TestShell(this.directory.resolve("home"), "--sandbox-state", state.toString(), "--sandbox-log",
				log.toString());
		assertThat(shell.run("login").exitCode()).isZero();
		String script = EXAMPLES.resolve(example).toString();

		Result dryRun = run(shell, variables, "script", script, "--dry-run");
		assertThat(dryRun.exitCode()).as(dryRun.all()).isZero();
		assertThat(dryRun.out()).contains(planned.stream().map(change -> "Dry run: " + change).toList())
			.contains("Dry run: nothing was changed.");
		assertThat(graphWrites(log)).isZero();
		assertThat(applications(state)).isEmpty();

		Result replay = run(shell, variables, "script", script);
		assertThat(replay.exitCode()).as(replay.all()).isZero();
		assertThat(replay.out()).contains(" failed.").doesNotContain("0 changed");
		assertThat(applications(state)).singleElement().satisfies(expected::accept);
		long written = graphWrites(log);
		assertThat(written).isPositive();

		Result again = run(shell, variables, "@" + script);
		assertThat(again.exitCode()).as(again.all()).isZero();
		assertThat(again.out()).containsPattern(": (\\d+) of \\1 line\\(s\\) run: 0 changed, \\1 unchanged, 0 failed\\.");
		assertThat(graphWrites(log)).isEqualTo(written);
		assertThat(applications(state)).singleElement().satisfies(expected::accept);
	}

	private static Result run(TestShell shell, List<String> variables, String... words) {
		List<String> all = new java.util.ArrayList<>(List.of(words));
		all.addAll(variables);
		return shell.run(all.toArray(String[]::new));
	}

	private static List<JsonNode> applications(Path state) {
		try (ConnectionTarget target = new ConnectionTarget(true, state, AzureCloud.AzureCloud, null, null)) {
			return SandboxInspector.of(target.sandbox()).tenant().applications();
		}
	}

	private static long graphWrites(Path log) throws IOException {
		return Files.exists(log) ? Files.readAllLines(log).stream().filter(line -> line.endsWith(" graph-write")).count() : 0;
	}

}
