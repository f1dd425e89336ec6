package io.dicomreg.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.graph.models.AppRoleAssignment;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Application permissions consented through app role assignments ({@code appRoleAssignedTo} and
 * {@code appRoleAssignments}): the bodies Graph answers, the refusals, who may assign, what app-only tokens carry,
 * and that all of it is kept in the state file.
 */
@ExtendWith(SandboxExtension.class)
class AppRoleAssignmentsTests {

	private static final Set<String> GRAPH_DEFAULT = Set.of("https://graph.microsoft.com/.default");

	private static final String READ_ALL_ROLE = SandboxDirectory.graphRole("Application.Read.All").orElseThrow().id();

	@Test
	void assignmentIsAnsweredWithGraphsBody(Sandbox server) {
		GraphFixture graph = new GraphFixture(server);
		Daemon daemon = daemon(graph, "assigned daemon");
		String graphId = servicePrincipalId(server, SandboxDirectory.GRAPH_APP_ID);

		SandboxHttp.Response response = assign(graph, graphId, daemon.servicePrincipalId(), READ_ALL_ROLE);

		assertThat(response.status()).as(response.text()).isEqualTo(201);
		JsonNode body = response.json();
		assertThat(body.fieldNames()).toIterable().containsExactly("@odata.context", "id", "deletedDateTime",
				"appRoleId", "createdDateTime", "principalDisplayName", "principalId", "principalType",
				"resourceDisplayName", "resourceId");
		assertThat(body.path("@odata.context").asText()).isEqualTo(server.graphEndpoint() + "/v1.0/$metadata#"
				+ "servicePrincipals('" + graphId + "')/appRoleAssignedTo/$entity");
		assertThat(body.path("id").asText()).matches("[A-Za-z0-9_-]{43}");
		assertThat(body.path("deletedDateTime").isNull()).isTrue();
		assertThat(body.path("appRoleId").asText()).isEqualTo(READ_ALL_ROLE);
		assertThat(body.path("createdDateTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}Z");
		assertThat(body.path("principalDisplayName").asText()).isEqualTo("assigned daemon");
		assertThat(body.path("principalId").asText()).isEqualTo(daemon.servicePrincipalId());
		assertThat(body.path("principalType").asText()).isEqualTo("ServicePrincipal");
		assertThat(body.path("resourceDisplayName").asText()).isEqualTo("Microsoft Graph");
		assertThat(body.path("resourceId").asText()).isEqualTo(graphId);
		assertThat(response.header("Location")).isEqualTo(server.graphEndpoint() + "/v1.0/servicePrincipals/"
				+ graphId + "/appRoleAssignedTo/" + body.path("id").asText());
	}

	@Test
	void appOnlyTokenCarriesOnlyAssignedRoles(Sandbox server) throws Exception {
		GraphFixture graph = new GraphFixture(server);
		Daemon daemon = daemon(graph, "daemon awaiting consent");
		String graphId = servicePrincipalId(server, SandboxDirectory.GRAPH_APP_ID);

		JWTClaimsSet before = clientCredentials(server, daemon);
		String assignmentId = assign(graph, graphId, daemon.servicePrincipalId(), READ_ALL_ROLE).json().path("id")
			.asText();
		JWTClaimsSet assigned = clientCredentials(server, daemon);
		assertThat(graph.http().delete("/v1.0/servicePrincipals/" + graphId + "/appRoleAssignedTo/" + assignmentId,
				graph.token()).status()).isEqualTo(204);
		JWTClaimsSet revoked = clientCredentials(server, daemon);

		assertThat(before.getClaim("roles")).as("configured is not consented").isNull();
		assertThat(before.getStringClaim("idtyp")).isEqualTo("app");
		assertThat(assigned.getStringListClaim("roles")).containsExactly("Application.Read.All");
		assertThat(revoked.getClaim("roles")).isNull();
	}

	@Test
	void secondEqualAssignmentIsRefused(Sandbox server) {
		GraphFixture graph = new GraphFixture(server);
		Daemon daemon = daemon(graph, "assigned twice");
		String graphId = servicePrincipalId(server, SandboxDirectory.GRAPH_APP_ID);
		assign(graph, graphId, daemon.servicePrincipalId(), READ_ALL_ROLE);

		GraphApplicationsTests.assertGraphError(assign(graph, graphId, daemon.servicePrincipalId(), READ_ALL_ROLE),
				400, "Request_BadRequest", "Permission being assigned already exists on the object");
	}

	@Test
	void roleTheResourceDoesNotOfferToApplicationsIsRefused(Sandbox server) {
		GraphFixture graph = new GraphFixture(server);
		Daemon daemon = daemon(graph, "wrong role");
		String graphId = servicePrincipalId(server, SandboxDirectory.GRAPH_APP_ID);
		String delegatedScopeId = SandboxDirectory.graphScope("Application.Read.All").orElseThrow().id();

		for (String appRoleId : new String[] { UUID.randomUUID().toString(), delegatedScopeId }) {
			GraphApplicationsTests.assertGraphError(assign(graph, graphId, daemon.servicePrincipalId(), appRoleId), 400,
					"Request_BadRequest", "Permission being assigned was not found on application.");
		}
		assertThat(SandboxInspector.of(server).tenant().appRoleAssignments())
			.noneMatch((assignment) -> assignment.path("principalId").asText().equals(daemon.servicePrincipalId()));
	}

	@Test
	void assignmentsAreListedFromBothSidesAndFilteredByPrincipal(Sandbox server) {
		GraphFixture graph = new GraphFixture(server);
		Daemon first = daemon(graph, "listed first");
		Daemon second = daemon(graph, "listed second");
		String graphId = servicePrincipalId(server, SandboxDirectory.GRAPH_APP_ID);
		String assignmentId = assign(graph, graphId, first.servicePrincipalId(), READ_ALL_ROLE).json().path("id")
			.asText();
		assign(graph, graphId, second.servicePrincipalId(), READ_ALL_ROLE);

		JsonNode filtered = graph.http().get("/v1.0/servicePrincipals(appId='" + SandboxDirectory.GRAPH_APP_ID
				+ "')/appRoleAssignedTo?$filter=" + SandboxHttp.encode("principalId eq '" + first.servicePrincipalId()
						+ "'").replace("+", "%20"), graph.token()).json();
		JsonNode held = graph.http().get("/v1.0/servicePrincipals/" + second.servicePrincipalId()
				+ "/appRoleAssignments", graph.token()).json();
		JsonNode one = graph.http().get("/v1.0/servicePrincipals/" + graphId + "/appRoleAssignedTo/" + assignmentId,
				graph.token()).json();

		assertThat(filtered.path("@odata.context").asText())
			.endsWith("$metadata#servicePrincipals('" + graphId + "')/appRoleAssignedTo");
		assertThat(filtered.path("value")).singleElement()
			.satisfies((assignment) -> assertThat(assignment.path("id").asText()).isEqualTo(assignmentId));
		assertThat(held.path("value")).singleElement().satisfies((assignment) -> {
			assertThat(assignment.path("principalId").asText()).isEqualTo(second.servicePrincipalId());
			assertThat(assignment.path("resourceId").asText()).isEqualTo(graphId);
		});
		assertThat(one.path("principalDisplayName").asText()).isEqualTo("listed first");
	}

	@Test
	void graphSdkAssignsThroughAppRoleAssignmentsOfTheClient(Sandbox server) {
		GraphFixture graph = new GraphFixture(server);
		Daemon daemon = daemon(graph, "sdk assigned");
		GraphServiceClient sdk = GraphSdkWireCompatibilityTests.graphClient(server, graph.token());
		String graphId = servicePrincipalId(server, SandboxDirectory.GRAPH_APP_ID);

		AppRoleAssignment created = sdk.servicePrincipals().byServicePrincipalId(daemon.servicePrincipalId())
			.appRoleAssignments().post(assignment(daemon.servicePrincipalId(), graphId));

		assertThat(created.getId()).hasSize(43);
		assertThat(created.getCreatedDateTime()).isNotNull();
		assertThat(created.getResourceDisplayName()).isEqualTo("Microsoft Graph");
		// A new body: the SDK's backing store sends only what changed since a model was last sent.
		assertThatExceptionOfType(ODataError.class).isThrownBy(() -> sdk.servicePrincipals()
			.byServicePrincipalId(daemon.servicePrincipalId())
			.appRoleAssignments()
			.post(assignment(daemon.servicePrincipalId(), graphId))).satisfies((error) -> {
				assertThat(error.getResponseStatusCode()).isEqualTo(400);
				assertThat(error.getError().getMessage())
					.isEqualTo("Permission being assigned already exists on the object");
			});
	}

	@Test
	void assignmentsNeedAppRoleAssignmentReadWriteAllAndAReadPermission(Sandbox server) {
		GraphFixture graph = new GraphFixture(server);
		Daemon daemon = daemon(graph, "permission checks");
		String graphId = servicePrincipalId(server, SandboxDirectory.GRAPH_APP_ID);
		String assignOnly = SandboxTokens.delegated(server, "AppRoleAssignment.ReadWrite.All");
		String readOnly = SandboxTokens.delegated(server, "Application.Read.All");
		Map<String, String> body = Map.of("principalId", daemon.servicePrincipalId(), "resourceId", graphId,
				"appRoleId", READ_ALL_ROLE);
		String path = "/v1.0/servicePrincipals/" + graphId + "/appRoleAssignedTo";

		GraphApplicationsTests.assertGraphError(graph.http().post(path, assignOnly, body), 403,
				"Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
		GraphApplicationsTests.assertGraphError(graph.http().post(path, readOnly, body), 403,
				"Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
		assertThat(graph.http().get(path, readOnly).status()).isEqualTo(200);
	}

	@Test
	void memberWhoIsNotAnAdministratorMayNotConsent() {
		try (Sandbox server = Sandbox.start(null)) {
			GraphFixture graph = new GraphFixture(server);
			Daemon daemon = daemon(graph, "member tries");
			graph.grantDelegatedConsent(SandboxDirectory.GRAPH_CLI_APP_ID, SandboxDirectory.GRAPH_APP_ID,
					"DelegatedPermissionGrant.ReadWrite.All AppRoleAssignment.ReadWrite.All Application.Read.All");
			String member = SandboxTokens.delegatedAs(server, server.memberUserPrincipalName(),
					"DelegatedPermissionGrant.ReadWrite.All AppRoleAssignment.ReadWrite.All Application.Read.All");
			String graphId = servicePrincipalId(server, SandboxDirectory.GRAPH_APP_ID);
			String grantId = graph.grantDelegatedConsent(daemon.appId(), SandboxDirectory.DICOM_APP_ID,
					SandboxDirectory.DICOM_SCOPE);

			SandboxHttp http = graph.http();
			for (SandboxHttp.Response refused : new SandboxHttp.Response[] {
					http.post("/v1.0/oauth2PermissionGrants", member, Map.of("clientId", daemon.servicePrincipalId(),
							"consentType", "AllPrincipals", "resourceId", graphId, "scope", "User.Read")),
					http.patch("/v1.0/oauth2PermissionGrants/" + grantId, member, Map.of("scope", "")),
					http.delete("/v1.0/oauth2PermissionGrants/" + grantId, member),
					assign(http, member, graphId, daemon.servicePrincipalId(), READ_ALL_ROLE) }) {
				GraphApplicationsTests.assertGraphError(refused, 403, "Authorization_RequestDenied",
						"Insufficient privileges to complete the operation.");
			}
			assertThat(http.get("/v1.0/oauth2PermissionGrants/" + grantId, member).json().path("scope").asText())
				.isEqualTo("Dicom.ReadWrite");
			assertThat(http.get("/v1.0/servicePrincipals/" + graphId + "/appRoleAssignedTo", member).status())
				.isEqualTo(200);
			assertThat(SandboxInspector.of(server).tenant().oauth2PermissionGrants())
				.noneMatch((grant) -> grant.path("resourceId").asText().equals(graphId)
						&& grant.path("clientId").asText().equals(daemon.servicePrincipalId()));
		}
	}

	@Test
	void deletedServicePrincipalTakesItsAssignmentsWithIt(Sandbox server) {
		GraphFixture graph = new GraphFixture(server);
		Daemon daemon = daemon(graph, "deleted daemon");
		assign(graph, servicePrincipalId(server, SandboxDirectory.GRAPH_APP_ID), daemon.servicePrincipalId(),
				READ_ALL_ROLE);

		assertThat(graph.http().delete("/v1.0/servicePrincipals/" + daemon.servicePrincipalId(), graph.token())
			.status()).isEqualTo(204);

		assertThat(SandboxInspector.of(server).tenant().appRoleAssignments())
			.noneMatch((assignment) -> assignment.path("principalId").asText().equals(daemon.servicePrincipalId()));
	}

	@Test
	void consentAndTheMemberAreKeptInTheStateFile(@TempDir Path directory) throws Exception {
		Path stateFile = directory.resolve("tenant.json");
		Daemon daemon;
		String memberId;
		try (Sandbox first = Sandbox.start(stateFile)) {
			GraphFixture graph = new GraphFixture(first);
			daemon = daemon(graph, "kept daemon");
			graph.assignAppRole(daemon.appId(), SandboxDirectory.GRAPH_APP_ID, "Application.Read.All");
			graph.grantDelegatedConsent(daemon.appId(), SandboxDirectory.DICOM_APP_ID, SandboxDirectory.DICOM_SCOPE);
			memberId = SandboxInspector.of(first).tenant().memberObjectId();
		}
		try (Sandbox second = Sandbox.start(stateFile)) {
			assertThat(clientCredentials(second, daemon).getStringListClaim("roles"))
				.containsExactly("Application.Read.All");
			assertThat(SandboxInspector.of(second).tenant().appRoleAssignments()).hasSize(1);
			assertThat(SandboxInspector.of(second).tenant().oauth2PermissionGrants()).hasSize(1);
			assertThat(SandboxInspector.of(second).tenant().memberObjectId()).isEqualTo(memberId);
			String member = SandboxTokens.delegatedAs(second, second.memberUserPrincipalName(), "User.Read");
			assertThat(MsalWireCompatibilityTests.claims(member).getStringClaim("oid")).isEqualTo(memberId);
		}
	}

	@Test
	void stateFileOfAnEarlierVersionGetsTheSameMemberAtEveryStart(@TempDir Path directory) throws Exception {
		Path stateFile = directory.resolve("tenant.json");
		try (Sandbox first = Sandbox.start(stateFile)) {
			new GraphFixture(first).createApplication("kept");
		}
		ObjectMapper mapper = new ObjectMapper();
		ObjectNode state = (ObjectNode) mapper.readTree(stateFile.toFile());
		state.remove("users");
		state.remove("appRoleAssignments");
		Files.write(stateFile, mapper.writeValueAsBytes(state));
		String memberId;
		try (Sandbox second = Sandbox.start(stateFile)) {
			memberId = SandboxInspector.of(second).tenant().memberObjectId();
			assertThat(SandboxInspector.of(second).tenant().appRoleAssignments()).isEmpty();
			assertThat(SandboxInspector.of(second).tenant().applications()).hasSize(1);
		}
		try (Sandbox third = Sandbox.start(stateFile)) {
			assertThat(SandboxInspector.of(third).tenant().memberObjectId()).isEqualTo(memberId);
			assertThat(MsalWireCompatibilityTests.claims(SandboxTokens.delegatedAs(third,
					third.memberUserPrincipalName(), "User.Read")).getStringClaim("oid")).isEqualTo(memberId);
		}
	}

	private static AppRoleAssignment assignment(String principalId, String resourceId) {
		AppRoleAssignment body = new AppRoleAssignment();
		body.setPrincipalId(UUID.fromString(principalId));
		body.setResourceId(UUID.fromString(resourceId));
		body.setAppRoleId(UUID.fromString(READ_ALL_ROLE));
		return body;
	}

	private static SandboxHttp.Response assign(GraphFixture graph, String resourceId, String principalId,
			String appRoleId) {
		return assign(graph.http(), graph.token(), resourceId, principalId, appRoleId);
	}

	private static SandboxHttp.Response assign(SandboxHttp http, String token, String resourceId, String principalId,
			String appRoleId) {
		return http.post("/v1.0/servicePrincipals/" + resourceId + "/appRoleAssignedTo", token,
				Map.of("principalId", principalId, "resourceId", resourceId, "appRoleId", appRoleId));
	}

	/** An application requesting Graph's Application.Read.All role, with its service principal and a secret. */
	private static Daemon daemon(GraphFixture graph, String displayName) {
		JsonNode application = graph.createDaemonApplication(displayName);
		String appId = application.path("appId").asText();
		String secret = graph.addPassword(application.path("id").asText()).path("secretText").asText();
		return new Daemon(appId, servicePrincipalId(graph.server(), appId), secret);
	}

	private static JWTClaimsSet clientCredentials(Sandbox server, Daemon daemon) throws Exception {
		IAuthenticationResult result = MsalWireCompatibilityTests.confidentialClient(server, daemon.appId(),
				ClientCredentialFactory.createFromSecret(daemon.secret()))
			.acquireToken(ClientCredentialParameters.builder(GRAPH_DEFAULT).skipCache(true).build())
			.get(30, TimeUnit.SECONDS);
		return MsalWireCompatibilityTests.claims(result.accessToken());
	}

	private static String servicePrincipalId(Sandbox server, String appId) {
		return SandboxInspector.of(server).tenant().servicePrincipalByAppId(appId).orElseThrow().path("id").asText();
	}

	private record Daemon(String appId, String servicePrincipalId, String secret) {

	}

}
