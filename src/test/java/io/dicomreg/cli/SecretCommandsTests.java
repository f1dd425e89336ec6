package io.dicomreg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.apps.RegisteredApplication;
import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.sandbox.SandboxInspector;
import io.dicomreg.support.SandboxAdmin;
import io.dicomreg.support.TestShell;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code secret add}, {@code secret list} and {@code secret remove} as typed, one-shot, on a sandbox
 * tenant kept in a state file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretCommandsTests {

	static final Pattern SECRET_SHAPE = Pattern.compile("[A-Za-z0-9]{3}8Q~[A-Za-z0-9_.~-]{34}");

	private Path directory;

	private Path state;

	private TestShell shell;

	private final ObjectMapper json = new ObjectMapper();

	@BeforeAll
	void signIn(@TempDir Path directory) {
		this.directory = directory;
		this.state = this.directory.resolve("tenant.json");
		this.shell = new TestShell(this.directory.resolve("home"), "--sandbox-state", this.state.toString());
		assertThat(this.shell.run("login").exitCode()).isZero();
	}

	@Test
	void addShowsTheValueOnceWithAWarningAndListShowsOnlyItsHint() throws Exception {
		String appId = register("table app");

		TestShell.Result add = this.shell.run("secret", "add", "--app", "table app", "--description", "Postman");
		TestShell.Result list = this.shell.run("secret", "list", "--app", appId);

		assertThat(add.exitCode()).as(add.all()).isZero();
		String value = secretIn(add.out());
		assertThat(add.out()).containsPattern("Value +" + Pattern.quote(value))
			.containsPattern("Description +Postman")
			.containsPattern("Changed +true")
			.contains("Warning: copy the value now. It is shown only this once and cannot be retrieved again.");
		assertThat(list.exitCode()).as(list.all()).isZero();
		assertThat(list.out()).contains("Postman").contains(value.substring(0, 3)).doesNotContain(value)
			.containsPattern("Days left +Status").contains("valid");
		assertThat(secretCount(appId)).isEqualTo(1);
	}

	@Test
	void jsonCarriesTheValueOnlyWithShowSecret() throws Exception {
		String appId = register("json app");
		Path file = this.directory.resolve("json-secret.txt");

		TestShell.Result nowhere = this.shell.run("--output", "json", "secret", "add", "--app", appId, "--expires", "3m");
		TestShell.Result saved = this.shell.run("--output", "json", "secret", "add", "--app", appId, "--expires", "3m",
				"--save-to", file.toString());
		TestShell.Result shown = this.shell.run("secret", "add", "--app", appId, "--show-secret", "--output", "json");

		assertThat(nowhere.exitCode()).as("refused: the value would go nowhere").isEqualTo(2);
		assertThat(nowhere.err()).contains("--save-to").contains("--show-secret");
		assertThat(saved.exitCode()).as(saved.all()).isZero();
		JsonNode withoutValue = this.json.readTree(saved.out());
		assertThat(withoutValue.has("secretText")).isFalse();
		assertThat(withoutValue.path("savedTo").asText()).isEqualTo(file.toString());
		assertThat(withoutValue.path("keyId").asText()).matches("[0-9a-f-]{36}");
		assertThat(withoutValue.path("hint").asText()).hasSize(3);
		assertThat(withoutValue.path("appId").asText()).isEqualTo(appId);
		assertThat(withoutValue.path("changed").asBoolean()).isTrue();
		assertThat(SECRET_SHAPE.matcher(saved.all()).find()).isFalse();
		JsonNode withValue = this.json.readTree(shown.out());
		assertThat(withValue.path("secretText").asText()).matches(SECRET_SHAPE)
			.startsWith(withValue.path("hint").asText());
		assertThat(shown.err()).contains("cannot be retrieved again");
	}

	@Test
	void saveToWritesAnOwnerOnlyFileAndPrintsNoValue() throws Exception {
		register("saved app");
		Path file = this.directory.resolve("saved-secret.txt");

		TestShell.Result add = this.shell.run("secret", "add", "--app", "saved app", "--save-to", file.toString());
		TestShell.Result json = this.shell.run("secret", "add", "--app", "saved app", "--save-to",
				this.directory.resolve("saved-2.txt").toString(), "--output", "json");

		assertThat(add.exitCode()).as(add.all()).isZero();
		assertThat(Files.readString(file)).matches(SECRET_SHAPE);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(add.all()).doesNotContain(Files.readString(file));
		assertThat(add.out()).containsPattern("Saved to +" + Pattern.quote(file.toString())).doesNotContain("Value");
		assertThat(this.json.readTree(json.out()).path("savedTo").asText()).endsWith("saved-2.txt");
		assertThat(this.json.readTree(json.out()).has("secretText")).isFalse();
	}

	@Test
	void aRefusedSaveToMakesNoGraphWrite() throws Exception {
		String appId = register("refused save app");
		Path existing = Files.writeString(this.directory.resolve("existing.txt"), "keep me");
		String before = Files.readString(this.state);

		TestShell.Result exists = this.shell.run("secret", "add", "--app", appId, "--save-to", existing.toString());
		TestShell.Result noFolder = this.shell.run("secret", "add", "--app", appId, "--save-to",
				this.directory.resolve("missing/secret.txt").toString());
		TestShell.Result both = this.shell.run("secret", "add", "--app", appId, "--save-to",
				this.directory.resolve("new.txt").toString(), "--show-secret");

		assertOneLineUsageError(exists, "already exists");
		assertOneLineUsageError(noFolder, "does not exist");
		assertOneLineUsageError(both, "--show-secret and --save-to exclude each other");
		assertThat(existing).hasContent("keep me");
		assertThat(Files.readString(this.state)).isEqualTo(before);
		assertThat(secretCount(appId)).isZero();
	}

	@Test
	void badExpiresIsAOneLineUsageErrorNamingTheOption() throws Exception {
		String appId = register("expiry app");

		assertOneLineUsageError(this.shell.run("secret", "add", "--app", appId, "--expires", "36m"), "--expires 36m");
		assertOneLineUsageError(this.shell.run("secret", "add", "--app", appId, "--expires", "2020-01-01"), "in the past");
		assertOneLineUsageError(this.shell.run("secret", "add", "--app", appId, "--expires", "forever"), "--expires takes");
		assertThat(secretCount(appId)).isZero();
	}

	@Test
	void removeTakesTheKeyIdRefusesMalformedOnesAndSaysWhenOneIsGoneAlready() throws Exception {
		String appId = register("remove app");
		String keep = this.json.readTree(this.shell.run("--output", "json", "secret", "add", "--app", appId,
				"--description", "keep", "--show-secret").out()).path("keyId").asText();
		String drop = this.json.readTree(this.shell.run("--output", "json", "secret", "add", "--app", appId,
				"--description", "drop", "--show-secret").out()).path("keyId").asText();

		TestShell.Result remove = this.shell.run("secret", "remove", drop, "--app", appId);
		TestShell.Result again = this.shell.run("secret", "remove", drop, "--app", appId);
		String pasted = "Abc8Q~" + "x".repeat(34);
		TestShell.Result malformed = this.shell.run("secret", "remove", pasted, "--app", appId);
		TestShell.Result missing = this.shell.run("secret", "remove", "--app", appId);
		TestShell.Result list = this.shell.run("--output", "json", "secret", "list", "--app", appId);

		assertThat(remove.exitCode()).as(remove.all()).isZero();
		assertThat(remove.out()).containsPattern("Key ID +" + drop).containsPattern("Changed +true");
		assertThat(again.exitCode()).as(again.all()).isZero();
		assertThat(again.out()).containsPattern("Changed +false")
			.contains("No change: 'remove app' has no client secret with key ID " + drop + " (removed already");
		assertOneLineUsageError(malformed, "is not a key ID");
		assertThat(malformed.all()).doesNotContain(pasted);
		assertOneLineUsageError(missing, "Give the key ID");
		JsonNode secrets = this.json.readTree(list.out());
		assertThat(secrets).hasSize(1);
		assertThat(secrets.get(0).path("keyId").asText()).isEqualTo(keep);
		assertThat(secrets.get(0).path("status").asText()).isEqualTo("valid");
		assertThat(secrets.get(0).path("daysLeft").asInt()).isBetween(178, 185);
		assertThat(secrets.get(0).fieldNames()).toIterable().containsExactly("keyId", "description", "hint",
				"startDateTime", "endDateTime", "daysLeft", "status");
	}

	@Test
	void withoutAnAppOrASelectedOneTheCommandSaysHowToChoose() {
		assertOneLineUsageError(this.shell.run("secret", "list"), "No application selected");
		assertOneLineUsageError(this.shell.run("secret", "add", "--app", "no such app"), "No application named");
	}

	@Test
	void helpListsEveryOption() {
		TestShell.Result help = this.shell.run("secret", "add", "--help");

		assertThat(help.exitCode()).isZero();
		assertThat(help.out()).contains("--description", "--expires", "--save-to", "--show-secret", "--app",
				"tutorial step 4", "default: 6m");
	}

	@Test
	void graphRefusalExitsOneWithGraphsCodeInOneLine() throws Exception {
		RegisteredApplication automation;
		String secret;
		try (ConnectionTarget target = new ConnectionTarget(true, this.state, AzureCloud.AzureCloud, null, null)) {
			SandboxAdmin admin = SandboxAdmin.signIn(target, this.directory.resolve("admin"));
			automation = admin.registerWithServicePrincipal("automation without permissions");
			secret = admin.addSecret(automation.objectId());
		}
		Path secretFile = Files.writeString(this.directory.resolve("automation-secret.txt"), secret);
		TestShell robot = new TestShell(this.directory.resolve("robot-home"), "--sandbox-state", this.state.toString());
		assertThat(robot.run("login", "--service-principal", "--client-id", automation.appId(), "--secret-file",
				secretFile.toString()).exitCode()).isZero();

		TestShell.Result refused = robot.run("secret", "add", "--app", automation.appId());

		assertThat(refused.exitCode()).isEqualTo(1);
		assertThat(refused.err().lines()).singleElement().asString()
			.startsWith("Error: ")
			.contains("Authorization_RequestDenied")
			.contains("request-id");
		assertThat(refused.all()).doesNotContain(secret);
	}

	private String register(String name) throws Exception {
		TestShell.Result register = this.shell.run("--output", "json", "app", "register", "--name", name);
		assertThat(register.exitCode()).as(register.all()).isZero();
		return this.json.readTree(register.out()).path("appId").asText();
	}

	private int secretCount(String appId) {
		try (ConnectionTarget target = new ConnectionTarget(true, this.state, AzureCloud.AzureCloud, null, null)) {
			return SandboxInspector.of(target.sandbox()).tenant().secretCount(appId);
		}
	}

	static String secretIn(String text) {
		Matcher matcher = SECRET_SHAPE.matcher(text);
		assertThat(matcher.find()).as("a secret value in: " + text).isTrue();
		return matcher.group();
	}

	static void assertOneLineUsageError(TestShell.Result result, String messagePart) {
		assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
		assertThat(result.err().lines()).singleElement().asString().startsWith("Error: ").contains(messagePart);
		assertThat(result.out()).isEmpty();
	}


}
