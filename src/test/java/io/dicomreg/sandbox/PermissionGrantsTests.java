package io.dicomreg.sandbox;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delegated permission grants: admin consent for the DICOM scope, conflicts, scope checks, updates and lookups.
 */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionGrantsTests {

	private Sandbox server;

	private GraphFixture graph;

	private SandboxHttp http;

	private String token;

	private String dicomId;

	private String graphId;

	@BeforeAll
	void setUp(Sandbox server) {
		this.server = server;
		this.graph = new GraphFixture(server);
		this.http = this.graph.http();
		this.token = this.graph.token();
		this.dicomId = spId(SandboxDirectory.DICOM_APP_ID);
		this.graphId = spId(SandboxDirectory.GRAPH_APP_ID);
	}

	@Test
	void adminConsentForTheDicomScopeIsCreated() {
		String clientId = newClient("consented");
		SandboxHttp.Response response = grant(clientId, this.dicomId, "Dicom.ReadWrite");
		JsonNode grant = response.json();
		assertThat(response.status()).isEqualTo(201);
		assertThat(grant.path("@odata.context").asText()).endsWith("$metadata#oauth2PermissionGrants/$entity");
		assertThat(grant.path("id").asText()).hasSize(43);
		assertThat(grant.path("consentType").asText()).isEqualTo("AllPrincipals");
		assertThat(grant.path("principalId").isNull()).isTrue();
		assertThat(grant.path("scope").asText()).isEqualTo("Dicom.ReadWrite");
	}

	@Test
	void secondGrantForTheSameClientAndResourceIsAConflict() {
		String clientId = newClient("granted twice");
		grant(clientId, this.dicomId, "Dicom.ReadWrite");
		GraphApplicationsTests.assertGraphError(grant(clientId, this.dicomId, "Dicom.ReadWrite"), 409,
				"Request_MultipleObjectsWithSameKeyValue", "Permission entry already exists.");
	}

	@Test
	void scopeTheResourceDoesNotExposeIsRefused() {
		GraphApplicationsTests.assertGraphError(grant(newClient("bad scope"), this.dicomId, "Dicom.Read"), 400,
				"Request_BadRequest", "Invalid value specified for property 'scope' of resource 'OAuth2PermissionGrant'.");
	}

	@Test
	void clientThatIsNotAServicePrincipalIsRefused() {
		GraphApplicationsTests.assertGraphError(grant("00000000-0000-0000-0000-000000000009", this.dicomId,
				"Dicom.ReadWrite"), 400, "Request_BadRequest",
				"Invalid value specified for property 'clientId' of resource 'OAuth2PermissionGrant'.");
	}

	@Test
	void patchOfTheScopeUnionKeepsOtherScopes() {
		String clientId = newClient("widened");
		String grantId = grant(clientId, this.graphId, "User.Read").json().path("id").asText();
		SandboxHttp.Response patch = this.http.patch("/v1.0/oauth2PermissionGrants/" + grantId, this.token,
				Map.of("scope", "User.Read Application.Read.All"));
		assertThat(patch.status()).isEqualTo(204);
		assertThat(this.http.get("/v1.0/oauth2PermissionGrants/" + grantId, this.token).json().path("scope").asText())
			.isEqualTo("User.Read Application.Read.All");
	}

	@Test
	void grantsAreFoundByClientIdAndResourceId() {
		String clientId = newClient("filtered");
		grant(clientId, this.dicomId, "Dicom.ReadWrite");
		grant(clientId, this.graphId, "User.Read");
		JsonNode both = list("clientId eq '" + clientId + "'");
		JsonNode dicomOnly = list("clientId eq '" + clientId + "' and resourceId eq '" + this.dicomId + "'");
		assertThat(both.path("value")).hasSize(2);
		assertThat(dicomOnly.path("value")).singleElement()
			.satisfies((grant) -> assertThat(grant.path("scope").asText()).isEqualTo("Dicom.ReadWrite"));
	}

	@Test
	void deletedGrantIsGone() {
		String grantId = grant(newClient("revoked"), this.dicomId, "Dicom.ReadWrite").json().path("id").asText();
		assertThat(this.http.delete("/v1.0/oauth2PermissionGrants/" + grantId, this.token).status()).isEqualTo(204);
		assertThat(this.http.get("/v1.0/oauth2PermissionGrants/" + grantId, this.token).status()).isEqualTo(404);
	}

	@Test
	void principalConsentIsForTheAdministrator() {
		String clientId = newClient("user consent");
		SandboxHttp.Response response = this.http.post("/v1.0/oauth2PermissionGrants", this.token,
				Map.of("clientId", clientId, "consentType", "Principal", "principalId",
						SandboxInspector.of(this.server).tenant().adminObjectId(), "resourceId", this.dicomId, "scope", "Dicom.ReadWrite"));
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().path("id").asText()).hasSize(64);
	}

	@Test
	void principalConsentMayNameTheMemberButNoStranger() {
		String clientId = newClient("member consent");
		SandboxHttp.Response member = principalGrant(clientId, SandboxInspector.of(this.server).tenant().memberObjectId());
		SandboxHttp.Response stranger = principalGrant(clientId, "00000000-0000-0000-0000-00000000beef");
		assertThat(member.status()).as(member.text()).isEqualTo(201);
		assertThat(member.json().path("principalId").asText())
			.isEqualTo(SandboxInspector.of(this.server).tenant().memberObjectId());
		GraphApplicationsTests.assertGraphError(stranger, 400, "Request_BadRequest",
				"Invalid value specified for property 'principalId' of resource 'OAuth2PermissionGrant'.");
	}

	private SandboxHttp.Response principalGrant(String clientId, String principalId) {
		return this.http.post("/v1.0/oauth2PermissionGrants", this.token, Map.of("clientId", clientId, "consentType",
				"Principal", "principalId", principalId, "resourceId", this.dicomId, "scope", "Dicom.ReadWrite"));
	}

	private SandboxHttp.Response grant(String clientId, String resourceId, String scope) {
		return this.http.post("/v1.0/oauth2PermissionGrants", this.token, Map.of("clientId", clientId, "consentType",
				"AllPrincipals", "resourceId", resourceId, "scope", scope));
	}

	private JsonNode list(String filter) {
		return this.http.get("/v1.0/oauth2PermissionGrants?$filter=" + SandboxHttp.encode(filter).replace("+", "%20"),
				this.token).json();
	}

	private String newClient(String displayName) {
		JsonNode app = this.graph.createApplication(displayName);
		return this.graph.createServicePrincipal(app.path("appId").asText()).path("id").asText();
	}

	private String spId(String appId) {
		return SandboxInspector.of(this.server).tenant().servicePrincipalByAppId(appId).orElseThrow().path("id").asText();
	}

}
