package io.dicomreg.sandbox;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Service principals: the pre-provisioned first-party ones, creation for a tenant application, lookups.
 */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServicePrincipalsTests {

	private Sandbox server;

	private GraphFixture graph;

	private SandboxHttp http;

	private String token;

	@BeforeAll
	void setUp(Sandbox server) {
		this.server = server;
		this.graph = new GraphFixture(server);
		this.http = this.graph.http();
		this.token = this.graph.token();
	}

	@Test
	void dicomApiIsProvisionedWithItsScopeAndServicePrincipalNames() {
		JsonNode dicom = this.http.get("/v1.0/servicePrincipals(appId='" + SandboxDirectory.DICOM_APP_ID + "')",
				this.token).json();
		assertThat(dicom.path("displayName").asText()).isEqualTo("Azure API for DICOM");
		assertThat(dicom.path("servicePrincipalNames")).extracting(JsonNode::asText).containsExactly(
				SandboxDirectory.DICOM_APP_ID, "https://dicom.healthcareapis.azure.com",
				"https://dicom.healthcareapis.azure.com/");
		assertThat(dicom.path("oauth2PermissionScopes").get(0).path("id").asText())
			.isEqualTo(SandboxDirectory.DICOM_SCOPE_ID);
		assertThat(dicom.path("oauth2PermissionScopes").get(0).path("value").asText()).isEqualTo("Dicom.ReadWrite");
	}

	@Test
	void graphCommandLineToolsExistsAsServicePrincipalOnly() {
		assertThat(this.http.get("/v1.0/servicePrincipals(appId='" + SandboxDirectory.GRAPH_CLI_APP_ID + "')",
				this.token).status()).isEqualTo(200);
		assertThat(this.http.get("/v1.0/applications(appId='" + SandboxDirectory.GRAPH_CLI_APP_ID + "')", this.token)
			.status()).isEqualTo(404);
	}

	@Test
	void filtersFindServicePrincipalsByAppIdAndDisplayName() {
		JsonNode byAppId = this.http.get("/v1.0/servicePrincipals?$filter=appId%20eq%20'"
				+ SandboxDirectory.GRAPH_APP_ID + "'", this.token).json();
		JsonNode byName = this.http.get("/v1.0/servicePrincipals?$filter="
				+ SandboxHttp.encode("displayName eq 'Azure API for DICOM'").replace("+", "%20"), this.token).json();
		JsonNode byPrefix = this.http.get("/v1.0/servicePrincipals?$filter="
				+ SandboxHttp.encode("startswith(displayName,'Microsoft Graph')").replace("+", "%20"), this.token).json();
		assertThat(byAppId.path("value")).singleElement()
			.satisfies((sp) -> assertThat(sp.path("displayName").asText()).isEqualTo("Microsoft Graph"));
		assertThat(byName.path("value")).hasSize(1);
		assertThat(byPrefix.path("value")).extracting((sp) -> sp.path("displayName").asText())
			.containsExactlyInAnyOrder("Microsoft Graph", "Microsoft Graph Command Line Tools");
	}

	@Test
	void createCopiesTheApplicationIntoANewServicePrincipal() {
		JsonNode app = this.graph.createApplication(Map.of("displayName", "needs sp", "identifierUris",
				List.of("api://needs-sp"), "publicClient", Map.of("redirectUris", List.of("http://localhost"))));
		SandboxHttp.Response response = this.http.post("/v1.0/servicePrincipals", this.token,
				Map.of("appId", app.path("appId").asText()));
		JsonNode sp = response.json();
		assertThat(response.status()).isEqualTo(201);
		assertThat(sp.path("@odata.context").asText()).endsWith("$metadata#servicePrincipals/$entity");
		assertThat(sp.path("displayName").asText()).isEqualTo("needs sp");
		assertThat(sp.path("appOwnerOrganizationId").asText()).isEqualTo(this.server.tenantId());
		assertThat(sp.path("servicePrincipalNames")).extracting(JsonNode::asText)
			.containsExactly(app.path("appId").asText(), "api://needs-sp");
		assertThat(sp.path("replyUrls")).extracting(JsonNode::asText).containsExactly("http://localhost");
		assertThat(sp.path("servicePrincipalType").asText()).isEqualTo("Application");
		assertThat(this.http.get("/v1.0/servicePrincipals/" + sp.path("id").asText(), this.token).status())
			.isEqualTo(200);
	}

	@Test
	void secondServicePrincipalForTheSameAppIsAConflict() {
		JsonNode app = this.graph.createApplication("twice");
		this.graph.createServicePrincipal(app.path("appId").asText());
		SandboxHttp.Response response = this.http.post("/v1.0/servicePrincipals", this.token,
				Map.of("appId", app.path("appId").asText()));
		GraphApplicationsTests.assertGraphError(response, 409, "Request_MultipleObjectsWithSameKeyValue",
				"The service principal cannot be created, updated, or restored because the service principal name "
						+ app.path("appId").asText() + " is already in use.");
	}

	@Test
	void servicePrincipalForAnUnknownAppIdIsRefused() {
		String appId = "00000000-1111-2222-3333-444444444444";
		GraphApplicationsTests.assertGraphError(
				this.http.post("/v1.0/servicePrincipals", this.token, Map.of("appId", appId)), 400,
				"Request_BadRequest",
				"The appId '" + appId + "' of the service principal does not reference a valid application object.");
	}

	@Test
	void deletedServicePrincipalTakesItsGrantsWithIt() {
		JsonNode app = this.graph.createApplication("sp with grant");
		JsonNode sp = this.graph.createServicePrincipal(app.path("appId").asText());
		String dicomId = SandboxInspector.of(this.server).tenant().servicePrincipalByAppId(SandboxDirectory.DICOM_APP_ID).orElseThrow()
			.path("id").asText();
		this.http.post("/v1.0/oauth2PermissionGrants", this.token, Map.of("clientId", sp.path("id").asText(),
				"consentType", "AllPrincipals", "resourceId", dicomId, "scope", "Dicom.ReadWrite"));
		assertThat(this.http.delete("/v1.0/servicePrincipals/" + sp.path("id").asText(), this.token).status())
			.isEqualTo(204);
		assertThat(SandboxInspector.of(this.server).tenant().oauth2PermissionGrants())
			.noneMatch((grant) -> grant.path("clientId").asText().equals(sp.path("id").asText()));
	}

}
