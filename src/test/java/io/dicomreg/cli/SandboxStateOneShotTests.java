package io.dicomreg.cli;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.support.TestShell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * One-shot runs against a sandbox tenant kept in a state file: each run is a new sandbox server on
 * a new port, and the signed-in context carries over through the token cache.
 */
class SandboxStateOneShotTests {

	@TempDir
	Path directory;

	@Test
	void loginWhoamiRegisterAndLogoutWorkAcrossRuns() throws Exception {
		TestShell shell = new TestShell(this.directory.resolve("home"), "--sandbox-state",
				this.directory.resolve("tenant.json").toString());

		TestShell.Result login = shell.run("login");
		assertThat(login.exitCode()).as(login.all()).isZero();
		assertThat(login.err()).contains("enter the code");
		assertThat(login.out()).contains("admin@contoso.onmicrosoft.com").doesNotContain("enter the code");

		TestShell.Result whoami = shell.run("whoami", "--output", "json");
		assertThat(whoami.exitCode()).as(whoami.all()).isZero();
		JsonNode me = new ObjectMapper().readTree(whoami.out());
		assertThat(me.get("account").asText()).isEqualTo("admin@contoso.onmicrosoft.com");
		assertThat(me.get("cloud").asText()).isEqualTo("sandbox");
		assertThat(me.get("tenant").asText()).isEqualTo("contoso.onmicrosoft.com");

		TestShell.Result register = shell.run("app", "register", "--name", "DICOM client", "--output", "json");
		assertThat(register.exitCode()).as(register.all()).isZero();
		JsonNode app = new ObjectMapper().readTree(register.out());
		assertThat(app.get("displayName").asText()).isEqualTo("DICOM client");
		assertThat(app.get("tenantId").asText()).isEqualTo(me.get("tenantId").asText());
		assertThat(app.get("appId").asText()).matches("[0-9a-f-]{36}");
		assertThat(app.get("objectId").asText()).matches("[0-9a-f-]{36}");
		assertThat(Files.readString(this.directory.resolve("tenant.json"))).contains(app.get("appId").asText());

		TestShell.Result logout = shell.run("logout");
		assertThat(logout.exitCode()).isZero();
		assertThat(shell.run("whoami").exitCode()).isEqualTo(1);
		assertThat(shell.run("app", "register", "--name", "after logout").err()).contains("Run 'login' first");
	}

	@Test
	void jsonOutputOfLoginStaysParseableWhileInstructionsGoToStandardError() throws Exception {
		TestShell shell = new TestShell(this.directory.resolve("home"), "--sandbox-state",
				this.directory.resolve("tenant.json").toString(), "--output", "json");

		TestShell.Result login = shell.run("login");

		assertThat(login.exitCode()).as(login.all()).isZero();
		assertThat(new ObjectMapper().readTree(login.out()).get("accountType").asText()).isEqualTo("user");
		assertThat(login.err()).contains("enter the code");
	}

	@Test
	void corruptStateFileIsAClearErrorAndIsLeftUntouched() throws Exception {
		Path state = Files.writeString(this.directory.resolve("tenant.json"), "{ this is not json");
		TestShell shell = new TestShell(this.directory.resolve("home"), "--sandbox-state", state.toString());

		TestShell.Result login = shell.run("login");

		assertThat(login.exitCode()).isEqualTo(1);
		assertThat(login.err().lines()).singleElement().asString()
			.startsWith("Error: Sandbox state file")
			.contains(state.toString());
		assertThat(state).hasContent("{ this is not json");
	}

	@Test
	void stateFileOtherUsersCanReadIsOneWarningLine() throws Exception {
		assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
		Path state = this.directory.resolve("tenant.json");
		TestShell shell = new TestShell(this.directory.resolve("home"), "--sandbox-state", state.toString());
		assertThat(shell.run("login").err()).doesNotContain("Warning");
		Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rw-r--r--"));

		TestShell.Result whoami = shell.run("whoami");

		assertThat(whoami.exitCode()).as(whoami.all()).isZero();
		assertThat(whoami.err().lines()).singleElement().asString().isEqualTo("Warning: the sandbox state file " + state
				+ " can be read by other users, and it holds the tenant's signing key and owner secret: "
				+ "run 'chmod 600 " + state + "'.");
	}

	@Test
	void missingStateFileStartsAFreshTenantAndCreatesIt() {
		Path state = this.directory.resolve("new-tenant.json");
		TestShell shell = new TestShell(this.directory.resolve("home"), "--sandbox-state", state.toString());

		assertThat(shell.run("login").exitCode()).isZero();

		assertThat(state).exists();
	}

}
