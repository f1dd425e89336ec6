package io.dicomreg.apps;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.models.OAuth2PermissionGrant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.config.Waiting;
import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.config.DryRun;
import io.dicomreg.error.DicomregException;
import io.dicomreg.sandbox.SandboxInspector;
import io.dicomreg.sandbox.http.RecordedRequest;
import io.dicomreg.support.GraphWrites;
import io.dicomreg.support.SandboxAdmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Admin consent through the real Graph SDK against the sandbox: one AllPrincipals grant per client and API, created
 * when missing, otherwise united with the new scopes; revoking removes only the named scopes; other grants, other
 * scopes and user grants are never touched; a rerun writes nothing.
 */
class ConsentServiceTests {

	private static final String GRAPH = "00000003-0000-0000-c000-000000000000";

	@TempDir
	Path home;

	private ConnectionTarget target;

	private SandboxAdmin admin;

	private ConsentService consent;

	private PermissionService permissions;

	@BeforeEach
	void signIn() {
		this.target = new ConnectionTarget(true, null, AzureCloud.AzureCloud, null, null);
		this.admin = SandboxAdmin.signIn(this.target, this.home);
		ApiDirectory directory = new ApiDirectory(this.admin.graph());
		this.permissions = new PermissionService(this.admin.gateway(), directory);
		this.consent = new ConsentService(this.permissions, directory, new ServicePrincipalService(
				new ServicePrincipalsGateway(this.admin.graph()), Waiting.realTime(), line -> {
				}), new ConsentGateway(this.admin.graph()));
	}

	@AfterEach
	void close() {
		this.target.close();
	}

	@Test
	void grantingDicomReadWriteMakesOneTenantWideGrantAndTheRerunWritesNothing() {
		AppRef app = dicomApp("viewer");

		ConsentChange first = this.consent.grant(app, new ConsentRequest(null, null, null), DryRun.off());
		inspector().clearRequests();
		ConsentChange second = this.consent.grant(app, new ConsentRequest(null, null, null), DryRun.off());

		assertThat(first.changed()).isTrue();
		assertThat(first.note()).isEqualTo("Granted admin consent for Dicom.ReadWrite (delegated) to 'viewer', for all "
				+ "users of the tenant.");
		assertThat(grantsOf(first.clientServicePrincipalId())).singleElement().satisfies(grant -> {
			assertThat(grant.path("consentType").asText()).isEqualTo("AllPrincipals");
			assertThat(grant.path("scope").asText()).isEqualTo("Dicom.ReadWrite");
			assertThat(grant.path("principalId").isNull()).isTrue();
		});
		assertThat(second.changed()).isFalse();
		assertThat(second.note()).isEqualTo("No change: admin consent for Dicom.ReadWrite (delegated) was granted already.");
		assertThat(writes()).isZero();
		assertThat(this.consent.list(app).permissions()).singleElement()
			.satisfies(state -> assertThat(state.label()).isEqualTo("granted for all users"));
	}

	@Test
	void aNewScopeIsUnitedWithTheGrantsScopesAndNothingElseIsTouched() {
		AppRef app = dicomApp("reporting");
		this.permissions.addScopes(app, GRAPH, List.of("User.Read", "Application.Read.All"), DryRun.off());
		String client = this.admin.applications().show(app).servicePrincipal().objectId();
		String graph = inspector().tenant().servicePrincipalByAppId(GRAPH).orElseThrow().path("id").asText();
		// Granted earlier by someone else: a scope the app does not ask for, and one user's own consent.
		createGrant(client, graph, "AllPrincipals", null, "User.Read Directory.Read.All");
		createGrant(client, graph, "Principal", inspector().tenant().adminObjectId(), "Organization.Read.All");

		ConsentChange change = this.consent.grant(app, new ConsentRequest("Microsoft Graph", null, null), DryRun.off());

		assertThat(change.permissions()).extracting(state -> state.permission().value() + "=" + state.changed())
			.containsExactly("User.Read=false", "Application.Read.All=true");
		assertThat(grantsOf(client)).extracting(grant -> grant.path("consentType").asText() + ":" + grant.path("scope").asText())
			.containsExactlyInAnyOrder("AllPrincipals:User.Read Directory.Read.All Application.Read.All",
					"Principal:Organization.Read.All");
		assertThat(grantsOf(client)).noneMatch(grant -> grant.path("resourceId").asText().equals(dicomId()));
		assertThat(inspector().requests()).filteredOn(RecordedRequest::graphWrite)
			.extracting(RecordedRequest::method).containsExactly("PATCH");
	}

	@Test
	void revokingRemovesOnlyTheNamedScopesAndTheRerunChangesNothing() {
		AppRef app = dicomApp("revoked");
		this.permissions.addScopes(app, GRAPH, List.of("User.Read"), DryRun.off());
		this.consent.grant(app, new ConsentRequest(null, null, null), DryRun.off());
		String client = this.admin.applications().show(app).servicePrincipal().objectId();
		String graph = inspector().tenant().servicePrincipalByAppId(GRAPH).orElseThrow().path("id").asText();
		createGrant(client, graph, "Principal", inspector().tenant().adminObjectId(), "User.Read");

		ConsentChange revoked = this.consent.revoke(app, new ConsentRequest(null, List.of("Dicom.ReadWrite"), null),
				DryRun.off());
		inspector().clearRequests();
		ConsentChange again = this.consent.revoke(app, new ConsentRequest(null, List.of("Dicom.ReadWrite"), null),
				DryRun.off());

		assertThat(revoked.changed()).isTrue();
		assertThat(grantsOf(client)).extracting(grant -> grant.path("consentType").asText() + ":" + grant.path("scope").asText())
			.containsExactlyInAnyOrder("AllPrincipals:User.Read", "Principal:User.Read");
		assertThat(again.changed()).isFalse();
		assertThat(again.note()).isEqualTo("No change: admin consent for Dicom.ReadWrite (delegated) was not granted.");
		assertThat(writes()).isZero();
		assertThat(this.consent.list(app).permissions()).extracting(state -> state.permission().value() + ":" + state.label())
			.containsExactly("Dicom.ReadWrite:not granted", "User.Read:granted for all users");
	}

	@Test
	void aDryRunWritesNothing() {
		AppRef app = dicomApp("dry");
		inspector().clearRequests();

		ConsentChange planned = this.consent.grant(app, new ConsentRequest(null, null, null), DryRun.planning());

		assertThat(planned.changed()).isTrue();
		assertThat(planned.note()).isEqualTo("Dry run: no consent was granted.");
		assertThat(writes()).isZero();
	}

	@Test
	void badSelectionsAndAMissingServicePrincipalAreOneLineAndChangeNothing() {
		AppRef app = dicomApp("picky");
		RegisteredApplication bare = this.admin.registerWithoutServicePrincipal("bare");
		this.permissions.addDicomScope(bare.ref(), "Dicom.ReadWrite", DryRun.off());
		inspector().clearRequests();

		assertThatThrownBy(() -> this.consent.grant(app, new ConsentRequest(null, List.of("Dicom.Read"), null), DryRun.off()))
			.isInstanceOf(DicomregException.class)
			.hasMessage("'Dicom.Read' given for the delegated permission is not among the delegated permissions 'picky' asks for: add it "
					+ "first with 'permission add', or see 'permission list'.");
		assertThatThrownBy(() -> this.consent.grant(app, new ConsentRequest("Microsoft Graph", null, null), DryRun.off()))
			.isInstanceOf(DicomregException.class)
			.hasMessageStartingWith("'picky' asks no permission of Microsoft Graph (");
		assertThatThrownBy(() -> this.consent.revoke(app, new ConsentRequest(null, null, null), DryRun.off()))
			.isInstanceOf(DicomregException.class)
			.hasMessageStartingWith("Name the permissions to revoke consent for: --scope NAME or --role NAME");
		assertThatThrownBy(() -> this.consent.grant(bare.ref(), new ConsentRequest(null, null, null), DryRun.off()))
			.isInstanceOf(DicomregException.class)
			.hasMessage("'bare' has no service principal, and consent is granted to one: run 'app sp create --app "
					+ bare.appId() + "' first.");
		assertThat(writes()).isZero();
	}

	@Test
	void applicationPermissionsAreGrantedAsAppRoleAssignmentsAndRevokedByName() {
		AppRef app = this.admin.register("daemon").ref();
		this.permissions.add(app, new PermissionRequest("Microsoft Graph", null, List.of("Application.Read.All")),
				DryRun.off());
		String client = this.admin.applications().show(app).servicePrincipal().objectId();

		ConsentChange granted = this.consent.grant(app, new ConsentRequest(null, null, null), DryRun.off());
		inspector().clearRequests();
		ConsentChange again = this.consent.grant(app, new ConsentRequest(null, null, null), DryRun.off());

		assertThat(granted.changed()).isTrue();
		assertThat(inspector().tenant().appRoleAssignments()).filteredOn(a -> a.path("principalId").asText().equals(client))
			.singleElement().satisfies(a -> assertThat(a.path("appRoleId").asText())
				.isEqualTo("9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30"));
		assertThat(again.changed()).isFalse();
		assertThat(writes()).isZero();
		assertThat(this.consent.list(app).permissions()).singleElement()
			.satisfies(state -> assertThat(state.label()).isEqualTo("granted for all users"));

		ConsentChange revoked = this.consent.revoke(app, new ConsentRequest(null, null, List.of("Application.Read.All")),
				DryRun.off());

		assertThat(revoked.changed()).isTrue();
		assertThat(inspector().tenant().appRoleAssignments()).noneMatch(a -> a.path("principalId").asText().equals(client));
	}

	@Test
	void aGrantTheReadMissedMeetsGraphs409AndIsUnitedInstead() {
		AppRef app = dicomApp("raced");
		this.permissions.addScopes(app, GRAPH, List.of("User.Read"), DryRun.off());
		String client = this.admin.applications().show(app).servicePrincipal().objectId();
		String graph = inspector().tenant().servicePrincipalByAppId(GRAPH).orElseThrow().path("id").asText();
		createGrant(client, graph, "AllPrincipals", null, "Directory.Read.All");
		// A replica that does not show the grant yet: the first read of it finds none.
		ConsentGateway stale = new ConsentGateway(this.admin.graph()) {

			private boolean missed;

			@Override
			public java.util.Optional<OAuth2PermissionGrant> allPrincipalsGrant(String clientId, String resourceId) {
				if (!this.missed && resourceId.equals(graph)) {
					this.missed = true;
					return java.util.Optional.empty();
				}
				return super.allPrincipalsGrant(clientId, resourceId);
			}

		};
		ConsentService racing = new ConsentService(this.permissions, new ApiDirectory(this.admin.graph()),
				new ServicePrincipalService(new ServicePrincipalsGateway(this.admin.graph()),
						Waiting.realTime(), line -> {
						}), stale);

		ConsentChange change = racing.grant(app, new ConsentRequest("Microsoft Graph", null, null), DryRun.off());

		assertThat(change.changed()).isTrue();
		assertThat(inspector().requests()).filteredOn(RecordedRequest::graphWrite)
			.extracting(request -> request.method() + " " + request.status())
			.containsExactly("POST 409", "PATCH 204");
		assertThat(grantsOf(client)).extracting(grant -> grant.path("scope").asText())
			.containsExactly("Directory.Read.All User.Read");
	}

	private AppRef dicomApp(String name) {
		AppRef app = this.admin.register(name).ref();
		this.permissions.addDicomScope(app, "Dicom.ReadWrite", DryRun.off());
		return app;
	}

	private void createGrant(String client, String resource, String consentType, String principal, String scope) {
		OAuth2PermissionGrant grant = new OAuth2PermissionGrant();
		grant.setClientId(client);
		grant.setResourceId(resource);
		grant.setConsentType(consentType);
		grant.setPrincipalId(principal);
		grant.setScope(scope);
		this.admin.graph().withPermissions(List.of("DelegatedPermissionGrant.ReadWrite.All"),
				() -> this.admin.graph().client().oauth2PermissionGrants().post(grant, GraphWrites.allowed()));
		inspector().clearRequests();
	}

	private List<JsonNode> grantsOf(String client) {
		return inspector().tenant().oauth2PermissionGrants().stream()
			.filter(grant -> grant.path("clientId").asText().equals(client))
			.toList();
	}

	private String dicomId() {
		return inspector().tenant().servicePrincipalByAppId(DicomApi.APP_ID).orElseThrow().path("id").asText();
	}

	private SandboxInspector inspector() {
		return SandboxInspector.of(this.target.sandbox());
	}

	private long writes() {
		return inspector().requests().stream().filter(RecordedRequest::graphWrite).count();
	}


}
