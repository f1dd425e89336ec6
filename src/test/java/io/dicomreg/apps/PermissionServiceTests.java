package io.dicomreg.apps;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.models.ApiApplication;
import com.microsoft.graph.models.Application;
import com.microsoft.graph.models.PermissionScope;
import com.microsoft.graph.models.RequiredResourceAccess;
import com.microsoft.graph.models.ResourceAccess;
import com.microsoft.graph.models.ServicePrincipal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.support.GraphWrites;
import io.dicomreg.config.DryRun;
import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.ExitCode;
import io.dicomreg.sandbox.http.RecordedRequest;
import io.dicomreg.sandbox.SandboxInspector;
import io.dicomreg.support.SandboxAdmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * API permissions and the tenant's APIs through the real Graph SDK against the sandbox tenant, which
 * checks every permission id against the resource's service principal.
 */
class PermissionServiceTests {

	private static final String GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";

	private static final String USER_READ_ID = "e1fe6dd8-ba31-4d61-89e7-88639da4683d";

	private static final String APPLICATION_READ_ALL_ROLE_ID = "9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30";

	@TempDir
	Path directory;

	private ConnectionTarget target;

	private SandboxAdmin admin;

	private PermissionService permissions;

	private ApiDirectory apis;

	private AppRef app;

	@BeforeEach
	void signInAndRegister() {
		this.target = new ConnectionTarget(true, null, AzureCloud.AzureCloud, null, null);
		this.admin = SandboxAdmin.signIn(this.target, this.directory);
		this.apis = new ApiDirectory(this.admin.graph());
		this.permissions = new PermissionService(this.admin.gateway(), this.apis);
		RegisteredApplication registered = this.admin.register("DICOM client");
		this.app = new AppRef(registered.objectId(), registered.appId(), registered.displayName());
	}

	@AfterEach
	void close() {
		this.target.close();
	}

	@Test
	void addDicomScopeStoresTheScopeIdReadFromTheTenantUnderTheDicomApi() {
		PermissionChange change = this.permissions.addDicomScope(this.app, DicomApi.SCOPE, DryRun.off());

		assertThat(change.changed()).isTrue();
		assertThat(change.resource().appId()).isEqualTo(DicomApi.APP_ID);
		assertThat(change.resource().displayName()).isEqualTo(DicomApi.DISPLAY_NAME);
		assertThat(change.changedPermissions()).extracting(ApiPermission::value, ApiPermission::type,
				ApiPermission::permissionId)
			.containsExactly(tuple("Dicom.ReadWrite", PermissionType.DELEGATED, DicomApi.SCOPE_ID));
		JsonNode stored = storedApplication().path("requiredResourceAccess");
		assertThat(stored).hasSize(1);
		assertThat(stored.get(0).path("resourceAppId").asText()).isEqualTo("75e725bf-66ce-4cea-9b9a-5c4caae57f33");
		assertThat(stored.get(0).path("resourceAccess")).hasSize(1);
		assertThat(stored.get(0).path("resourceAccess").get(0).path("id").asText())
			.isEqualTo("e69ab058-b8ae-4c0f-b687-5d97888ddccb");
		assertThat(stored.get(0).path("resourceAccess").get(0).path("type").asText()).isEqualTo("Scope");
	}

	@Test
	void addingDicomScopeTwiceChangesNothingTheSecondTimeAndWritesNothing() {
		this.permissions.addDicomScope(this.app, DicomApi.SCOPE, DryRun.off());
		server().clearRequests();

		PermissionChange second = this.permissions.addDicomScope(this.app, "Dicom.ReadWrite", DryRun.off());

		assertThat(second.changed()).isFalse();
		assertThat(second.changedPermissions()).isEmpty();
		assertThat(second.unchangedPermissions()).extracting(ApiPermission::value).containsExactly("Dicom.ReadWrite");
		assertThat(server().requests()).isNotEmpty().noneMatch(RecordedRequest::graphWrite);
		assertThat(storedApplication().path("requiredResourceAccess").get(0).path("resourceAccess")).hasSize(1);
	}

	@Test
	void anExistingGraphPermissionSurvivesAddDicomAddAndRemove() {
		requireUserRead();

		this.permissions.addDicomScope(this.app, DicomApi.SCOPE, DryRun.off());
		this.permissions.add(this.app, new PermissionRequest("Microsoft Graph", List.of("openid"),
				List.of("Application.Read.All")), DryRun.off());
		this.permissions.removeScopes(this.app, DicomApi.APP_ID, List.of(DicomApi.SCOPE), DryRun.off());
		this.permissions.remove(this.app, new PermissionRequest(GRAPH_APP_ID, List.of("openid"),
				List.of("Application.Read.All")), DryRun.off());

		assertThat(this.permissions.list(this.app).permissions())
			.extracting(ApiPermission::resourceAppId, ApiPermission::value, ApiPermission::permissionId)
			.containsExactly(tuple(GRAPH_APP_ID, "User.Read", USER_READ_ID));
	}

	@Test
	void addMergesIntoTheResourcesEntryAndKeepsTheOtherResources() {
		requireUserRead();
		this.permissions.addDicomScope(this.app, DicomApi.SCOPE, DryRun.off());

		PermissionChange change = this.permissions.add(this.app,
				new PermissionRequest(GRAPH_APP_ID, List.of("User.Read", "profile", "openid"), List.of("Application.Read.All")), DryRun.off());

		assertThat(change.changedPermissions()).extracting(ApiPermission::describe)
			.containsExactly("profile (delegated)", "openid (delegated)", "Application.Read.All (application)");
		assertThat(change.unchangedPermissions()).extracting(ApiPermission::value).containsExactly("User.Read");
		JsonNode stored = storedApplication().path("requiredResourceAccess");
		assertThat(stored).hasSize(2);
		assertThat(stored.get(0).path("resourceAppId").asText()).isEqualTo(GRAPH_APP_ID);
		assertThat(stored.get(0).path("resourceAccess").findValuesAsText("id")).containsExactly(USER_READ_ID,
				"14dad69e-099b-42c9-810b-d002981feec1", "37f7f235-527c-4136-accd-4a02d197296e",
				APPLICATION_READ_ALL_ROLE_ID);
		assertThat(stored.get(0).path("resourceAccess").findValuesAsText("type")).containsExactly("Scope", "Scope",
				"Scope", "Role");
		assertThat(stored.get(1).path("resourceAppId").asText()).isEqualTo(DicomApi.APP_ID);
	}

	@Test
	void addFindsTheResourceByDisplayNameAndScopeNamesIgnoringCase() {
		PermissionChange change = this.permissions.addScopes(this.app, "azure api for dicom", List.of("dicom.readwrite"), DryRun.off());

		assertThat(change.resource().appId()).isEqualTo(DicomApi.APP_ID);
		assertThat(change.changedPermissions()).extracting(ApiPermission::value).containsExactly("Dicom.ReadWrite");
	}

	@Test
	void unknownScopeIsAUsageErrorListingTheScopesTheApiOffersAndWritesNothing() {
		server().clearRequests();

		assertThatThrownBy(() -> this.permissions.addDicomScope(this.app, "Dicom.Read", DryRun.off()))
			.isInstanceOfSatisfying(DicomregException.class, ex -> {
				assertThat(ex.getExitCode()).isEqualTo(ExitCode.USAGE);
				assertThat(ex.getMessage()).startsWith("The delegated permission 'Dicom.Read': Azure API for DICOM")
					.contains("It offers: Dicom.ReadWrite.");
			});
		assertThat(server().requests()).noneMatch(RecordedRequest::graphWrite);
	}

	@Test
	void unknownGraphScopeListsCloseNamesFirstAndAtMostFifteen() {
		assertThatThrownBy(() -> this.permissions.addScopes(this.app, "Microsoft Graph", List.of("Directory"), DryRun.off()))
			.isInstanceOfSatisfying(DicomregException.class, ex -> assertThat(ex.getMessage())
				.contains("It offers: Directory.Read.All, Directory.ReadWrite.All, "));
		assertThatThrownBy(() -> this.permissions.add(this.app, new PermissionRequest(DicomApi.APP_ID, List.of(),
				List.of("Dicom.Admin")), DryRun.off()))
			.hasMessageContaining("offers no application permissions; it offers delegated permissions: ask for a delegated "
					+ "permission instead (--scope).");
	}

	@Test
	void permissionIdsAndEmptyRequestsAreRefusedBeforeAnyRequest() {
		server().clearRequests();

		assertThatThrownBy(() -> this.permissions.addDicomScope(this.app, DicomApi.SCOPE_ID, DryRun.off()))
			.isInstanceOfSatisfying(DicomregException.class, ex -> {
				assertThat(ex.getExitCode()).isEqualTo(ExitCode.USAGE);
				assertThat(ex.getMessage()).contains("is an id").contains("name");
			});
		assertThatThrownBy(() -> PermissionRequest.scopes(DicomApi.APP_ID, List.of()))
			.hasMessageContaining("Give at least one permission: a delegated permission (--scope NAME)");
		assertThatThrownBy(() -> PermissionRequest.scopes(" ", List.of("x"))).hasMessageStartingWith("The API is required");
		assertThat(server().requests()).isEmpty();
	}

	@Test
	void unknownResourceNameSuggestsNamesThatStartTheSame() {
		assertThatThrownBy(() -> this.permissions.addScopes(this.app, "Azure API", List.of("x"), DryRun.off()))
			.isInstanceOfSatisfying(DicomregException.class, ex -> {
				assertThat(ex.getExitCode()).isEqualTo(ExitCode.USAGE);
				assertThat(ex.getMessage()).startsWith("No API named 'Azure API' in this tenant")
					.contains("Azure API for DICOM");
			});
		assertThatThrownBy(() -> this.permissions.addScopes(this.app, "11111111-2222-3333-4444-555555555555",
				List.of("x"), DryRun.off()))
			.hasMessageStartingWith("No API with application ID 11111111-2222-3333-4444-555555555555 in this tenant");
	}

	@Test
	void ambiguousResourceNameListsTheCandidatesApplicationIds() {
		String first = createApi("Twin API", "Twin.Read");
		String second = createApi("Twin API", "Twin.Read");

		assertThatThrownBy(() -> this.permissions.addScopes(this.app, "Twin API", List.of("Twin.Read"), DryRun.off()))
			.isInstanceOfSatisfying(DicomregException.class, ex -> {
				assertThat(ex.getExitCode()).isEqualTo(ExitCode.USAGE);
				assertThat(ex.getMessage()).contains("2 service principals are named 'Twin API'").contains(first)
					.contains(second);
			});
		assertThat(this.permissions.addScopes(this.app, second, List.of("Twin.Read"), DryRun.off()).changed()).isTrue();
	}

	@Test
	void removeDropsTheResourceEntryWhenNothingIsLeftAndKeepsTheRest() {
		requireUserRead();
		this.permissions.addDicomScope(this.app, DicomApi.SCOPE, DryRun.off());

		PermissionChange removed = this.permissions.removeScopes(this.app, DicomApi.DISPLAY_NAME, List.of(DicomApi.SCOPE), DryRun.off());

		assertThat(removed.changed()).isTrue();
		assertThat(removed.resourceEntryRemoved()).isTrue();
		JsonNode stored = storedApplication().path("requiredResourceAccess");
		assertThat(stored).hasSize(1);
		assertThat(stored.get(0).path("resourceAppId").asText()).isEqualTo(GRAPH_APP_ID);
	}

	@Test
	void removingTheLastPermissionLeavesAnEmptyList() {
		this.permissions.addDicomScope(this.app, DicomApi.SCOPE, DryRun.off());

		this.permissions.removeScopes(this.app, DicomApi.APP_ID, List.of(DicomApi.SCOPE), DryRun.off());

		assertThat(storedApplication().path("requiredResourceAccess")).isEmpty();
		assertThat(this.permissions.list(this.app).permissions()).isEmpty();
	}

	@Test
	void removingWhatIsNotThereChangesNothingAndWritesNothing() {
		requireUserRead();
		server().clearRequests();

		PermissionChange change = this.permissions.removeScopes(this.app, DicomApi.APP_ID, List.of(DicomApi.SCOPE), DryRun.off());

		assertThat(change.changed()).isFalse();
		assertThat(change.resourceEntryRemoved()).isFalse();
		assertThat(change.unchangedPermissions()).extracting(ApiPermission::value).containsExactly("Dicom.ReadWrite");
		assertThat(server().requests()).noneMatch(RecordedRequest::graphWrite);
	}

	@Test
	void listNamesEachPermissionWithOneRequestPerResource() {
		requireUserRead();
		this.permissions.add(this.app, new PermissionRequest(GRAPH_APP_ID, List.of("openid"), List.of("Application.Read.All")), DryRun.off());
		this.permissions.addDicomScope(this.app, DicomApi.SCOPE, DryRun.off());
		server().clearRequests();

		PermissionList list = this.permissions.list(this.app);

		assertThat(list.permissions())
			.extracting(ApiPermission::resourceDisplayName, ApiPermission::value, ApiPermission::type)
			.containsExactly(tuple("Microsoft Graph", "User.Read", PermissionType.DELEGATED),
					tuple("Microsoft Graph", "openid", PermissionType.DELEGATED),
					tuple("Microsoft Graph", "Application.Read.All", PermissionType.APPLICATION),
					tuple("Azure API for DICOM", "Dicom.ReadWrite", PermissionType.DELEGATED));
		assertThat(list.resourceCount()).isEqualTo(2);
		assertThat(list.resourcesNotInTenant()).isEmpty();
		assertThat(server().requests()).filteredOn(request -> request.path().contains("/servicePrincipals"))
			.hasSize(2);
	}

	@Test
	void listShowsAResourceThatLeftTheTenantByItsIds() {
		String apiAppId = createApi("Departing API", "Depart.Read");
		PermissionChange added = this.permissions.addScopes(this.app, apiAppId, List.of("Depart.Read"), DryRun.off());
		deleteServicePrincipal(apiAppId);

		PermissionList list = this.permissions.list(this.app);

		assertThat(list.permissions()).singleElement().satisfies(permission -> {
			assertThat(permission.resourceAppId()).isEqualTo(apiAppId);
			assertThat(permission.resourceDisplayName()).isNull();
			assertThat(permission.value()).isNull();
			assertThat(permission.permissionId()).isEqualTo(added.changedPermissions().get(0).permissionId());
		});
		assertThat(list.resourcesNotInTenant()).containsExactly(apiAppId);
	}

	@Test
	void aPermissionOfAnApiThatLeftTheTenantIsRemovedByItsIdsAndTheOthersStay() {
		String apiAppId = createApi("Departing API", "Depart.Read");
		String permissionId = this.permissions.addScopes(this.app, apiAppId, List.of("Depart.Read"), DryRun.off())
			.changedPermissions().get(0).permissionId();
		this.permissions.addDicomScope(this.app, DicomApi.SCOPE, DryRun.off());
		deleteServicePrincipal(apiAppId);

		assertThatThrownBy(() -> this.permissions.remove(this.app, PermissionRequest.scopes(apiAppId,
				List.of("Depart.Read")), DryRun.off()))
			.hasMessageContaining("give the delegated permission as the permission's id");
		PermissionChange removed = this.permissions.remove(this.app, PermissionRequest.scopes(apiAppId,
				List.of(permissionId.toUpperCase())), DryRun.off());
		PermissionChange again = this.permissions.remove(this.app, PermissionRequest.scopes(apiAppId,
				List.of(permissionId)), DryRun.off());

		assertThat(removed.changed()).isTrue();
		assertThat(removed.resourceEntryRemoved()).isTrue();
		assertThat(again.changed()).isFalse();
		assertThat(this.permissions.list(this.app).permissions()).singleElement()
			.satisfies(permission -> assertThat(permission.value()).isEqualTo(DicomApi.SCOPE));
	}

	@Test
	void dicomApiMissingFromTheTenantIsExplainedInWords() {
		deleteServicePrincipal(DicomApi.APP_ID);

		assertThat(this.apis.dicomApi()).isEmpty();
		assertThatThrownBy(() -> this.permissions.addDicomScope(this.app, DicomApi.SCOPE, DryRun.off()))
			.isInstanceOfSatisfying(DicomregException.class, ex -> {
				assertThat(ex.getExitCode()).isEqualTo(ExitCode.FAILURE);
				assertThat(ex.getMessage()).startsWith("Azure API for DICOM is not in this tenant")
					.contains("only after a DICOM service has been deployed")
					.contains("permission add --resource-app APPID|NAME --scope NAME")
					.doesNotContain("\n");
			});
		assertThat(storedApplication().path("requiredResourceAccess")).isEmpty();
	}

	@Test
	void dicomApiRegisteredUnderAnotherApplicationIdIsFoundByItsDisplayName() {
		deleteServicePrincipal(DicomApi.APP_ID);
		String otherAppId = createApi(DicomApi.DISPLAY_NAME, DicomApi.SCOPE);

		PermissionChange change = this.permissions.addDicomScope(this.app, DicomApi.SCOPE, DryRun.off());

		assertThat(change.resource().appId()).isEqualTo(otherAppId);
		assertThat(storedApplication().path("requiredResourceAccess").get(0).path("resourceAppId").asText())
			.isEqualTo(otherAppId);
	}

	@Test
	void graphRefusingTheWriteIsOneLineWithItsCodeAndRequestId() {
		server().injectFault("PATCH", "/v1.0/applications/", 403, 1, null);

		assertThatThrownBy(() -> this.permissions.addDicomScope(this.app, DicomApi.SCOPE, DryRun.off()))
			.isInstanceOfSatisfying(DicomregException.class, ex -> {
				assertThat(ex.getExitCode()).isEqualTo(ExitCode.FAILURE);
				assertThat(ex.getMessage()).startsWith("Adding the API permissions failed: ")
					.endsWith("(request-id: " + ex.getRequestId() + ")")
					.doesNotContain("\n");
			});
	}

	@Test
	void completionNamesComeFromTheResourceNamedOnTheLine() {
		assertThat(this.apis.permissionNames(DicomApi.DISPLAY_NAME, PermissionType.DELEGATED, "Di"))
			.containsExactly("Dicom.ReadWrite");
		assertThat(this.apis.permissionNames(null, PermissionType.DELEGATED, "")).containsExactly("Dicom.ReadWrite");
		assertThat(this.apis.permissionNames(GRAPH_APP_ID, PermissionType.APPLICATION, "application.r"))
			.containsExactly("Application.Read.All", "Application.ReadWrite.All", "Application.ReadWrite.OwnedBy");
		assertThat(this.apis.permissionNames("No such API", PermissionType.DELEGATED, "")).isEmpty();
		assertThat(this.apis.resourceNames("Micro")).contains("Microsoft Graph",
				"Microsoft Graph Command Line Tools");
		assertThat(this.apis.resourceNames("Azure API f")).containsExactly("Azure API for DICOM");
	}

	@Test
	void limitsOfEntraAreCheckedBeforeWriting() {
		RequiredAccess access = new RequiredAccess();
		for (int i = 0; i < RequiredAccess.MAX_RESOURCES; i++) {
			access.addResource(UUID.randomUUID().toString(),
					List.of(new RequiredAccess.Access(UUID.randomUUID().toString(), "Scope")));
		}
		PermissionService.checkLimits(access);
		access.add(UUID.randomUUID().toString(), new RequiredAccess.Access(UUID.randomUUID().toString(), "Scope"));

		assertThatThrownBy(() -> PermissionService.checkLimits(access)).hasMessageContaining("at most 50");
	}

	private void requireUserRead() {
		ResourceAccess userRead = new ResourceAccess();
		userRead.setId(UUID.fromString(USER_READ_ID));
		userRead.setType("Scope");
		RequiredResourceAccess graph = new RequiredResourceAccess();
		graph.setResourceAppId(GRAPH_APP_ID);
		graph.setResourceAccess(List.of(userRead));
		Application patch = new Application();
		patch.setRequiredResourceAccess(List.of(graph));
		this.admin.graph().client().applications().byApplicationId(this.app.objectId()).patch(patch, GraphWrites.allowed());
	}

	/** Registers an API exposing one delegated scope, with its service principal; returns its appId. */
	private String createApi(String name, String scopeValue) {
		PermissionScope scope = new PermissionScope();
		scope.setId(UUID.randomUUID());
		scope.setValue(scopeValue);
		scope.setType("User");
		scope.setIsEnabled(true);
		scope.setAdminConsentDisplayName(scopeValue);
		scope.setAdminConsentDescription("Lets the app use " + scopeValue);
		ApiApplication api = new ApiApplication();
		api.setOauth2PermissionScopes(List.of(scope));
		Application application = new Application();
		application.setDisplayName(name);
		application.setApi(api);
		Application created = this.admin.graph().client().applications().post(application, GraphWrites.allowed());
		ServicePrincipal principal = new ServicePrincipal();
		principal.setAppId(created.getAppId());
		this.admin.graph().client().servicePrincipals().post(principal, GraphWrites.allowed());
		return created.getAppId();
	}

	private void deleteServicePrincipal(String appId) {
		this.admin.graph().client().servicePrincipalsWithAppId(appId).delete(GraphWrites.allowed());
	}

	private JsonNode storedApplication() {
		return server().tenant().applicationByAppId(this.app.appId()).orElseThrow();
	}

	private SandboxInspector server() {
		return SandboxInspector.of(this.target.sandbox());
	}

}
