package io.dicomreg.sandbox;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authentication and authorization of Graph requests, the organization and /me, and the headers every response
 * carries.
 */
@ExtendWith(SandboxExtension.class)
class GraphAuthorizationTests {

	private static final String EXPIRED_MESSAGE = "Lifetime validation failed, the token is expired.";

	@Test
	void requestWithoutATokenAnswers401(Sandbox server) {
		SandboxHttp.Response response = new SandboxHttp(server).get("/v1.0/applications", null);
		GraphApplicationsTests.assertGraphError(response, 401, "InvalidAuthenticationToken", "Access token is empty.");
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer realm=\"\", authorization_uri=\"");
	}

	@Test
	void tokenThatIsNotAJwtAnswers401(Sandbox server) {
		GraphApplicationsTests.assertGraphError(new SandboxHttp(server).get("/v1.0/applications", "garbage"), 401,
				"InvalidAuthenticationToken", "CompactToken parsing failed with error code: 80049217");
	}

	@Test
	void tokenOfAnotherTenantAnswers401(Sandbox server) {
		try (Sandbox other = Sandbox.start(null)) {
			String foreignToken = SandboxTokens.adminGraphToken(other);
			GraphApplicationsTests.assertGraphError(new SandboxHttp(server).get("/v1.0/applications", foreignToken),
					401, "InvalidAuthenticationToken", "Access token validation failure.");
		}
	}

	@Test
	void tokenForAnotherAudienceAnswers401(Sandbox server) {
		String dicomToken = SandboxTokens.delegated(server, "https://dicom.healthcareapis.azure.com/Dicom.ReadWrite");
		GraphApplicationsTests.assertGraphError(new SandboxHttp(server).get("/v1.0/applications", dicomToken), 401,
				"InvalidAuthenticationToken", "Access token validation failure. Invalid audience.");
	}

	@Test
	void expiredTokenAnswers401() {
		MutableClock clock = new MutableClock();
		try (Sandbox server = Sandbox.start(null, clock)) {
			String token = SandboxTokens.adminGraphToken(server);
			clock.advance(Duration.ofMinutes(96));
			GraphApplicationsTests.assertGraphError(new SandboxHttp(server).get("/v1.0/applications", token), 401,
					"InvalidAuthenticationToken", EXPIRED_MESSAGE);
		}
	}

	@Test
	void readingApplicationsWithUserReadOnlyAnswers403(Sandbox server) {
		String token = SandboxTokens.delegated(server, "https://graph.microsoft.com/User.Read");
		GraphApplicationsTests.assertGraphError(new SandboxHttp(server).get("/v1.0/applications", token), 403,
				"Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
	}

	@Test
	void applicationReadAllCanReadButNotWrite(Sandbox server) {
		String token = SandboxTokens.delegated(server, "Application.Read.All");
		SandboxHttp http = new SandboxHttp(server);
		assertThat(http.get("/v1.0/applications", token).status()).isEqualTo(200);
		GraphApplicationsTests.assertGraphError(http.post("/v1.0/applications", token, Map.of("displayName", "no")),
				403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
	}

	@Test
	void grantsNeedDelegatedPermissionGrantReadWriteAll(Sandbox server) {
		String token = SandboxTokens.delegated(server, "Application.ReadWrite.All");
		assertThat(new SandboxHttp(server).get("/v1.0/oauth2PermissionGrants", token).status()).isEqualTo(403);
	}

	@Test
	void appOnlyTokenWithApplicationReadAllRoleCanList(Sandbox server) {
		GraphFixture graph = new GraphFixture(server);
		JsonNode app = graph.createDaemonApplication("reader daemon");
		graph.grantAdminConsent(app.path("appId").asText());
		String secret = graph.addPassword(app.path("id").asText()).path("secretText").asText();
		String token = SandboxTokens.clientSecret(server, app.path("appId").asText(), secret,
				"https://graph.microsoft.com/.default").json().path("access_token").asText();
		SandboxHttp http = new SandboxHttp(server);
		assertThat(http.get("/v1.0/applications", token).status()).isEqualTo(200);
		assertThat(http.post("/v1.0/applications", token, Map.of("displayName", "no")).status()).isEqualTo(403);
		GraphApplicationsTests.assertGraphError(http.get("/v1.0/me", token), 400, "BadRequest",
				"/me request is only valid with delegated authentication flow.");
	}

	@Test
	void meDescribesTheAdministrator(Sandbox server) {
		JsonNode me = new SandboxHttp(server).get("/v1.0/me", SandboxTokens.delegated(server, "User.Read")).json();
		assertThat(me.path("userPrincipalName").asText()).isEqualTo(server.adminUserPrincipalName());
		assertThat(me.path("id").asText()).isEqualTo(SandboxInspector.of(server).tenant().adminObjectId());
	}

	@Test
	void organizationDescribesTheTenantAndItsDomain(Sandbox server) {
		JsonNode organization = new SandboxHttp(server)
			.get("/v1.0/organization", SandboxTokens.delegated(server, "User.Read"))
			.json()
			.path("value")
			.get(0);
		assertThat(organization.path("id").asText()).isEqualTo(server.tenantId());
		assertThat(organization.path("displayName").asText()).isEqualTo("Contoso");
		assertThat(organization.path("tenantType").asText()).isEqualTo("AAD");
		JsonNode domain = organization.path("verifiedDomains").get(0);
		assertThat(domain.path("name").asText()).isEqualTo("contoso.onmicrosoft.com");
		assertThat(domain.path("isDefault").asBoolean()).isTrue();
		assertThat(domain.path("isInitial").asBoolean()).isTrue();
		assertThat(domain.path("type").asText()).isEqualTo("Managed");
	}

	@Test
	void everyResponseCarriesARequestIdAndEchoesTheClientRequestId(Sandbox server) {
		SandboxHttp http = new SandboxHttp(server);
		SandboxHttp.Response response = http.send(http
			.builder("/v1.0/organization", SandboxTokens.delegated(server, "User.Read"))
			.header("client-request-id", "7c9d2f2e-0000-4000-8000-000000000001")
			.GET());
		assertThat(response.header("request-id")).matches("[0-9a-f-]{36}");
		assertThat(response.header("client-request-id")).isEqualTo("7c9d2f2e-0000-4000-8000-000000000001");
		assertThat(response.header("Content-Type")).startsWith("application/json;odata.metadata=minimal");
	}

}
