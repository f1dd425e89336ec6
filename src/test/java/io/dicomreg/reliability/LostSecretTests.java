package io.dicomreg.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.graph.applications.item.addpassword.AddPasswordPostRequestBody;
import com.microsoft.graph.models.PasswordCredential;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.apps.AppRef;
import io.dicomreg.apps.credentials.SecretIntents;
import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.config.DicomregHome;
import io.dicomreg.sandbox.SandboxInspector;
import io.dicomreg.support.GraphWrites;
import io.dicomreg.support.SandboxAdmin;
import io.dicomreg.support.TestShell;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code secret add --save-to F --if-missing} after a run that died once Graph had added the secret
 * but before its value reached F: that secret's value is lost, so it never counts as "already
 * there"; and a secret whose value is nowhere here is never reported as kept.
 */
class LostSecretTests {

	@TempDir
	Path directory;

	private TestShell shell;

	private ConnectionTarget target;

	private SandboxAdmin admin;

	private AppRef app;

	private Path home;

	@BeforeEach
	void anApplication() throws Exception {
		Path state = this.directory.resolve("tenant.json");
		this.home = this.directory.resolve("home");
		this.shell = new TestShell(this.home, "--sandbox-state", state.toString());
		assertThat(this.shell.run("login").exitCode()).isZero();
		JsonNode registered = new ObjectMapper()
			.readTree(this.shell.run("app", "register", "--name", "lost", "--output", "json").out());
		this.app = new AppRef(registered.get("objectId").asText(), registered.get("appId").asText(), "lost");
		this.target = new ConnectionTarget(true, state, AzureCloud.AzureCloud, null, null);
		this.admin = SandboxAdmin.signIn(this.target, this.directory.resolve("admin"));
	}

	@AfterEach
	void close() {
		this.target.close();
	}

	@Test
	void aSecretAddedByARunThatDiedBeforeSavingItsValueIsReplacedAndTheFileWritten() throws Exception {
		Path file = this.directory.resolve("postman-secret.txt");
		// What a run killed right after Graph's addPassword leaves: its intent, and a secret nobody has the value of.
		SecretIntents.in(new DicomregHome(this.home), this.target).record(this.app, "Postman", file, Instant.now());
		addSecretAsTheDeadRunDid("Postman");

		TestShell.Result rerun = this.shell.run("secret", "add", "--description", "Postman", "--save-to", file.toString(),
				"--if-missing");

		assertThat(rerun.exitCode()).as(rerun.all()).isZero();
		assertThat(rerun.out()).containsPattern("Changed +true");
		assertThat(file).exists();
		assertThat(SandboxInspector.of(this.target.sandbox()).tenant().secretCount(this.app.appId())).isOne();
		TestShell.Result again = this.shell.run("secret", "add", "--description", "Postman", "--save-to", file.toString(),
				"--if-missing");
		assertThat(again.exitCode()).isZero();
		assertThat(again.out()).containsPattern("Changed +false");
		assertThat(SandboxInspector.of(this.target.sandbox()).tenant().secretCount(this.app.appId())).isOne();
	}

	@Test
	void aSecretWhoseValueIsInNoFileAndWasNotBeingAddedHereIsNeverReportedAsKept() throws Exception {
		Path file = this.directory.resolve("postman-secret.txt");
		addSecretAsTheDeadRunDid("Postman");

		TestShell.Result run = this.shell.run("secret", "add", "--description", "Postman", "--save-to", file.toString(),
				"--if-missing");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err().lines()).singleElement().asString().contains("its value is not in " + file)
			.contains("secret remove");
		assertThat(file).doesNotExist();
		assertThat(SandboxInspector.of(this.target.sandbox()).tenant().secretCount(this.app.appId())).isOne();
	}

	@Test
	void aRunThatKeptTheValueLeavesNoIntentBehind() {
		Path file = this.directory.resolve("kept-secret.txt");

		assertThat(this.shell.run("secret", "add", "--description", "kept", "--save-to", file.toString(), "--if-missing")
			.exitCode()).isZero();

		assertThat(SecretIntents.in(new DicomregHome(this.home), this.target).find(this.app, "kept", file)).isEmpty();
		assertThat(Files.exists(this.home.resolve("intents"))).isTrue();
	}

	private void addSecretAsTheDeadRunDid(String description) {
		PasswordCredential credential = new PasswordCredential();
		credential.setDisplayName(description);
		AddPasswordPostRequestBody body = new AddPasswordPostRequestBody();
		body.setPasswordCredential(credential);
		this.admin.graph().client().applications().byApplicationId(this.app.objectId()).addPassword()
			.post(body, GraphWrites.allowed());
	}

}
