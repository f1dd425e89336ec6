package io.dicomreg.sandbox;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * addPassword, removePassword, addKey and removeKey, including the proof-of-possession check.
 */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CredentialActionsTests {

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
	void addPasswordReturnsTheSecretOnceWithHintAndTwoYearDefaultLifetime() {
		JsonNode app = this.graph.createApplication("password");
		SandboxHttp.Response response = this.http.post(actionPath(app, "addPassword"), this.token,
				Map.of("passwordCredential", Map.of("displayName", "ci")));
		JsonNode credential = response.json();
		String secret = credential.path("secretText").asText();
		assertThat(response.status()).isEqualTo(200);
		assertThat(credential.path("@odata.context").asText()).endsWith("$metadata#microsoft.graph.passwordCredential");
		assertThat(secret).hasSize(40);
		assertThat(secret.substring(3, 6)).isEqualTo("8Q~");
		assertThat(credential.path("hint").asText()).isEqualTo(secret.substring(0, 3));
		assertThat(credential.path("displayName").asText()).isEqualTo("ci");
		Instant start = Instant.parse(credential.path("startDateTime").asText());
		Instant end = Instant.parse(credential.path("endDateTime").asText());
		assertThat(Duration.between(start, end).toDays()).isBetween(730L, 731L);
		JsonNode stored = this.http.get("/v1.0/applications/" + app.path("id").asText(), this.token).json()
			.path("passwordCredentials").get(0);
		assertThat(stored.path("keyId").asText()).isEqualTo(credential.path("keyId").asText());
		assertThat(stored.path("secretText").isNull()).isTrue();
		assertThat(SandboxInspector.of(this.server).tenant().secretCount(app.path("appId").asText())).isEqualTo(1);
	}

	@Test
	void addPasswordHonoursAnEndDateTime() {
		JsonNode app = this.graph.createApplication("password with end");
		JsonNode credential = this.http.post(actionPath(app, "addPassword"), this.token,
				Map.of("passwordCredential", Map.of("endDateTime", "2030-01-01T00:00:00Z"))).json();
		assertThat(credential.path("endDateTime").asText()).isEqualTo("2030-01-01T00:00:00Z");
	}

	@Test
	void addPasswordRefusesUnknownParameters() {
		JsonNode app = this.graph.createApplication("password with junk");
		SandboxHttp.Response response = this.http.post(actionPath(app, "addPassword"), this.token,
				Map.of("secret", "mine"));
		GraphApplicationsTests.assertGraphError(response, 400, "BadRequest",
				"The parameter 'secret' in the request payload is not a valid parameter for the operation 'addPassword'.");
	}

	@Test
	void removePasswordDeletesTheCredentialAndItsHash() {
		JsonNode app = this.graph.createApplication("remove password");
		String keyId = this.graph.addPassword(app.path("id").asText()).path("keyId").asText();
		SandboxHttp.Response response = this.http.post(actionPath(app, "removePassword"), this.token,
				Map.of("keyId", keyId));
		assertThat(response.status()).isEqualTo(204);
		assertThat(this.http.get("/v1.0/applications/" + app.path("id").asText(), this.token).json()
			.path("passwordCredentials")).isEmpty();
		assertThat(SandboxInspector.of(this.server).tenant().secretCount(app.path("appId").asText())).isZero();
	}

	@Test
	void removePasswordOfAnUnknownKeyIdAnswers404() {
		JsonNode app = this.graph.createApplication("remove unknown password");
		String keyId = "00000000-0000-0000-0000-00000000abcd";
		GraphApplicationsTests.assertGraphError(
				this.http.post(actionPath(app, "removePassword"), this.token, Map.of("keyId", keyId)), 404,
				"Request_ResourceNotFound",
				"Resource '" + keyId + "' does not exist or one of its queried reference-property objects are not present.");
	}

	@Test
	void addKeyWithAProofSignedByTheCurrentCertificateAddsTheNewOne() throws Exception {
		JsonNode app = this.graph.createApplication("roll key");
		TestCertificates.Credential current = TestCertificates.create("CN=current");
		TestCertificates.Credential next = TestCertificates.create("CN=next");
		this.graph.uploadCertificate(app.path("id").asText(), current);
		SandboxHttp.Response response = this.http.post(actionPath(app, "addKey"), this.token,
				Map.of("keyCredential", Map.of("type", "AsymmetricX509Cert", "usage", "Verify", "key", next.base64Der()),
						"proof", proof(current, app.path("id").asText(), Duration.ofMinutes(10))));
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.json().path("displayName").asText()).isEqualTo("CN=next");
		assertThat(response.json().path("key").isNull()).isTrue();
		assertThat(this.http.get("/v1.0/applications/" + app.path("id").asText(), this.token).json()
			.path("keyCredentials")).hasSize(2);
	}

	@Test
	void addKeyWithAProofFromAnUnregisteredCertificateIsRefused() throws Exception {
		JsonNode app = this.graph.createApplication("roll key with stranger");
		this.graph.uploadCertificate(app.path("id").asText(), TestCertificates.create("CN=registered"));
		TestCertificates.Credential stranger = TestCertificates.create("CN=stranger");
		SandboxHttp.Response response = this.http.post(actionPath(app, "addKey"), this.token,
				Map.of("keyCredential", Map.of("type", "AsymmetricX509Cert", "usage", "Verify", "key",
						stranger.base64Der()), "proof", proof(stranger, app.path("id").asText(), Duration.ofMinutes(10))));
		GraphApplicationsTests.assertGraphError(response, 401, "Authentication_MissingOrMalformed",
				"Access Token missing or malformed.");
	}

	@Test
	void addKeyWithAProofValidForMoreThanTenMinutesIsRefused() throws Exception {
		JsonNode app = this.graph.createApplication("roll key with long proof");
		TestCertificates.Credential current = TestCertificates.create("CN=long");
		this.graph.uploadCertificate(app.path("id").asText(), current);
		SandboxHttp.Response response = this.http.post(actionPath(app, "addKey"), this.token,
				Map.of("keyCredential", Map.of("type", "AsymmetricX509Cert", "usage", "Verify", "key",
						current.base64Der()), "proof", proof(current, app.path("id").asText(), Duration.ofMinutes(60))));
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.errorCode()).isEqualTo("Authentication_MissingOrMalformed");
	}

	@Test
	void removeKeyNeedsAProofToo() throws Exception {
		JsonNode app = this.graph.createApplication("remove key");
		TestCertificates.Credential current = TestCertificates.create("CN=only");
		this.graph.uploadCertificate(app.path("id").asText(), current);
		String keyId = this.http.get("/v1.0/applications/" + app.path("id").asText(), this.token).json()
			.path("keyCredentials").get(0).path("keyId").asText();
		SandboxHttp.Response withoutProof = this.http.post(actionPath(app, "removeKey"), this.token,
				Map.of("keyId", keyId));
		SandboxHttp.Response withProof = this.http.post(actionPath(app, "removeKey"), this.token,
				Map.of("keyId", keyId, "proof", proof(current, app.path("id").asText(), Duration.ofMinutes(10))));
		assertThat(withoutProof.status()).isEqualTo(401);
		assertThat(withProof.status()).isEqualTo(204);
	}

	private static String actionPath(JsonNode app, String action) {
		return "/v1.0/applications/" + app.path("id").asText() + "/" + action;
	}

	static String proof(TestCertificates.Credential signer, String objectId, Duration lifetime) throws Exception {
		Instant now = Instant.now();
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
			.x509CertThumbprint(Base64URL.encode(MessageDigest.getInstance("SHA-1")
				.digest(signer.certificate().getEncoded())))
			.build();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().audience(SandboxDirectory.KEY_PROOF_AUDIENCE)
			.issuer(objectId)
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plus(lifetime)))
			.build();
		SignedJWT jwt = new SignedJWT(header, claims);
		jwt.sign(new RSASSASigner(signer.keyPair().getPrivate()));
		return jwt.serialize();
	}

}
