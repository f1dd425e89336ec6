package io.dicomreg.cli.script;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.support.TestShell;
import io.dicomreg.support.TestShell.Result;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command that changes an application, run with {@code --dry-run} against a tenant where it
 * would change something: each says what it would do, and neither Graph (counted in the sandbox's
 * request log) nor the file system sees a write.
 */
class DryRunEveryCommandTests {

	private static final String POSTMAN = "https://www.getpostman.com/oauth2/callback";

	private static final String GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";

	@TempDir
	Path directory;

	@Test
	void noCommandWritesInADryRun() throws Exception {
		Path state = this.directory.resolve("tenant.json");
		Path log = this.directory.resolve("requests.log");
		TestShell shell = new TestShell(this.directory.resolve("home"), "--sandbox-state", state.toString(), "--sandbox-log",
				log.toString());
		ok(shell, "login");
		ok(shell, "app", "register", "--name", "x", "--unique-name", "x");
		ok(shell, "auth", "platform", "add", "mobile-desktop", "--postman");
		String keyId = new ObjectMapper()
			.readTree(ok(shell, "secret", "add", "--description", "kept", "--show-secret", "--output", "json").out())
			.get("keyId").asText();
		Path certificate = this.directory.resolve("kept");
		ok(shell, "cert", "create", "--subject", "CN=kept", "--out", certificate.toString());
		String thumbprint = new ObjectMapper()
			.readTree(ok(shell, "cert", "upload", "--file", certificate + ".crt", "--output", "json").out())
			.get("thumbprint").asText();
		Path other = this.directory.resolve("other");
		ok(shell, "cert", "create", "--subject", "CN=other", "--out", other.toString());
		ok(shell, "permission", "add", "--resource-app", GRAPH_APP_ID, "--scope", "User.Read");
		byte[] tenantBefore = Files.readAllBytes(state);
		long writesBefore = graphWrites(log);

		List<List<String>> commands = List.of(
				List.of("app", "register", "--name", "y", "--unique-name", "y"),
				List.of("auth", "public-client", "on"),
				List.of("auth", "platform", "add", "web", "--redirect-uri", "https://viewer.example.com/signin"),
				List.of("auth", "redirect", "remove", POSTMAN),
				List.of("secret", "add", "--description", "new", "--save-to", this.directory.resolve("new.txt").toString()),
				List.of("secret", "remove", keyId),
				List.of("cert", "create", "--subject", "CN=new", "--out", this.directory.resolve("new").toString()),
				List.of("cert", "upload", "--file", other + ".crt"),
				List.of("cert", "remove", thumbprint),
				List.of("permission", "add-dicom"),
				List.of("permission", "add", "--resource-app", GRAPH_APP_ID, "--role", "Application.Read.All"),
				List.of("permission", "remove", "--resource-app", GRAPH_APP_ID, "--scope", "User.Read"),
				List.of("app", "delete", "--app", "x", "--yes"));
		for (List<String> command : commands) {
			List<String> words = new java.util.ArrayList<>(command);
			words.add("--dry-run");
			Result result = shell.run(words.toArray(String[]::new));
			assertThat(result.exitCode()).as(String.join(" ", command) + "\n" + result.all()).isZero();
			assertThat(result.out()).as(String.join(" ", command)).startsWith("Dry run: would ");
		}

		assertThat(graphWrites(log)).isEqualTo(writesBefore);
		assertThat(Files.readAllBytes(state)).isEqualTo(tenantBefore);
		assertThat(this.directory.resolve("new.txt")).doesNotExist();
		assertThat(this.directory.resolve("new.crt")).doesNotExist();
		assertThat(this.directory.resolve("new.key")).doesNotExist();
		assertThat(ok(shell, "whoami").out()).contains("x");
	}

	private static Result ok(TestShell shell, String... words) {
		Result result = shell.run(words);
		assertThat(result.exitCode()).as(String.join(" ", words) + "\n" + result.all()).isZero();
		return result;
	}

	private static long graphWrites(Path log) throws IOException {
		return Files.readAllLines(log).stream().filter(line -> line.endsWith(" graph-write")).count();
	}

}
