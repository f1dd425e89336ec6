package io.dicomreg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.support.TestShell;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code app register} makes the service principal as the portal does, {@code --no-service-principal} skips it,
 * {@code app sp create} makes it later and changes nothing when it is there, and {@code app show} says which: one-shot
 * runs on one sandbox state, the writes counted in the sandbox log.
 */
class ServicePrincipalCommandsTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path directory;

	private TestShell shell;

	private Path log;

	@BeforeEach
	void signIn() {
		this.log = this.directory.resolve("sandbox.log");
		this.shell = new TestShell(this.directory.resolve("home"), "--sandbox-state",
				this.directory.resolve("tenant.json").toString(), "--sandbox-log", this.log.toString());
		assertThat(this.shell.run("login").exitCode()).isZero();
	}

	@Test
	void registerMakesTheServicePrincipalAndShowShowsIt() throws Exception {
		TestShell.Result register = this.shell.run("--output", "json", "app", "register", "--name", "with-sp");
		assertThat(register.exitCode()).as(register.all()).isZero();
		JsonNode registered = JSON.readTree(register.out());
		String servicePrincipalId = registered.path("servicePrincipalId").asText();
		assertThat(servicePrincipalId).matches("[0-9a-f-]{36}").isNotEqualTo(registered.path("objectId").asText());

		TestShell.Result show = this.shell.run("app", "show");
		assertThat(show.out()).containsPattern("Service principal object ID +" + servicePrincipalId);
		TestShell.Result showJson = this.shell.run("--output", "json", "app", "show");
		assertThat(JSON.readTree(showJson.out()).path("servicePrincipalId").asText()).isEqualTo(servicePrincipalId);
	}

	@Test
	void withoutOneShowSaysWhatFollowsAndSpCreateMakesItOnce() throws Exception {
		TestShell.Result register = this.shell.run("app", "register", "--name", "no-sp", "--no-service-principal");
		assertThat(register.exitCode()).as(register.all()).isZero();
		assertThat(register.out()).contains("No service principal was created: the app cannot sign in until 'app sp create' "
				+ "makes it.");
		assertThat(this.shell.run("app", "show").out()).contains("none: the app cannot sign in, be granted consent or be "
				+ "assigned roles; run 'app sp create'");
		assertThat(JSON.readTree(this.shell.run("--output", "json", "app", "show").out()).path("servicePrincipalId").isNull())
			.isTrue();

		TestShell.Result create = this.shell.run("--output", "json", "app", "sp", "create");
		assertThat(create.exitCode()).as(create.all()).isZero();
		JsonNode created = JSON.readTree(create.out());
		assertThat(created.path("changed").asBoolean()).isTrue();
		long writes = graphWrites();

		TestShell.Result again = this.shell.run("app", "sp", "create", "--app", "no-sp");
		assertThat(again.exitCode()).as(again.all()).isZero();
		assertThat(again.out()).contains("No change: 'no-sp' has its service principal already (object ID "
				+ created.path("servicePrincipalId").asText() + ").");
		assertThat(graphWrites()).isEqualTo(writes);
	}

	@Test
	void aDryRunOfRegisterPlansTheServicePrincipalToo() throws Exception {
		TestShell.Result dry = this.shell.run("app", "register", "--name", "planned", "--dry-run");
		assertThat(dry.exitCode()).as(dry.all()).isZero();
		assertThat(dry.all()).contains("would create the service principal of 'planned' (its enterprise application)");
		assertThat(graphWrites()).isZero();
	}

	private long graphWrites() throws Exception {
		List<String> lines = Files.readAllLines(this.log);
		return lines.stream().filter(line -> line.endsWith(" graph-write")).count();
	}

}
