package io.dicomreg.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The v1.0 endpoints through plain HTTPS, as Postman and older scripts call them: the v1.0 discovery document, and
 * client credentials with {@code resource} at {@code /{tenant}/oauth2/token}, whose v1.0 tokens the DICOM service,
 * Azure Resource Manager and Graph all accept.
 */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class V1EndpointTests {

	private Sandbox server;

	private SandboxHttp http;

	private ArmFixture.Daemon daemon;

	@BeforeAll
	void setUp(Sandbox sandbox) {
		this.server = sandbox;
		this.http = new SandboxHttp(sandbox);
		this.daemon = new ArmFixture(sandbox).createDaemon("postman workshop");
		SandboxInspector.of(sandbox).dicom().assignDataReader(this.daemon.servicePrincipalId(), "ServicePrincipal");
	}

	@Test
	void v1DiscoveryDocumentNamesTheV1EndpointsAndIssuer() {
		String base = this.server.authorityHost() + "/" + this.server.tenantId();
		JsonNode document = this.http.get(base + "/.well-known/openid-configuration", null).json();
		assertThat(document.path("issuer").asText()).isEqualTo("https://sts.windows.net/" + this.server.tenantId() + "/");
		assertThat(document.path("token_endpoint").asText()).isEqualTo(base + "/oauth2/token");
		assertThat(document.path("authorization_endpoint").asText()).isEqualTo(base + "/oauth2/authorize");
		assertThat(document.path("device_authorization_endpoint").asText()).isEqualTo(base + "/oauth2/devicecode");
		assertThat(document.path("end_session_endpoint").asText()).isEqualTo(base + "/oauth2/logout");
		assertThat(document.path("jwks_uri").asText()).isEqualTo(base + "/discovery/keys");
		assertThat(document.path("microsoft_multi_refresh_token").asBoolean()).isTrue();
		assertThat(document.path("response_types_supported")).extracting(JsonNode::asText)
			.containsExactly("code", "id_token", "code id_token", "token id_token", "token");
		assertThat(document.path("scopes_supported")).extracting(JsonNode::asText).containsExactly("openid");
		assertThat(this.http.get(document.path("jwks_uri").asText(), null).json().path("keys").get(0).path("kid")
			.asText()).isNotBlank();
		JsonNode domain = this.http.get(this.server.authorityHost() + "/" + this.server.tenantDomain()
				+ "/.well-known/openid-configuration", null).json();
		assertThat(domain.path("token_endpoint").asText())
			.isEqualTo(this.server.authorityHost() + "/" + this.server.tenantDomain() + "/oauth2/token");
		JsonNode v2 = this.http.get(base + "/v2.0/.well-known/openid-configuration", null).json();
		assertThat(v2.path("issuer").asText()).isEqualTo(base + "/v2.0");
		assertThat(v2.path("end_session_endpoint").asText()).isEqualTo(base + "/oauth2/v2.0/logout");
	}

	@Test
	void clientCredentialsWithResourceAnswerTheV1ResponseWithStringsAndAV1Token() throws Exception {
		JsonNode response = token(SandboxDirectory.DICOM_RESOURCE + "/");
		List<String> fields = new ArrayList<>();
		response.fieldNames().forEachRemaining(fields::add);
		assertThat(fields).containsExactly("token_type", "expires_in", "ext_expires_in", "expires_on", "not_before",
				"resource", "access_token");
		response.forEach((value) -> assertThat(value.isTextual()).isTrue());
		assertThat(response.path("token_type").asText()).isEqualTo("Bearer");
		assertThat(response.path("resource").asText()).isEqualTo("https://dicom.healthcareapis.azure.com/");
		long expiresIn = Long.parseLong(response.path("expires_in").asText());
		assertThat(expiresIn).isBetween(3600L, 5400L);
		assertThat(response.path("ext_expires_in").asText()).isEqualTo(response.path("expires_in").asText());
		long expiresOn = Long.parseLong(response.path("expires_on").asText());
		long notBefore = Long.parseLong(response.path("not_before").asText());
		assertThat(expiresOn - notBefore).isEqualTo(expiresIn + 300);

		JWTClaimsSet claims = SignedJWT.parse(response.path("access_token").asText()).getJWTClaimsSet();
		assertThat(claims.getStringClaim("ver")).isEqualTo("1.0");
		assertThat(claims.getIssuer()).isEqualTo("https://sts.windows.net/" + this.server.tenantId() + "/");
		assertThat(claims.getAudience()).containsExactly("https://dicom.healthcareapis.azure.com/");
		assertThat(claims.getStringClaim("appid")).isEqualTo(this.daemon.appId());
		assertThat(claims.getStringClaim("appidacr")).isEqualTo("1");
		assertThat(claims.getStringClaim("oid")).isEqualTo(this.daemon.servicePrincipalId());
		assertThat(claims.getStringClaim("tid")).isEqualTo(this.server.tenantId());
		assertThat(claims.getStringClaim("idtyp")).isEqualTo("app");
		assertThat(claims.getExpirationTime().toInstant().getEpochSecond()).isEqualTo(expiresOn);
		assertThat(claims.getNotBeforeTime().toInstant().getEpochSecond()).isEqualTo(notBefore);
		assertThat(claims.getClaim("roles")).isNull();
	}

	@Test
	void dicomServiceAcceptsV1TokensForItsResourceWithOrWithoutTheTrailingSlash() {
		String serviceUrl = SandboxInspector.of(this.server).dicom().serviceUrl();
		for (String resource : List.of(SandboxDirectory.DICOM_RESOURCE, SandboxDirectory.DICOM_RESOURCE + "/")) {
			String token = token(resource).path("access_token").asText();
			assertThat(new DicomWebClient(this.server, serviceUrl, token).get("/v2/studies").status())
				.as(resource).isEqualTo(200);
		}
	}

	@Test
	void resourceManagerAcceptsV1TokensForItsResource() throws Exception {
		for (String resource : List.of("https://management.azure.com/", "https://management.core.windows.net/")) {
			String token = token(resource).path("access_token").asText();
			assertThat(SignedJWT.parse(token).getJWTClaimsSet().getAudience()).containsExactly(resource);
			SandboxHttp.Response subscriptions = this.http.get("/subscriptions?" + ArmFixture.RESOURCES_API, token);
			assertThat(subscriptions.status()).as(subscriptions.text()).isEqualTo(200);
		}
	}

	@Test
	void graphAcceptsV1TokensWithTheAppRolesAssigned() throws Exception {
		GraphFixture graph = new GraphFixture(this.server);
		JsonNode application = graph.createDaemonApplication("v1 graph daemon");
		String appId = application.path("appId").asText();
		graph.grantAdminConsent(appId);
		String secret = graph.addPassword(application.path("id").asText()).path("secretText").asText();
		for (String resource : List.of("https://graph.microsoft.com", SandboxDirectory.GRAPH_APP_ID)) {
			String token = token(appId, secret, resource).json().path("access_token").asText();
			JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
			assertThat(claims.getAudience()).containsExactly(resource);
			assertThat(claims.getStringListClaim("roles")).containsExactly("Application.Read.All");
			assertThat(this.http.get("/v1.0/applications?$top=1", token).status()).isEqualTo(200);
		}
	}

	@Test
	void missingOrUnknownResourceAndOtherGrantsAreRefusedInEntrasFormat() {
		SandboxHttp.Response missing = post(Map.of("grant_type", "client_credentials", "client_id",
				this.daemon.appId(), "client_secret", this.daemon.secret()));
		IdentityProtocolTests.assertIdentityError(missing, 400, "invalid_resource", 50001);
		SandboxHttp.Response unknown = token(this.daemon.appId(), this.daemon.secret(), "https://unknown.example.com");
		IdentityProtocolTests.assertIdentityError(unknown, 400, "invalid_resource", 500011);
		SandboxHttp.Response wrongSecret = token(this.daemon.appId(), "not-the-secret", SandboxDirectory.DICOM_RESOURCE);
		IdentityProtocolTests.assertIdentityError(wrongSecret, 401, "invalid_client", 7000215);
		SandboxHttp.Response password = post(Map.of("grant_type", "password", "client_id", this.daemon.appId(),
				"resource", SandboxDirectory.DICOM_RESOURCE));
		IdentityProtocolTests.assertIdentityError(password, 400, "unsupported_grant_type", 70003);
	}

	private JsonNode token(String resource) {
		SandboxHttp.Response response = token(this.daemon.appId(), this.daemon.secret(), resource);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response.json();
	}

	private SandboxHttp.Response token(String appId, String secret, String resource) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "client_credentials");
		form.put("client_id", appId);
		form.put("client_secret", secret);
		form.put("resource", resource);
		return post(form);
	}

	private SandboxHttp.Response post(Map<String, String> form) {
		return this.http.postForm(this.server.authorityHost() + "/" + this.server.tenantId() + "/oauth2/token", form);
	}

}
