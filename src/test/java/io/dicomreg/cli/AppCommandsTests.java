package io.dicomreg.cli;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.support.TestShell;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application commands as typed, one-shot, against a sandbox tenant kept in a state file.
 */
class AppCommandsTests {

	@TempDir
	Path directory;

	private TestShell shell;

	@BeforeEach
	void signIn() {
		this.shell = new TestShell(this.directory.resolve("home"), "--sandbox-state",
				this.directory.resolve("tenant.json").toString());
		assertThat(this.shell.run("login").exitCode()).isZero();
	}

	@Test
	void registerWithUniqueNameTwiceSaysNothingChanged() throws Exception {
		TestShell.Result first = this.shell.run("app", "register", "--name", "DICOM client", "--unique-name", "dicom-client");
		TestShell.Result second = this.shell.run("app", "register", "--name", "DICOM client", "--unique-name",
				"dicom-client", "--output", "json");

		assertThat(first.exitCode()).as(first.all()).isZero();
		assertThat(first.out()).contains("Registered a new application").contains("selected app");
		assertThat(second.exitCode()).isZero();
		JsonNode json = new ObjectMapper().readTree(second.out());
		assertThat(json.get("changed").asBoolean()).isFalse();
		assertThat(json.get("uniqueName").asText()).isEqualTo("dicom-client");
	}

	@Test
	void registerRefusesADuplicateNameAndListsTheExistingOne() {
		this.shell.run("app", "register", "--name", "DICOM client");

		TestShell.Result duplicate = this.shell.run("app", "register", "--name", "DICOM client");

		assertThat(duplicate.exitCode()).isEqualTo(2);
		assertThat(duplicate.err().lines()).singleElement().asString().contains("already exist").contains("--new");
		assertThat(this.shell.run("app", "register", "--name", "DICOM client", "--new").exitCode()).isZero();
		assertThat(this.shell.run("app", "list", "--name-starts-with", "DICOM", "--output", "json").out())
			.contains("\"displayName\" : \"DICOM client\"", "\"displayName\" : \"DICOM client\"");
	}

	@Test
	void multiTenantAudienceAndBadAudience() {
		assertThat(this.shell.run("app", "register", "--name", "multi", "--audience", "multi-tenant").out())
			.contains("AzureADMultipleOrgs");
		TestShell.Result bad = this.shell.run("app", "register", "--name", "x", "--audience", "everyone");
		assertThat(bad.exitCode()).isEqualTo(2);
		assertThat(bad.err()).contains("--audience").contains("single-tenant or multi-tenant");
	}

	@Test
	void selectionCarriesOverToLaterRunsAndIdsUseIt() throws Exception {
		this.shell.run("app", "register", "--name", "first");
		this.shell.run("app", "register", "--name", "second");

		assertThat(this.shell.run("app", "use", "first").exitCode()).isZero();
		JsonNode ids = new ObjectMapper().readTree(this.shell.run("app", "ids", "--output", "json").out());
		JsonNode whoami = new ObjectMapper().readTree(this.shell.run("whoami", "--output", "json").out());

		assertThat(ids.get("displayName").asText()).isEqualTo("first");
		assertThat(ids.get("authority").asText()).endsWith("/" + ids.get("tenantId").asText());
		assertThat(whoami.get("selectedApp").asText()).startsWith("first (");
	}

	@Test
	void showNamesTheApp() {
		this.shell.run("app", "register", "--name", "shown");
		TestShell.Result show = this.shell.run("app", "show", "--app", "shown");
		assertThat(show.exitCode()).isZero();
		assertThat(show.out()).contains("Public client flows").contains("Client secrets");
	}

	@Test
	void deleteAsksToConfirmAndRefusesWithoutATerminal() {
		this.shell.run("app", "register", "--name", "doomed");

		TestShell.Result refused = this.shell.run("app", "delete", "--app", "doomed");
		assertThat(refused.exitCode()).isEqualTo(2);
		assertThat(refused.err()).contains("--yes");
		assertThat(this.shell.run("app", "show", "--app", "doomed").exitCode()).isZero();

		assertThat(this.shell.run("app", "delete", "--app", "doomed", "--yes").exitCode()).isZero();
		assertThat(this.shell.run("app", "show", "--app", "doomed").err()).contains("No application named 'doomed'");
	}

	@Test
	void commandsNeedAnAppWhenNoneIsSelected() {
		TestShell.Result ids = this.shell.run("app", "ids");
		assertThat(ids.exitCode()).isEqualTo(2);
		assertThat(ids.err()).contains("No application selected").contains("app use");
	}

}
