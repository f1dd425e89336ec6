package io.dicomreg.cli.script;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.sandbox.SandboxInspector;
import io.dicomreg.support.TestShell;
import io.dicomreg.support.TestShell.Result;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code script FILE} one-shot against a sandbox tenant kept in a state file, with the sandbox's
 * request log to count Graph writes: the format, the check before anything runs, failures, and
 * dry runs.
 */
class ScriptCommandsTests {

	@TempDir
	Path directory;

	private Path state;

	private Path log;

	private TestShell shell;

	@BeforeEach
	void signIn() {
		this.state = this.directory.resolve("tenant.json");
		this.log = this.directory.resolve("requests.log");
		this.shell = new TestShell(this.directory.resolve("home"), "--sandbox-state", this.state.toString(), "--sandbox-log",
				this.log.toString());
		assertThat(this.shell.run("login").exitCode()).isZero();
	}

	@Test
	void commentsContinuationQuotingAndVariablesReachTheCommandsAsWritten() throws IOException {
		Path script = script("setup.dicomreg", "# Register the client", "", "app register --name \"${PREFIX} client\" \\",
				"    --unique-name ${KEY:-quoted-client}", "   # indented comment",
				"secret add --description \"home is ${HOME}\" --save-to '" + this.directory.resolve("s.txt") + "'");

		Result result = this.shell.run("script", script.toString(), "--var", "PREFIX=DICOM 'quoted'");

		assertThat(result.exitCode()).as(result.all()).isZero();
		assertThat(result.out()).contains("[" + script + ":3] app register --name \"${PREFIX} client\" --unique-name")
			.contains(script + ": 2 of 2 line(s) run: 2 changed, 0 unchanged, 0 failed.");
		JsonNode app = onlyApplication().orElseThrow();
		assertThat(app.get("displayName").asText()).isEqualTo("DICOM 'quoted' client");
		assertThat(app.get("uniqueName").asText()).isEqualTo("quoted-client");
		assertThat(app.at("/passwordCredentials/0/displayName").asText()).isEqualTo("home is " + System.getenv("HOME"));
	}

	@Test
	void anUndefinedVariableStopsTheScriptBeforeAnyLineRuns() throws IOException {
		Path script = script("s.dicomreg", "app register --name x --unique-name x", "secret add --save-to ${SECRET_FILE}");

		Result result = this.shell.run("script", script.toString());

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains(script + ":2: secret add --save-to ${SECRET_FILE}: Undefined variable ${SECRET_FILE}: "
				+ "give it with --var SECRET_FILE=VALUE").contains(script + ": nothing was run: correct the lines above first.");
		assertThat(result.out()).doesNotContain("[" + script);
		assertThat(onlyApplication()).isEmpty();
		assertThat(graphWrites()).isZero();
	}

	@Test
	void anUnknownCommandOrOptionIsCaughtBeforeAnyLineRuns() throws IOException {
		Path script = script("s.dicomreg", "app register --name x --unique-name x", "app regster --name y",
				"auth public-client on --colour blue", "walkthrough");

		Result result = this.shell.run("script", script.toString());

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err().lines()).contains(
				script + ":2: app regster --name y: Unknown command 'app regster': use one of app audit, app delete, app export, app ids, app list, app "
						+ "register, app show, app sp create, app use.",
				script + ":3: auth public-client on --colour blue: Unknown option '--colour' for 'auth public-client'. Run "
						+ "'help auth public-client' for its options.",
				script + ":4: walkthrough: 'walkthrough' cannot run in a script.");
		assertThat(onlyApplication()).isEmpty();
		assertThat(graphWrites()).isZero();
	}

	@Test
	void theFirstFailingLineStopsTheScriptWithItsPlaceAndExitStatusOne() throws IOException {
		Path script = script("s.dicomreg", "app register --name x --unique-name x",
				"auth platform add web --redirect-uri http://example.com/callback", "permission add-dicom");

		Result result = this.shell.run("script", script.toString());

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).startsWith(script + ":2: auth platform add web --redirect-uri http://example.com/callback: "
				+ "Redirect URI 'http://example.com/callback' breaks Entra ID's rule \"https required\"");
		assertThat(result.out()).contains(script + ": 2 of 3 line(s) run: 1 changed, 0 unchanged, 1 failed, 1 not run.")
			.doesNotContain("[" + script + ":3]");
		assertThat(onlyApplication().orElseThrow().get("requiredResourceAccess")).isEmpty();
	}

	@Test
	void continueOnErrorRunsTheOtherLinesAndListsTheFailuresAtTheEnd() throws IOException {
		Path script = script("s.dicomreg", "app register --name x --unique-name x",
				"auth platform add web --redirect-uri http://example.com/callback", "permission add-dicom",
				"secret remove not-a-key-id");

		Result result = this.shell.run("script", script.toString(), "--continue-on-error");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.out()).contains(script + ": 4 of 4 line(s) run: 2 changed, 0 unchanged, 2 failed.");
		assertThat(result.err()).contains("Failed: " + script + ":2, " + script + ":4");
		assertThat(onlyApplication().orElseThrow().get("requiredResourceAccess")).hasSize(1);
	}

	@Test
	void aMissingScriptOrABadVarIsAUsageError() {
		assertThat(this.shell.run("script", this.directory.resolve("none.dicomreg").toString()).err())
			.contains("Error: No script " + this.directory.resolve("none.dicomreg"));
		Result badVar = this.shell.run("script", "x.dicomreg", "--var", "1A=b");
		assertThat(badVar.exitCode()).isEqualTo(2);
		assertThat(badVar.err()).contains("--var needs NAME=VALUE");
	}

	@Test
	void aSingleCommandDryRunSaysWhatWouldChangeAndWritesNothing() {
		this.shell.run("app", "register", "--name", "x", "--unique-name", "x");
		int before = graphWrites();

		Result result = this.shell.run("auth", "platform", "add", "mobile-desktop", "--postman", "--dry-run");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).isEqualTo("Dry run: would add redirect URI https://www.getpostman.com/oauth2/callback to "
				+ "publicClient (Mobile and desktop applications)." + System.lineSeparator());
		assertThat(graphWrites()).isEqualTo(before);
		assertThat(onlyApplication().orElseThrow().at("/publicClient/redirectUris")).isEmpty();
	}

	@Test
	void aDryRunRegistrationSelectsNothingForLaterCommands() {
		Result dry = this.shell.run("app", "register", "--name", "planned", "--unique-name", "planned", "--dry-run");
		assertThat(dry.out()).contains("Dry run: would register 'planned'");
		assertThat(this.shell.run("whoami").out()).doesNotContain("planned");
		assertThat(onlyApplication()).isEmpty();
	}

	@Test
	void aFailingDryRunScriptStillShowsItsLinesAndSummary() throws IOException {
		Path script = script("s.dicomreg", "app register --name x --unique-name x",
				"auth platform add web --redirect-uri http://example.com/callback", "permission add-dicom");

		Result result = this.shell.run("script", script.toString(), "--dry-run", "--continue-on-error");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.out()).contains("[" + script + ":1] app register --name x --unique-name x",
				"Dry run: would register 'x'", "[" + script + ":3] permission add-dicom",
				script + ": 3 of 3 line(s) run: 2 would change, 0 unchanged, 1 failed. Dry run: nothing was changed.");
		assertThat(graphWrites()).isZero();
	}

	@Test
	void commandsThatChangeThisMachineRefuseADryRun() {
		Result logout = this.shell.run("logout", "--dry-run");
		assertThat(logout.exitCode()).isEqualTo(2);
		assertThat(logout.err()).contains("Error: 'logout' cannot run in a dry run (--dry-run)");
		assertThat(this.shell.run("whoami").exitCode()).isZero();
	}

	@Test
	void dryRunFalseRunsForRealAndAJsonDryRunIsJson() {
		this.shell.run("app", "register", "--name", "x", "--unique-name", "x");
		Result json = this.shell.run("auth", "public-client", "on", "--dry-run", "--output", "json");
		assertThat(json.out()).contains("\"dryRun\" : true", "\"wouldChange\" : [ \"turn 'Allow public client flows' on for 'x'\" ]");
		assertThat(onlyApplication().orElseThrow().get("isFallbackPublicClient").asBoolean()).isFalse();

		assertThat(this.shell.run("auth", "public-client", "on", "--dry-run=false").out()).contains("Changed                    true");
		assertThat(onlyApplication().orElseThrow().get("isFallbackPublicClient").asBoolean()).isTrue();
	}

	@Test
	void helpShowsTheScriptsUsageAndEveryCommandsDryRun() {
		assertThat(this.shell.run("help", "script").out()).contains(
				"Usage: script FILE [--var NAME=VALUE] [--continue-on-error] [--output table|json] [--dry-run]",
				"--var NAME=VALUE", "--continue-on-error");
		assertThat(this.shell.run("secret", "add", "--help").out()).contains("--save-to FILE", "--if-missing", "--dry-run");
	}

	private Path script(String name, String... lines) throws IOException {
		return Files.write(this.directory.resolve(name), List.of(lines));
	}

	private Optional<JsonNode> onlyApplication() {
		try (ConnectionTarget target = new ConnectionTarget(true, this.state, AzureCloud.AzureCloud, null, null)) {
			List<JsonNode> applications = SandboxInspector.of(target.sandbox()).tenant().applications();
			assertThat(applications).hasSizeLessThanOrEqualTo(1);
			return applications.stream().findFirst();
		}
	}

	private int graphWrites() {
		try {
			return (int) Files.readAllLines(this.log).stream().filter(line -> line.endsWith(" graph-write")).count();
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

}
