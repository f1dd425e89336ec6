package io.dicomreg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.sandbox.GraphFixture;
import io.dicomreg.sandbox.SandboxDirectory;
import io.dicomreg.sandbox.SandboxInspector;
import io.dicomreg.sandbox.SandboxAzure;
import io.dicomreg.support.SandboxAdmin;
import io.dicomreg.support.TestShell;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code dicom list}, {@code role assign}, {@code role list} and {@code role remove} one-shot against the sandbox's
 * Azure Resource Manager: the app's service principal (never its application object), users by UPN, inherited
 * assignments, reruns that write nothing to ARM, and ARM's 403 in one line that says who may assign.
 */
class RbacCommandsTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path directory;

	private Path state;

	private Path log;

	private TestShell shell;

	@BeforeEach
	void registerAnApp() {
		this.state = this.directory.resolve("tenant.json");
		this.log = this.directory.resolve("sandbox.log");
		this.shell = new TestShell(this.directory.resolve("home"), "--sandbox-state", this.state.toString(),
				"--sandbox-log", this.log.toString());
		assertThat(this.shell.run("login").exitCode()).isZero();
		assertThat(this.shell.run("app", "register", "--name", "viewer").exitCode()).isZero();
	}

	@Test
	void dicomListShowsTheSeededServiceWithItsUrlAndResourceId() throws Exception {
		TestShell.Result list = this.shell.run("--output", "json", "dicom", "list");

		assertThat(list.exitCode()).as(list.all()).isZero();
		JsonNode service = JSON.readTree(list.out()).get(0);
		assertThat(service.path("name").asText()).isEqualTo("dicom1");
		assertThat(service.path("workspace").asText()).isEqualTo("contosohealth");
		assertThat(service.path("serviceUrl").asText()).matches("https://127\\.0\\.0\\.1:\\d+/dicom/contosohealth-dicom1");
		assertThat(service.path("id").asText()).matches("/subscriptions/[0-9a-f-]{36}/resourceGroups/dicom-rg/providers/"
				+ "Microsoft\\.HealthcareApis/workspaces/contosohealth/dicomservices/dicom1");
		assertThat(service.path("provisioningState").asText()).isEqualTo("Succeeded");
	}

	@Test
	void assignListRemoveAndReruns() throws Exception {
		TestShell.Result assign = this.shell.run("--output", "json", "role", "assign", "--role", "reader", "--dicom", "dicom1");
		assertThat(assign.exitCode()).as(assign.all()).isZero();
		JsonNode assigned = JSON.readTree(assign.out());
		assertThat(assigned.path("changed").asBoolean()).isTrue();
		assertThat(assigned.path("principalType").asText()).isEqualTo("ServicePrincipal");
		String servicePrincipalId = assigned.path("principalId").asText();
		long armWrites = armWrites();
		assertThat(armWrites).isEqualTo(1);

		TestShell.Result again = this.shell.run("role", "assign", "--role", "reader", "--dicom", "contosohealth/dicom1");
		assertThat(again.exitCode()).as(again.all()).isZero();
		assertThat(again.out()).contains("No change: 'viewer' (service principal " + servicePrincipalId + ") has DICOM "
				+ "Data Reader on contosohealth/dicom1 already.");
		assertThat(armWrites()).isEqualTo(armWrites);

		JsonNode roles = JSON.readTree(this.shell.run("--output", "json", "role", "list", "--dicom", "dicom1").out());
		assertThat(roles).extracting(role -> role.path("roleName").asText() + ":" + role.path("inherited").asBoolean())
			.containsExactlyInAnyOrder("Owner:true", "DICOM Data Reader:false");

		TestShell.Result remove = this.shell.run("role", "remove", "--role", "reader", "--dicom", "dicom1");
		assertThat(remove.exitCode()).as(remove.all()).isZero();
		assertThat(remove.out()).contains("Removed DICOM Data Reader on contosohealth/dicom1 from 'viewer'");
		TestShell.Result removeAgain = this.shell.run("role", "remove", "--role", "reader", "--dicom", "dicom1");
		assertThat(removeAgain.out()).contains("No change: 'viewer' (service principal " + servicePrincipalId
				+ ") has no DICOM Data Reader assigned on contosohealth/dicom1.");
		assertThat(armWrites()).isEqualTo(armWrites + 1);
	}

	@Test
	void theApplicationObjectIdAssignsTheServicePrincipalAndAUserIsFoundByName() throws Exception {
		JsonNode app = JSON.readTree(this.shell.run("--output", "json", "app", "show").out());

		TestShell.Result byObjectId = this.shell.run("--output", "json", "role", "assign", "--role", "owner", "--dicom",
				"dicom1", "--assignee", app.path("objectId").asText());
		TestShell.Result user = this.shell.run("--output", "json", "role", "assign", "--role", "reader", "--dicom",
				"dicom1", "--assignee", "admin@contoso.onmicrosoft.com");

		assertThat(byObjectId.exitCode()).as(byObjectId.all()).isZero();
		assertThat(JSON.readTree(byObjectId.out()).path("principalId").asText())
			.isEqualTo(app.path("servicePrincipalId").asText())
			.isNotEqualTo(app.path("objectId").asText());
		assertThat(user.exitCode()).as(user.all()).isZero();
		assertThat(JSON.readTree(user.out()).path("principalType").asText()).isEqualTo("User");
	}

	@Test
	void aRoleInheritedFromAboveIsHeldAlreadyAndIsNotRemovedHere() throws Exception {
		String servicePrincipalId = JSON.readTree(this.shell.run("--output", "json", "app", "show").out())
			.path("servicePrincipalId").asText();
		String subscription;
		try (ConnectionTarget target = new ConnectionTarget(true, this.state, AzureCloud.AzureCloud, null, null)) {
			SandboxAzure azure = SandboxInspector.of(target.sandbox()).azure();
			subscription = "/subscriptions/" + azure.subscriptionId();
			azure.assignRole(servicePrincipalId, "ServicePrincipal", SandboxDirectory.DICOM_DATA_OWNER_ROLE_ID, subscription);
		}
		long armWrites = armWrites();

		TestShell.Result assign = this.shell.run("role", "assign", "--role", "owner", "--dicom", "dicom1");
		TestShell.Result remove = this.shell.run("role", "remove", "--role", "owner", "--dicom", "dicom1");

		assertThat(assign.out()).contains("has DICOM Data Owner on contosohealth/dicom1 already (inherited from "
				+ subscription + ").");
		assertThat(remove.out()).contains("It still has it from " + subscription + ", which is not removed here: remove it "
				+ "there.");
		assertThat(armWrites()).isEqualTo(armWrites);
	}

	@Test
	void aDryRunSaysWhatItWouldAssign() throws Exception {
		TestShell.Result dry = this.shell.run("role", "assign", "--role", "owner", "--dicom", "dicom1", "--dry-run");

		assertThat(dry.exitCode()).as(dry.all()).isZero();
		assertThat(dry.all()).contains("would assign DICOM Data Owner on the DICOM service contosohealth/dicom1 to 'viewer'");
		assertThat(armWrites()).isZero();
	}

	@Test
	void withoutTheRightToAssignArmsRefusalIsOneLineSayingWhoMay() throws Exception {
		String appId;
		String secret;
		try (ConnectionTarget target = new ConnectionTarget(true, this.state, AzureCloud.AzureCloud, null, null)) {
			SandboxAdmin admin = SandboxAdmin.signIn(target, this.directory.resolve("admin"));
			var automation = admin.register("automation");
			appId = automation.appId();
			secret = admin.addSecret(automation.objectId());
			String servicePrincipalId = SandboxInspector.of(target.sandbox()).tenant().servicePrincipalByAppId(appId)
				.orElseThrow().path("id").asText();
			// It may read applications (to find itself) and the Azure resources, but not assign roles.
			new GraphFixture(target.sandbox()).assignAppRole(appId, SandboxDirectory.GRAPH_APP_ID, "Application.Read.All");
			SandboxAzure azure = SandboxInspector.of(target.sandbox()).azure();
			azure.assignRole(servicePrincipalId, "ServicePrincipal", SandboxDirectory.READER_ROLE_ID,
					"/subscriptions/" + azure.subscriptionId());
		}
		Path secretFile = Files.writeString(this.directory.resolve("secret.txt"), secret);
		TestShell asApp = new TestShell(this.directory.resolve("as-app"), "--sandbox-state", this.state.toString());
		TestShell.Result login = asApp.run("login", "--service-principal", "--client-id", appId, "--secret-file",
				secretFile.toString());
		assertThat(login.exitCode()).as(login.all()).isZero();

		TestShell.Result refused = asApp.run("role", "assign", "--role", "owner", "--dicom", "dicom1", "--assignee", appId);

		assertThat(refused.exitCode()).isEqualTo(1);
		assertThat(refused.err().lines()).singleElement().asString()
			.startsWith("Error: Assigning DICOM Data Owner failed: AuthorizationFailed: The client '")
			.contains("(request-id: ")
			.endsWith("Assigning roles needs Owner, User Access Administrator or Role Based Access Control Administrator "
					+ "on the DICOM service or above it (its workspace, resource group or subscription); if it was granted "
					+ "moments ago, sign in again ('login') so that the token carries it.");
	}

	private long armWrites() throws Exception {
		List<String> lines = Files.readAllLines(this.log);
		return lines.stream().filter(line -> line.endsWith(" arm-write")).count();
	}

}
