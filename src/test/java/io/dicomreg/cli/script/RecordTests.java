package io.dicomreg.cli.script;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.sandbox.SandboxInspector;
import io.dicomreg.support.TerminalSession;
import io.dicomreg.support.TestShell;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code record start} / {@code record stop} typed in the shell: the recorded script holds the
 * commands that succeeded, no secret value, and replays to the same application in a fresh tenant.
 */
class RecordTests {

	private static final Pattern SECRET_VALUE = Pattern.compile("Value +(\\S+)");

	@TempDir
	Path directory;

	@Test
	void aRecordedSessionReplaysToTheSameResultAndHoldsNoSecret() throws Exception {
		Path recorded = this.directory.resolve("session.dicomreg");
		String screen;
		try (TerminalSession shell = TerminalSession.start(this.directory.resolve("home"), "--sandbox-state",
				this.directory.resolve("tenant.json").toString())) {
			shell.expect(">").enter("login").expect("Account").expect(">");
			shell.enter("record start " + recorded).expect("Recording to").expect(">");
			shell.enter("app register --name \"Recorded client\" --unique-name recorded-client").expect("Changed").expect(">");
			shell.enter("auth public-client on").expect("Changed").expect(">");
			shell.enter("secret add --description recorded").expect("Warning: copy the value now").expect(">");
			shell.enter("app regster --name typo").expect("Unknown command").expect(">");
			shell.enter("help app ids").expect("Usage").expect(">");
			shell.enter("auth platform add mobile-desktop --postman --dry-run").expect("Dry run: would").expect(">");
			shell.enter("record stop").expect("Commands").expect(">");
			shell.enter("app ids").expect("Authority").expect(">").enter("exit");
			assertThat(shell.exitCode()).isZero();
			screen = shell.text();
		}
		Matcher value = SECRET_VALUE.matcher(screen);
		assertThat(value.find()).isTrue();
		String secret = value.group(1);

		List<String> commands = Files.readAllLines(recorded).stream().filter(line -> !line.isBlank() && !line.startsWith("#"))
			.toList();
		assertThat(commands).containsExactly("app register --name \"Recorded client\" --unique-name recorded-client",
				"auth public-client on", "secret add --description recorded");
		assertThat(Files.readString(recorded)).doesNotContain(secret);

		Path otherTenant = this.directory.resolve("other-tenant.json");
		TestShell replay = new TestShell(this.directory.resolve("other-home"), "--sandbox-state", otherTenant.toString());
		assertThat(replay.run("login").exitCode()).isZero();
		TestShell.Result result = replay.run("script", recorded.toString());
		assertThat(result.exitCode()).as(result.all()).isZero();
		try (ConnectionTarget target = new ConnectionTarget(true, otherTenant, AzureCloud.AzureCloud, null, null)) {
			assertThat(SandboxInspector.of(target.sandbox()).tenant().applications()).singleElement().satisfies((JsonNode app) -> {
				assertThat(app.get("displayName").asText()).isEqualTo("Recorded client");
				assertThat(app.get("isFallbackPublicClient").asBoolean()).isTrue();
				assertThat(app.at("/passwordCredentials/0/displayName").asText()).isEqualTo("recorded");
			});
		}
	}

	@Test
	void aScriptRunsInTheShellToo() throws Exception {
		Path script = Files.write(this.directory.resolve("setup.dicomreg"), List.of("# typed at the prompt",
				"app register --name \"Shell client\" --unique-name shell-client", "auth public-client on"));
		try (TerminalSession shell = TerminalSession.start(this.directory.resolve("home"), "--sandbox-state",
				this.directory.resolve("tenant.json").toString())) {
			shell.expect(">").enter("login").expect("Account").expect(">");
			shell.enter("script " + script).expect(script + ": 2 of 2 line(s) run: 2 changed, 0 unchanged, 0 failed.");
			shell.expect("(Shell client)>").enter("script " + script + " --dry-run");
			shell.expect(script + ": 2 of 2 line(s) run: 0 would change, 2 unchanged, 0 failed. Dry run: nothing was changed.");
			shell.expect(">").enter("exit");
			assertThat(shell.exitCode()).isZero();
		}
	}

	@Test
	void recordIsForTheInteractiveShell() {
		TestShell.Result result = new TestShell(this.directory.resolve("home"), "--sandbox").run("record", "start", "x");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("'record' works in the interactive shell, where commands are typed.");
	}

}
