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
 * Graph's application endpoints at the protocol level: defaults, alternate keys, PATCH semantics, upsert, and the
 * refusals Graph answers for bad bodies.
 */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphApplicationsTests {

	private GraphFixture graph;

	private SandboxHttp http;

	private String token;

	@BeforeAll
	void setUp(Sandbox server) {
		this.graph = new GraphFixture(server);
		this.http = this.graph.http();
		this.token = this.graph.token();
	}

	@Test
	void createAnswers201WithGraphDefaults() {
		SandboxHttp.Response response = this.http.post("/v1.0/applications", this.token,
				Map.of("displayName", "defaults"));
		JsonNode app = response.json();
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.header("Location")).endsWith("/v1.0/applications/" + app.path("id").asText());
		assertThat(app.path("@odata.context").asText()).endsWith("/v1.0/$metadata#applications/$entity");
		assertThat(app.path("signInAudience").asText()).isEqualTo("AzureADMyOrg");
		assertThat(app.path("publisherDomain").asText()).isEqualTo("contoso.onmicrosoft.com");
		assertThat(app.path("isFallbackPublicClient").isNull()).isTrue();
		assertThat(app.path("web").path("redirectUris").isEmpty()).isTrue();
		assertThat(app.path("web").path("implicitGrantSettings").path("enableIdTokenIssuance").asBoolean(true)).isFalse();
		assertThat(app.path("spa").path("redirectUris").isArray()).isTrue();
		assertThat(app.path("publicClient").path("redirectUris").isArray()).isTrue();
		assertThat(app.path("requiredResourceAccess").isEmpty()).isTrue();
		assertThat(app.path("keyCredentials").isEmpty()).isTrue();
		assertThat(app.path("createdDateTime").asText()).endsWith("Z");
	}

	@Test
	void applicationIsReadByObjectIdAppIdAndUniqueName() {
		JsonNode app = this.graph.createApplication(Map.of("displayName", "keys", "uniqueName", "keys-unique"));
		assertThat(this.http.get("/v1.0/applications/" + app.path("id").asText(), this.token).json()
			.path("displayName").asText()).isEqualTo("keys");
		assertThat(this.http.get("/v1.0/applications(appId='" + app.path("appId").asText() + "')", this.token).json()
			.path("id").asText()).isEqualTo(app.path("id").asText());
		assertThat(this.http.get("/v1.0/applications(uniqueName='keys-unique')", this.token).json().path("id")
			.asText()).isEqualTo(app.path("id").asText());
	}

	@Test
	void missingApplicationAnswers404ResourceNotFound() {
		String objectId = "00000000-0000-0000-0000-000000000001";
		SandboxHttp.Response response = this.http.get("/v1.0/applications/" + objectId, this.token);
		assertGraphError(response, 404, "Request_ResourceNotFound", "Resource '" + objectId
				+ "' does not exist or one of its queried reference-property objects are not present.");
	}

	@Test
	void objectIdThatIsNotAGuidIsRefused() {
		assertGraphError(this.http.get("/v1.0/applications/not-a-guid", this.token), 400, "Request_BadRequest",
				"Invalid object identifier 'not-a-guid'.");
	}

	@Test
	void unknownPropertyIsRefusedLikeGraph() {
		SandboxHttp.Response response = this.http.post("/v1.0/applications", this.token,
				Map.of("displayName", "unknown property", "colour", "blue"));
		assertGraphError(response, 400, "Request_BadRequest",
				"Property 'colour' does not exist on type 'microsoft.graph.application'.");
	}

	@Test
	void unknownNestedPropertyNamesItsComplexType() {
		SandboxHttp.Response response = this.http.post("/v1.0/applications", this.token,
				Map.of("displayName", "nested", "web", Map.of("redirectUri", "https://x.example")));
		assertGraphError(response, 400, "Request_BadRequest",
				"Property 'redirectUri' does not exist on type 'microsoft.graph.webApplication'.");
	}

	@Test
	void wrongPrimitiveTypeIsRefused() {
		SandboxHttp.Response response = this.http.post("/v1.0/applications", this.token,
				Map.of("displayName", "types", "isFallbackPublicClient", "yes"));
		assertGraphError(response, 400, "BadRequest",
				"Cannot convert a primitive value to the expected type 'Edm.Boolean'. See the inner exception for more details.");
	}

	@Test
	void objectWhereACollectionIsExpectedIsRefused() {
		SandboxHttp.Response response = this.http.post("/v1.0/applications", this.token,
				Map.of("displayName", "types", "identifierUris", Map.of("uri", "api://x")));
		assertGraphError(response, 400, "BadRequest", "An unexpected 'StartObject' node was found when reading from "
				+ "the JSON reader. A 'StartArray' node was expected.");
	}

	@Test
	void bodyThatIsNotJsonIsRefused() {
		assertGraphError(this.http.post("/v1.0/applications", this.token, "{not json"), 400, "BadRequest",
				"Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.");
	}

	@Test
	void displayNameIsRequiredAndAtMost256Characters() {
		assertThat(this.http.post("/v1.0/applications", this.token, Map.of("displayName", "x".repeat(256)))
			.status()).isEqualTo(201);
		assertGraphError(this.http.post("/v1.0/applications", this.token, Map.of("displayName", "x".repeat(257))),
				400, "Request_BadRequest", "Invalid value specified for property 'displayName' of resource 'Application'.");
		assertGraphError(this.http.post("/v1.0/applications", this.token, Map.of("signInAudience", "AzureADMyOrg")),
				400, "Request_BadRequest", "Invalid value specified for property 'displayName' of resource 'Application'.");
	}

	@Test
	void signInAudienceMustBeOneOfTheFourValues() {
		assertThat(this.http.post("/v1.0/applications", this.token,
				Map.of("displayName", "multi", "signInAudience", "AzureADMultipleOrgs")).status()).isEqualTo(201);
		JsonNode personal = this.http.post("/v1.0/applications", this.token,
				Map.of("displayName", "personal", "signInAudience", "AzureADandPersonalMicrosoftAccount")).json();
		assertThat(personal.path("api").path("requestedAccessTokenVersion").asInt()).isEqualTo(2);
		assertGraphError(this.http.post("/v1.0/applications", this.token,
				Map.of("displayName", "bad", "signInAudience", "AzureADMyOrganization")), 400, "Request_BadRequest",
				"Invalid value specified for property 'signInAudience' of resource 'Application'.");
	}

	@Test
	void readOnlyPropertyCannotBeSetOnCreate() {
		assertGraphError(this.http.post("/v1.0/applications", this.token,
				Map.of("displayName", "ro", "appId", "11111111-1111-1111-1111-111111111111")), 400, "Request_BadRequest",
				"Property 'appId' is read-only and cannot be set.");
	}

	@Test
	void patchReplacesSentPropertiesWhollyAndLeavesOthersUntouched() {
		JsonNode app = this.graph.createApplication(Map.of("displayName", "patch me", "notes", "keep",
				"web", Map.of("homePageUrl", "https://home.example", "redirectUris", List.of("https://a.example/cb"))));
		String path = "/v1.0/applications/" + app.path("id").asText();
		SandboxHttp.Response patch = this.http.patch(path, this.token,
				Map.of("web", Map.of("redirectUris", List.of("https://b.example/cb"))));
		JsonNode after = this.http.get(path, this.token).json();
		assertThat(patch.status()).isEqualTo(204);
		assertThat(patch.text()).isEmpty();
		assertThat(after.path("web").path("redirectUris").get(0).asText()).isEqualTo("https://b.example/cb");
		assertThat(after.path("web").path("redirectUris")).hasSize(1);
		assertThat(after.path("web").path("homePageUrl").isNull()).isTrue();
		assertThat(after.path("notes").asText()).isEqualTo("keep");
		assertThat(after.path("displayName").asText()).isEqualTo("patch me");
	}

	@Test
	void patchOfKeyCredentialsReplacesTheWholeSetAndKeepsOnesSentBackByKeyId() {
		JsonNode app = this.graph.createApplication("certificates");
		String path = "/v1.0/applications/" + app.path("id").asText();
		TestCertificates.Credential first = TestCertificates.create("CN=first");
		TestCertificates.Credential second = TestCertificates.create("CN=second");
		this.graph.uploadCertificate(app.path("id").asText(), first);
		JsonNode firstCredential = this.http.get(path, this.token).json().path("keyCredentials").get(0);
		this.http.patch(path, this.token, Map.of("keyCredentials", List.of(
				Map.of("keyId", firstCredential.path("keyId").asText(), "type", "AsymmetricX509Cert", "usage", "Verify"),
				Map.of("type", "AsymmetricX509Cert", "usage", "Verify", "key", second.base64Der()))));
		JsonNode credentials = this.http.get(path, this.token).json().path("keyCredentials");
		assertThat(credentials).hasSize(2);
		assertThat(credentials.get(0).path("displayName").asText()).isEqualTo("CN=first");
		assertThat(credentials.get(1).path("displayName").asText()).isEqualTo("CN=second");
		assertThat(credentials.get(1).path("key").isNull()).isTrue();
		assertThat(credentials.get(1).path("customKeyIdentifier").asText()).isNotBlank();
		this.http.patch(path, this.token, Map.of("keyCredentials", List.of()));
		assertThat(this.http.get(path, this.token).json().path("keyCredentials")).isEmpty();
	}

	@Test
	void keyCredentialWithoutAValidCertificateIsRefused() {
		JsonNode app = this.graph.createApplication("bad certificate");
		SandboxHttp.Response response = this.http.patch("/v1.0/applications/" + app.path("id").asText(), this.token,
				Map.of("keyCredentials", List.of(Map.of("type", "AsymmetricX509Cert", "usage", "Verify", "key", "AAAA"))));
		assertGraphError(response, 400, "Request_BadRequest",
				"Invalid value specified for property 'keyCredentials' of resource 'Application'.");
	}

	@Test
	void keyCredentialEndingAfterItsCertificateIsRefused() {
		JsonNode app = this.graph.createApplication("late end");
		TestCertificates.Credential certificate = TestCertificates.create("CN=late");
		SandboxHttp.Response response = this.http.patch("/v1.0/applications/" + app.path("id").asText(), this.token,
				Map.of("keyCredentials", List.of(Map.of("type", "AsymmetricX509Cert", "usage", "Verify", "key",
						certificate.base64Der(), "endDateTime", "2099-01-01T00:00:00Z"))));
		assertGraphError(response, 400, "KeyCredentialsInvalidEndDate", "Key credential end date is invalid.");
	}

	@Test
	void passwordCredentialsWithSecretTextCannotBeSetByPatch() {
		JsonNode app = this.graph.createApplication("no secret by patch");
		SandboxHttp.Response response = this.http.patch("/v1.0/applications/" + app.path("id").asText(), this.token,
				Map.of("passwordCredentials", List.of(Map.of("displayName", "mine", "secretText", "s3cret"))));
		assertGraphError(response, 400, "Request_BadRequest", "Updating passwordCredentials with a secretText is not "
				+ "supported. Use the addPassword and removePassword actions to manage client secrets.");
	}

	@Test
	void upsertByUniqueNameCreatesWith201ThenUpdatesWith204() {
		String path = "/v1.0/applications(uniqueName='upsert-me')";
		SandboxHttp.Response created = this.http.patch(path, this.token, Map.of("displayName", "upserted"),
				"create-if-missing");
		SandboxHttp.Response updated = this.http.patch(path, this.token, Map.of("displayName", "upserted again"),
				"create-if-missing");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().path("uniqueName").asText()).isEqualTo("upsert-me");
		assertThat(updated.status()).isEqualTo(204);
		assertThat(this.http.get(path, this.token).json().path("displayName").asText()).isEqualTo("upserted again");
	}

	@Test
	void patchByUniqueNameWithoutPreferAnswers404WhenMissing() {
		SandboxHttp.Response response = this.http.patch("/v1.0/applications(uniqueName='nobody')", this.token,
				Map.of("displayName", "nobody"));
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.errorCode()).isEqualTo("Request_ResourceNotFound");
	}

	@Test
	void uniqueNameCannotBeChangedOnceSet() {
		JsonNode app = this.graph.createApplication(Map.of("displayName", "immutable", "uniqueName", "fixed-name"));
		SandboxHttp.Response response = this.http.patch("/v1.0/applications/" + app.path("id").asText(), this.token,
				Map.of("uniqueName", "other-name"));
		assertGraphError(response, 400, "Request_BadRequest",
				"Property 'uniqueName' is immutable and cannot be changed once it is set.");
	}

	@Test
	void deleteRemovesTheApplicationAndItsServicePrincipal() {
		JsonNode app = this.graph.createApplication("delete me");
		this.graph.createServicePrincipal(app.path("appId").asText());
		SandboxHttp.Response response = this.http.delete("/v1.0/applications/" + app.path("id").asText(), this.token);
		assertThat(response.status()).isEqualTo(204);
		assertThat(this.http.get("/v1.0/applications/" + app.path("id").asText(), this.token).status()).isEqualTo(404);
		assertThat(this.http.get("/v1.0/servicePrincipals(appId='" + app.path("appId").asText() + "')", this.token)
			.status()).isEqualTo(404);
	}

	@Test
	void unknownSegmentIsRefusedBeforeAuthentication() {
		assertGraphError(this.http.get("/v1.0/applicationz", null), 400, "BadRequest",
				"Resource not found for the segment 'applicationz'.");
	}

	@Test
	void unsupportedMethodAnswers405() {
		SandboxHttp.Response response = this.http.send(this.http.builder("/v1.0/applications", this.token)
			.method("PUT", java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
		assertThat(response.status()).isEqualTo(405);
		assertThat(response.json().path("error").path("innerError").path("request-id").asText()).isNotBlank();
	}

	static void assertGraphError(SandboxHttp.Response response, int status, String code, String message) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.errorCode()).isEqualTo(code);
		assertThat(response.errorMessage()).isEqualTo(message);
		JsonNode innerError = response.json().path("error").path("innerError");
		assertThat(innerError.path("request-id").asText()).isNotBlank().isEqualTo(response.header("request-id"));
		assertThat(innerError.path("date").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
	}

}
