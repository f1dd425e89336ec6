package io.dicomreg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.graph.models.Application;
import com.microsoft.graph.models.RequiredResourceAccess;
import com.microsoft.graph.models.ResourceAccess;
import com.microsoft.graph.models.ServicePrincipal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.support.GraphWrites;
import io.dicomreg.apps.DicomApi;
import io.dicomreg.apps.RegisteredApplication;
import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.sandbox.SandboxInspector;
import io.dicomreg.support.SandboxAdmin;
import io.dicomreg.support.TestShell;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API permission commands as typed, one-shot, against a sandbox tenant kept in a state file.
 */
class PermissionCommandsTests {

	private static final String GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";

	private static final String USER_READ_ID = "e1fe6dd8-ba31-4d61-89e7-88639da4683d";

	private final ObjectMapper json = new ObjectMapper();

	@TempDir
	Path directory;

	private Path state;

	private TestShell shell;

	private RegisteredApplication app;

	@BeforeEach
	void signInAndRegister() {
		this.state = this.directory.resolve("tenant.json");
		try (ConnectionTarget target = target()) {
			SandboxAdmin admin = SandboxAdmin.signIn(target, this.directory.resolve("admin"));
			this.app = admin.register("DICOM client");
			requireUserRead(admin, this.app.objectId());
		}
		this.shell = new TestShell(this.directory.resolve("home"), "--sandbox-state", this.state.toString());
		assertThat(this.shell.run("login").exitCode()).isZero();
	}

	@Test
	void addDicomAddsDicomReadWriteAndNamesAdminConsentAsTheNextStep() {
		TestShell.Result added = this.shell.run("permission", "add-dicom", "--app", "DICOM client");

		assertThat(added.exitCode()).as(added.all()).isZero();
		assertThat(added.out()).contains("Azure API for DICOM")
			.contains(DicomApi.APP_ID)
			.contains("Dicom.ReadWrite (delegated) " + DicomApi.SCOPE_ID)
			.containsPattern("Changed +true")
			.contains("Next step: admin consent ('permission grant'); adding a permission does not grant it.");
		JsonNode stored = storedApplication().path("requiredResourceAccess");
		assertThat(stored.findValuesAsText("resourceAppId")).containsExactly(GRAPH_APP_ID, DicomApi.APP_ID);
		assertThat(stored.get(1).path("resourceAccess").get(0).path("id").asText()).isEqualTo(DicomApi.SCOPE_ID);
		assertThat(stored.get(1).path("resourceAccess").get(0).path("type").asText()).isEqualTo("Scope");
	}

	@Test
	void addDicomTwiceSaysNothingChangedInTableAndJson() throws Exception {
		this.shell.run("permission", "add-dicom", "--app", this.app.appId());

		TestShell.Result table = this.shell.run("permission", "add-dicom", "--app", this.app.appId());
		TestShell.Result json = this.shell.run("permission", "add-dicom", "--app", this.app.appId(), "--output", "json");

		assertThat(table.exitCode()).as(table.all()).isZero();
		assertThat(table.out()).containsPattern("Changed +false")
			.contains("No change: Dicom.ReadWrite (delegated) of Azure API for DICOM is already configured.");
		JsonNode result = this.json.readTree(json.out());
		assertThat(result.get("changed").asBoolean()).isFalse();
		assertThat(result.get("appId").asText()).isEqualTo(this.app.appId());
		assertThat(result.get("resourceAppId").asText()).isEqualTo(DicomApi.APP_ID);
		assertThat(result.get("added")).isEmpty();
		assertThat(result.get("alreadyThere").get(0).get("permission").asText()).isEqualTo("Dicom.ReadWrite");
		assertThat(result.get("alreadyThere").get(0).get("type").asText()).isEqualTo("delegated");
		assertThat(result.get("alreadyThere").get(0).get("permissionId").asText()).isEqualTo(DicomApi.SCOPE_ID);
		assertThat(storedApplication().path("requiredResourceAccess").get(1).path("resourceAccess")).hasSize(1);
	}

	@Test
	void listShowsOneRowPerPermissionWithNamesTypesAndIds() throws Exception {
		this.shell.run("permission", "add-dicom", "--app", "DICOM client");
		this.shell.run("permission", "add", "--resource-app", "Microsoft Graph", "--role", "Application.Read.All",
				"--app", "DICOM client");

		TestShell.Result table = this.shell.run("permission", "list", "--app", "DICOM client");
		TestShell.Result json = this.shell.run("permission", "list", "--app", "DICOM client", "--output", "json");

		assertThat(table.exitCode()).as(table.all()).isZero();
		assertThat(table.out().lines()).hasSize(5);
		assertThat(table.out()).containsPattern("Microsoft Graph +" + GRAPH_APP_ID + " +User.Read +delegated +" + USER_READ_ID)
			.containsPattern("Microsoft Graph +" + GRAPH_APP_ID + " +Application.Read.All +application ")
			.containsPattern("Azure API for DICOM +" + DicomApi.APP_ID + " +Dicom.ReadWrite +delegated +" + DicomApi.SCOPE_ID)
			.contains("3 permission(s) on 2 API(s) for 'DICOM client'; 3 not granted: 'permission grant' grants admin consent.");
		JsonNode rows = this.json.readTree(json.out());
		assertThat(rows).hasSize(3);
		assertThat(rows.get(2).get("resourceDisplayName").asText()).isEqualTo("Azure API for DICOM");
		assertThat(rows.get(2).get("resourceAppId").asText()).isEqualTo(DicomApi.APP_ID);
		assertThat(rows.get(2).get("permission").asText()).isEqualTo("Dicom.ReadWrite");
		assertThat(rows.get(2).get("type").asText()).isEqualTo("delegated");
		assertThat(rows.get(2).get("permissionId").asText()).isEqualTo(DicomApi.SCOPE_ID);
	}

	@Test
	void anExistingGraphPermissionSurvivesAddDicomAddAndRemove() {
		assertThat(this.shell.run("permission", "add-dicom", "--app", "DICOM client").exitCode()).isZero();
		TestShell.Result added = this.shell.run("permission", "add", "--resource-app", GRAPH_APP_ID, "--scope", "openid",
				"--scope", "profile", "--app", "DICOM client");
		assertThat(added.exitCode()).as(added.all()).isZero();
		assertThat(added.out()).contains("openid (delegated)").contains("profile (delegated)");
		TestShell.Result removed = this.shell.run("permission", "remove", "--resource-app", "Azure API for DICOM",
				"--scope", "Dicom.ReadWrite", "--app", "DICOM client");
		assertThat(removed.exitCode()).as(removed.all()).isZero();
		assertThat(removed.out()).containsPattern("API entry removed +true").contains("Consent already granted is not revoked");
		assertThat(this.shell.run("permission", "remove", "--resource-app", "Microsoft Graph", "--scope", "openid",
				"--scope", "profile", "--app", "DICOM client").exitCode()).isZero();

		JsonNode stored = storedApplication().path("requiredResourceAccess");
		assertThat(stored).hasSize(1);
		assertThat(stored.get(0).path("resourceAppId").asText()).isEqualTo(GRAPH_APP_ID);
		assertThat(stored.get(0).path("resourceAccess").findValuesAsText("id")).containsExactly(USER_READ_ID);
	}

	@Test
	void removingWhatIsNotThereSaysSo() {
		TestShell.Result removed = this.shell.run("permission", "remove", "--resource-app", DicomApi.APP_ID, "--scope",
				"Dicom.ReadWrite", "--app", "DICOM client");

		assertThat(removed.exitCode()).as(removed.all()).isZero();
		assertThat(removed.out()).containsPattern("Changed +false")
			.contains("No change: Dicom.ReadWrite (delegated) is not configured for Azure API for DICOM.");
	}

	@Test
	void badUsageExitsTwoWithOneLineBeforeAnythingIsWritten() throws Exception {
		String before = Files.readString(this.state);

		assertUsageError(this.shell.run("permission", "add", "--resource-app", "Microsoft Graph", "--app", "DICOM client"),
				"Give at least one permission: a delegated permission (--scope NAME)");
		assertUsageError(this.shell.run("permission", "add", "--scope", "User.Read", "--app", "DICOM client"),
				"--resource-app");
		assertUsageError(this.shell.run("permission", "add-dicom", "--scope", DicomApi.SCOPE_ID, "--app", "DICOM client"),
				"is an id: give the permission's name");
		assertUsageError(this.shell.run("permission", "add-dicom", "--scope", "Dicom.Read", "--app", "DICOM client"),
				"It offers: Dicom.ReadWrite.");
		assertUsageError(this.shell.run("permission", "remove", "--resource-app", "No such API", "--scope", "x", "--app",
				"DICOM client"), "No API named 'No such API'");
		assertUsageError(this.shell.run("permission", "list"), "No application selected");
		assertThat(this.state).hasContent(before);
	}

	@Test
	void dicomApiMissingFromTheTenantExitsOneSayingWhy() {
		try (ConnectionTarget target = target()) {
			SandboxAdmin.signIn(target, this.directory.resolve("admin")).graph().client()
				.servicePrincipalsWithAppId(DicomApi.APP_ID).delete(GraphWrites.allowed());
		}

		TestShell.Result added = this.shell.run("permission", "add-dicom", "--app", "DICOM client");

		assertThat(added.exitCode()).isEqualTo(1);
		assertThat(added.err().lines()).singleElement().asString()
			.startsWith("Error: Azure API for DICOM is not in this tenant: it appears only after a DICOM service has been deployed")
			.contains("'permission add --resource-app APPID|NAME --scope NAME'");
	}

	@Test
	void graphRefusingTheWriteExitsOneWithItsCodeAndRequestId() throws Exception {
		RegisteredApplication reader;
		String secret;
		try (ConnectionTarget target = target()) {
			SandboxAdmin admin = SandboxAdmin.signIn(target, this.directory.resolve("admin"));
			reader = admin.register("read-only automation");
			requireGraphRole(admin, reader.objectId(), "9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30");
			admin.grantAdminConsent(reader.appId());
			secret = admin.addSecret(reader.objectId());
		}
		Path secretFile = Files.writeString(this.directory.resolve("secret.txt"), secret);
		TestShell automation = new TestShell(this.directory.resolve("automation"), "--sandbox-state",
				this.state.toString());
		assertThat(automation.run("login", "--service-principal", "--client-id", reader.appId(), "--secret-file",
				secretFile.toString()).exitCode()).isZero();

		TestShell.Result refused = automation.run("permission", "add-dicom", "--app", this.app.appId());

		assertThat(refused.exitCode()).isEqualTo(1);
		assertThat(refused.err().lines()).singleElement().asString()
			.startsWith("Error: Adding the API permissions failed: Authorization_RequestDenied")
			.containsPattern("\\(request-id: [0-9a-f-]{36}\\)$");
		TestShell.Result list = automation.run("permission", "list", "--app", this.app.appId());
		assertThat(list.exitCode()).as(list.all()).isZero();
		assertThat(list.out()).contains("their consent is unknown: the signed-in account may not read consent grants");
	}

	@Test
	void helpShowsEveryOption() {
		TestShell.Result add = this.shell.run("permission", "add", "--help");
		TestShell.Result addDicom = this.shell.run("permission", "add-dicom", "--help");

		assertThat(add.out()).contains("--resource-app", "--scope", "--role", "--app", "tutorial step 5");
		assertThat(addDicom.out()).contains("--scope", "--app", "Dicom.ReadWrite");
	}

	private void assertUsageError(TestShell.Result result, String expected) {
		assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
		assertThat(result.err().lines()).singleElement().asString().startsWith("Error: ").contains(expected);
	}

	private ConnectionTarget target() {
		return new ConnectionTarget(true, this.state, AzureCloud.AzureCloud, null, null);
	}

	private JsonNode storedApplication() {
		try (ConnectionTarget target = target()) {
			return SandboxInspector.of(target.sandbox()).tenant().applicationByAppId(this.app.appId()).orElseThrow();
		}
	}

	/** Gives the app Microsoft Graph's User.Read, as the portal does for every new registration. */
	private static void requireUserRead(SandboxAdmin admin, String objectId) {
		patchGraphAccess(admin, objectId, USER_READ_ID, "Scope");
	}

	private static void requireGraphRole(SandboxAdmin admin, String objectId, String roleId) {
		patchGraphAccess(admin, objectId, roleId, "Role");
	}

	private static void patchGraphAccess(SandboxAdmin admin, String objectId, String id, String type) {
		ResourceAccess access = new ResourceAccess();
		access.setId(UUID.fromString(id));
		access.setType(type);
		RequiredResourceAccess graph = new RequiredResourceAccess();
		graph.setResourceAppId(GRAPH_APP_ID);
		graph.setResourceAccess(List.of(access));
		Application patch = new Application();
		patch.setRequiredResourceAccess(List.of(graph));
		admin.graph().client().applications().byApplicationId(objectId).patch(patch, GraphWrites.allowed());
	}

}
