package io.dicomreg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.graph.applications.item.addpassword.AddPasswordPostRequestBody;
import com.microsoft.graph.models.PasswordCredential;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.support.GraphWrites;
import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.sandbox.SandboxInspector;
import io.dicomreg.support.SandboxAdmin;
import io.dicomreg.support.TestShell;

import static io.dicomreg.cli.SecretCommandsTests.SECRET_SHAPE;
import static io.dicomreg.cli.SecretCommandsTests.assertOneLineUsageError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code secret add --if-missing}, one-shot on a sandbox tenant kept in a state file: a script can run
 * it again and again, and only the first run (or one after the secret expired) adds a secret.
 * <p>
 * Each one-shot run starts its own sandbox server, so "no Graph write" is checked as the existing
 * command tests do: the tenant's state file is byte for byte the same after the run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretIfMissingTests {

	private static final String NOTHING_ADDED = "A valid secret described 'nightly' is already there: nothing was added.";

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
	void firstRunAddsTheSecretAndWritesAnOwnerOnlyFile() throws Exception {
		String appId = register("first run app");
		Path file = this.directory.resolve("first-run.secret");

		TestShell.Result add = addIfMissing(appId, "nightly", file);

		assertThat(add.exitCode()).as(add.all()).isZero();
		assertThat(add.out()).containsPattern("Description +nightly")
			.containsPattern("Saved to +" + Pattern.quote(file.toString()))
			.containsPattern("Changed +true")
			.doesNotContain(NOTHING_ADDED);
		assertThat(Files.readString(file)).matches(SECRET_SHAPE);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(add.all()).doesNotContain(Files.readString(file));
		assertThat(secretCount(appId)).isEqualTo(1);
	}

	@Test
	void secondRunWithTheSameDescriptionAndFileAddsNothingAndLeavesTheFileAlone() throws Exception {
		String appId = register("rerun app");
		Path file = this.directory.resolve("rerun.secret");
		assertThat(addIfMissing(appId, "nightly", file).exitCode()).isZero();
		String value = Files.readString(file);
		String before = Files.readString(this.state);

		TestShell.Result again = addIfMissing(appId, "nightly", file);

		assertThat(again.exitCode()).as(again.all()).isZero();
		assertThat(again.out()).containsPattern("Description +nightly")
			.containsPattern("Hint +" + value.substring(0, 3))
			.containsPattern("Changed +false")
			.contains(NOTHING_ADDED)
			.doesNotContain("Saved to")
			.doesNotContain("Value");
		assertThat(again.all()).doesNotContain(value);
		assertThat(Files.readString(this.state)).as("no Graph write").isEqualTo(before);
		assertThat(file).hasContent(value);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(secretCount(appId)).isEqualTo(1);
	}

	@Test
	void secondRunWithoutSaveToAlsoAddsNothing() throws Exception {
		String appId = register("rerun shown app");
		TestShell.Result first = this.shell.run("secret", "add", "--app", appId, "--description", "nightly",
				"--if-missing");
		String before = Files.readString(this.state);

		TestShell.Result again = this.shell.run("secret", "add", "--app", appId, "--description", "nightly",
				"--if-missing");

		assertThat(first.exitCode()).as(first.all()).isZero();
		String value = SecretCommandsTests.secretIn(first.out());
		assertThat(again.exitCode()).as(again.all()).isZero();
		assertThat(again.out()).containsPattern("Changed +false").contains(NOTHING_ADDED)
			.doesNotContain("Warning: copy the value now");
		assertThat(again.all()).doesNotContain(value);
		assertThat(SECRET_SHAPE.matcher(again.all()).find()).isFalse();
		assertThat(Files.readString(this.state)).as("no Graph write").isEqualTo(before);
		assertThat(secretCount(appId)).isEqualTo(1);
	}

	@Test
	void jsonSecondRunSaysUnchangedAndCarriesNoValue() throws Exception {
		String appId = register("json rerun app");
		Path file = this.directory.resolve("json-rerun.secret");
		JsonNode first = this.json.readTree(this.shell.run("--output", "json", "secret", "add", "--app", appId,
				"--description", "nightly", "--save-to", file.toString(), "--if-missing").out());
		String value = Files.readString(file);
		String before = Files.readString(this.state);

		TestShell.Result again = this.shell.run("--output", "json", "secret", "add", "--app", appId, "--description",
				"nightly", "--save-to", file.toString(), "--if-missing");
		TestShell.Result shown = this.shell.run("--output", "json", "secret", "add", "--app", appId, "--description",
				"nightly", "--show-secret", "--if-missing");

		assertThat(first.path("changed").asBoolean()).isTrue();
		assertThat(again.exitCode()).as(again.all()).isZero();
		JsonNode unchanged = this.json.readTree(again.out());
		assertThat(unchanged.path("changed").isBoolean()).isTrue();
		assertThat(unchanged.path("changed").asBoolean()).isFalse();
		assertThat(unchanged.has("secretText")).isFalse();
		assertThat(unchanged.has("savedTo")).isFalse();
		assertThat(unchanged.path("keyId").asText()).isEqualTo(first.path("keyId").asText());
		assertThat(unchanged.path("description").asText()).isEqualTo("nightly");
		assertThat(unchanged.path("appId").asText()).isEqualTo(appId);
		assertThat(shown.exitCode()).as(shown.all()).isZero();
		assertThat(this.json.readTree(shown.out()).has("secretText")).as("there is no value to show").isFalse();
		assertThat(this.json.readTree(shown.out()).path("changed").asBoolean()).isFalse();
		assertThat(again.all() + shown.all()).doesNotContain(value);
		assertThat(Files.readString(this.state)).as("no Graph write").isEqualTo(before);
		assertThat(file).hasContent(value);
	}

	@Test
	void ifMissingWithoutDescriptionIsAOneLineUsageErrorNamingDescription() throws Exception {
		String appId = register("no description app");
		Path file = this.directory.resolve("no-description.secret");
		String before = Files.readString(this.state);

		TestShell.Result missing = this.shell.run("secret", "add", "--app", appId, "--if-missing", "--save-to",
				file.toString());
		TestShell.Result blank = this.shell.run("secret", "add", "--app", appId, "--if-missing", "--description", "  ",
				"--save-to", file.toString());
		TestShell.Result json = this.shell.run("--output", "json", "secret", "add", "--app", appId, "--if-missing",
				"--show-secret");

		assertOneLineUsageError(missing, "--description");
		assertOneLineUsageError(blank, "--description");
		assertOneLineUsageError(json, "--description");
		assertThat(missing.err()).contains("--description is needed to add a secret only when missing");
		assertThat(file).doesNotExist();
		assertThat(Files.readString(this.state)).as("no Graph write").isEqualTo(before);
		assertThat(secretCount(appId)).isZero();
	}

	@Test
	void aDifferentDescriptionAddsASecondSecret() throws Exception {
		String appId = register("two descriptions app");
		Path nightly = this.directory.resolve("two-nightly.secret");
		Path weekly = this.directory.resolve("two-weekly.secret");
		assertThat(addIfMissing(appId, "nightly", nightly).exitCode()).isZero();

		TestShell.Result add = addIfMissing(appId, "weekly", weekly);

		assertThat(add.exitCode()).as(add.all()).isZero();
		assertThat(add.out()).containsPattern("Description +weekly").containsPattern("Changed +true");
		assertThat(Files.readString(weekly)).matches(SECRET_SHAPE).isNotEqualTo(Files.readString(nightly));
		assertThat(secretCount(appId)).isEqualTo(2);
		assertThat(descriptions(appId)).containsExactlyInAnyOrder("nightly", "weekly");
	}

	@Test
	void anExpiredSecretWithTheSameDescriptionDoesNotCount() throws Exception {
		JsonNode app = registered("expired secret app");
		String appId = app.path("appId").asText();
		addExpiredSecret(app.path("objectId").asText(), "nightly");
		Path file = this.directory.resolve("after-expiry.secret");

		TestShell.Result add = addIfMissing(appId, "nightly", file);

		assertThat(add.exitCode()).as(add.all()).isZero();
		assertThat(add.out()).containsPattern("Changed +true").doesNotContain(NOTHING_ADDED);
		assertThat(Files.readString(file)).matches(SECRET_SHAPE);
		assertThat(secretCount(appId)).isEqualTo(2);
		JsonNode listed = this.json.readTree(this.shell.run("--output", "json", "secret", "list", "--app", appId).out());
		assertThat(listed).extracting(secret -> secret.path("description").asText() + " " + secret.path("status").asText())
			.containsExactly("nightly expired", "nightly valid");
	}

	@Test
	void whenASecretMustBeAddedAnExistingSaveToFileIsStillRefusedBeforeAnyWrite() throws Exception {
		String appId = register("stale file app");
		Path file = Files.writeString(this.directory.resolve("stale.secret"), "keep me");
		String before = Files.readString(this.state);

		TestShell.Result add = addIfMissing(appId, "nightly", file);

		assertOneLineUsageError(add, "already exists");
		assertThat(file).hasContent("keep me");
		assertThat(Files.readString(this.state)).as("no Graph write").isEqualTo(before);
		assertThat(secretCount(appId)).isZero();
	}

	@Test
	void helpDescribesIfMissing() {
		TestShell.Result help = this.shell.run("secret", "add", "--help");

		assertThat(help.exitCode()).isZero();
		assertThat(help.out()).contains("--if-missing");
	}

	private TestShell.Result addIfMissing(String appId, String description, Path saveTo) {
		return this.shell.run("secret", "add", "--app", appId, "--description", description, "--save-to",
				saveTo.toString(), "--if-missing");
	}

	private String register(String name) throws Exception {
		return registered(name).path("appId").asText();
	}

	private JsonNode registered(String name) throws Exception {
		TestShell.Result register = this.shell.run("--output", "json", "app", "register", "--name", name);
		assertThat(register.exitCode()).as(register.all()).isZero();
		return this.json.readTree(register.out());
	}

	/** Adds, as the tenant's admin, a secret that started 30 days ago and expired yesterday. */
	private void addExpiredSecret(String objectId, String description) {
		try (ConnectionTarget target = new ConnectionTarget(true, this.state, AzureCloud.AzureCloud, null, null)) {
			SandboxAdmin admin = SandboxAdmin.signIn(target, this.directory.resolve("admin"));
			PasswordCredential credential = new PasswordCredential();
			credential.setDisplayName(description);
			OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
			credential.setStartDateTime(now.minus(Duration.ofDays(30)));
			credential.setEndDateTime(now.minus(Duration.ofDays(1)));
			AddPasswordPostRequestBody body = new AddPasswordPostRequestBody();
			body.setPasswordCredential(credential);
			admin.graph().client().applications().byApplicationId(objectId).addPassword().post(body, GraphWrites.allowed());
		}
	}

	private List<String> descriptions(String appId) throws Exception {
		TestShell.Result list = this.shell.run("--output", "json", "secret", "list", "--app", appId);
		assertThat(list.exitCode()).as(list.all()).isZero();
		return StreamSupport.stream(this.json.readTree(list.out()).spliterator(), false)
			.map(secret -> secret.path("description").asText())
			.toList();
	}

	private int secretCount(String appId) {
		try (ConnectionTarget target = new ConnectionTarget(true, this.state, AzureCloud.AzureCloud, null, null)) {
			return SandboxInspector.of(target.sandbox()).tenant().secretCount(appId);
		}
	}

}
