package io.dicomreg.sandbox;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in endpoints at the protocol level: discovery, each grant, and Entra's error format and codes.
 */
@ExtendWith(SandboxExtension.class)
class IdentityProtocolTests {

	private static final String GRAPH_USER_READ = "https://graph.microsoft.com/User.Read";

	@Test
	void discoveryDocumentNamesTheSandboxEndpointsForEveryTenantAlias(Sandbox server) {
		SandboxHttp http = new SandboxHttp(server);
		for (String tenant : List.of(server.tenantId(), server.tenantDomain(), "organizations", "common")) {
			JsonNode document = http.get(server.authorityHost() + "/" + tenant + "/v2.0/.well-known/openid-configuration",
					null).json();
			assertThat(document.path("token_endpoint").asText())
				.isEqualTo(server.authorityHost() + "/" + tenant + "/oauth2/v2.0/token");
			assertThat(document.path("device_authorization_endpoint").asText()).endsWith("/oauth2/v2.0/devicecode");
			assertThat(document.path("issuer").asText())
				.isEqualTo(server.authorityHost() + "/" + server.tenantId() + "/v2.0");
		}
	}

	@Test
	void jwksPublishesTheKeyTokensAreSignedWith(Sandbox server) throws Exception {
		JsonNode keys = new SandboxHttp(server)
			.get(server.authorityHost() + "/" + server.tenantId() + "/discovery/v2.0/keys", null)
			.json();
		String token = SandboxTokens.delegated(server, GRAPH_USER_READ);
		assertThat(keys.path("keys").get(0).path("kid").asText())
			.isEqualTo(SignedJWT.parse(token).getHeader().getKeyID());
		assertThat(keys.path("keys").get(0).path("kty").asText()).isEqualTo("RSA");
	}

	@Test
	void unknownTenantIsRefusedWithAadsts90002(Sandbox server) {
		SandboxHttp.Response response = new SandboxHttp(server)
			.postForm(server.authorityHost() + "/fabrikam.onmicrosoft.com/oauth2/v2.0/devicecode",
					Map.of("client_id", SandboxDirectory.GRAPH_CLI_APP_ID, "scope", GRAPH_USER_READ));
		assertIdentityError(response, 400, "invalid_request", 90002);
	}

	@Test
	void unknownClientIsRefusedInEntrasErrorFormat(Sandbox server) {
		String appId = UUID.randomUUID().toString();
		SandboxHttp.Response response = deviceCodeRequest(server, appId, GRAPH_USER_READ);
		JsonNode body = assertIdentityError(response, 400, "unauthorized_client", 700016);
		assertThat(body.path("error_description").asText()).startsWith("AADSTS700016: Application with identifier '"
				+ appId + "' was not found in the directory 'Contoso'.")
			.contains("\r\nTrace ID: " + body.path("trace_id").asText() + "\r\nCorrelation ID: "
					+ body.path("correlation_id").asText() + "\r\nTimestamp: " + body.path("timestamp").asText());
		assertThat(body.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ");
	}

	@Test
	void deviceCodeResponseHasEntrasFieldsWithAOneSecondInterval(Sandbox server) {
		JsonNode code = deviceCodeRequest(server, SandboxDirectory.GRAPH_CLI_APP_ID, GRAPH_USER_READ).json();
		assertThat(code.path("user_code").asText()).matches("[A-Z0-9]{9}");
		assertThat(code.path("device_code").asText()).isNotBlank();
		assertThat(code.path("verification_uri").asText()).isEqualTo(server.authorityHost() + "/devicelogin");
		assertThat(code.path("expires_in").asInt()).isEqualTo(900);
		assertThat(code.path("interval").isIntegralNumber()).isTrue();
		assertThat(code.path("interval").asInt()).isEqualTo(1);
		assertThat(code.path("message").asText()).isEqualTo("To sign in, use a web browser to open the page "
				+ server.authorityHost() + "/devicelogin and enter the code " + code.path("user_code").asText()
				+ " to authenticate.");
	}

	@Test
	void pollIsPendingUntilTheOwnerApprovesThenTheAdministratorIsSignedIn(Sandbox server) throws Exception {
		JsonNode code = deviceCodeRequest(server, SandboxDirectory.GRAPH_CLI_APP_ID, GRAPH_USER_READ).json();
		SandboxHttp.Response pending = poll(server, SandboxDirectory.GRAPH_CLI_APP_ID, code, "device_code");
		server.approveDeviceCode(code.path("user_code").asText());
		SandboxHttp.Response approved = poll(server, SandboxDirectory.GRAPH_CLI_APP_ID, code,
				"urn:ietf:params:oauth:grant-type:device_code");
		assertIdentityError(pending, 400, "authorization_pending", 70016);
		JsonNode tokens = approved.json();
		assertThat(tokens.path("token_type").asText()).isEqualTo("Bearer");
		assertThat(tokens.path("expires_in").isIntegralNumber()).isTrue();
		assertThat(tokens.path("expires_in").asInt()).isBetween(3600, 5400);
		assertThat(tokens.path("ext_expires_in").asInt()).isEqualTo(tokens.path("expires_in").asInt());
		assertThat(tokens.path("scope").asText()).contains("User.Read").doesNotContain("offline_access");
		assertThat(tokens.path("refresh_token").asText()).isNotBlank();
		JsonNode clientInfo = new ObjectMapper().readTree(Base64.getUrlDecoder()
			.decode(tokens.path("client_info").asText()));
		assertThat(clientInfo.path("uid").asText()).isEqualTo(SandboxInspector.of(server).tenant().adminObjectId());
		assertThat(clientInfo.path("utid").asText()).isEqualTo(server.tenantId());
		JWTClaimsSet idToken = SignedJWT.parse(tokens.path("id_token").asText()).getJWTClaimsSet();
		assertThat(idToken.getAudience()).containsExactly(SandboxDirectory.GRAPH_CLI_APP_ID);
		assertThat(idToken.getStringClaim("preferred_username")).isEqualTo(server.adminUserPrincipalName());
		assertThat(idToken.getStringClaim("ver")).isEqualTo("2.0");
		JWTClaimsSet accessToken = SignedJWT.parse(tokens.path("access_token").asText()).getJWTClaimsSet();
		assertThat(accessToken.getAudience()).containsExactly("https://graph.microsoft.com");
		assertThat(accessToken.getStringClaim("scp")).contains("User.Read");
		assertThat(accessToken.getStringClaim("tid")).isEqualTo(server.tenantId());
		assertThat(accessToken.getStringClaim("appid")).isEqualTo(SandboxDirectory.GRAPH_CLI_APP_ID);
	}

	@Test
	void deviceCodeExpiresAfter900Seconds() {
		MutableClock clock = new MutableClock();
		try (Sandbox server = Sandbox.start(null, clock)) {
			JsonNode code = deviceCodeRequest(server, SandboxDirectory.GRAPH_CLI_APP_ID, GRAPH_USER_READ).json();
			clock.advance(Duration.ofSeconds(901));
			assertIdentityError(poll(server, SandboxDirectory.GRAPH_CLI_APP_ID, code, "device_code"), 400,
					"expired_token", 70019);
		}
	}

	@Test
	void unknownDeviceCodeIsABadVerificationCode(Sandbox server) {
		SandboxHttp.Response response = poll(server, SandboxDirectory.GRAPH_CLI_APP_ID,
				new ObjectMapper().createObjectNode().put("device_code", "DAQABAAEAAAnot-issued"), "device_code");
		assertIdentityError(response, 400, "bad_verification_code", 70000);
	}

	@Test
	void deviceCodeForATenantAppThatIsNotAPublicClientNeedsACredential(Sandbox server) {
		GraphFixture graph = new GraphFixture(server);
		String confidential = graph.createApplication("confidential").path("appId").asText();
		String publicClient = graph.createApplication(Map.of("displayName", "public", "isFallbackPublicClient", true))
			.path("appId").asText();
		JsonNode code = deviceCodeRequest(server, confidential, GRAPH_USER_READ).json();
		JsonNode body = assertIdentityError(poll(server, confidential, code, "device_code"), 401, "invalid_client",
				7000218);
		assertThat(body.path("error_description").asText()).startsWith("AADSTS7000218: The request body must contain "
				+ "the following parameter: 'client_assertion' or 'client_secret'.");
		graph.createServicePrincipal(publicClient);
		graph.grantDelegatedConsent(publicClient, SandboxDirectory.GRAPH_APP_ID, "User.Read");
		assertThat(SandboxTokens.deviceCode(server, publicClient, GRAPH_USER_READ).path("access_token").asText())
			.isNotBlank();
	}

	@Test
	void scopeThatGraphDoesNotExposeIsAnInvalidScope(Sandbox server) {
		assertIdentityError(deviceCodeRequest(server, SandboxDirectory.GRAPH_CLI_APP_ID,
				"https://graph.microsoft.com/Mail.Teleport"), 400, "invalid_scope", 70011);
	}

	@Test
	void scopesOfTwoResourcesAreRefused(Sandbox server) {
		assertIdentityError(deviceCodeRequest(server, SandboxDirectory.GRAPH_CLI_APP_ID,
				GRAPH_USER_READ + " https://dicom.healthcareapis.azure.com/Dicom.ReadWrite"), 400, "invalid_scope", 28000);
	}

	@Test
	void unknownResourceIsAnInvalidResource(Sandbox server) {
		assertIdentityError(deviceCodeRequest(server, SandboxDirectory.GRAPH_CLI_APP_ID,
				"https://unknown.example/read"), 400, "invalid_resource", 500011);
	}

	@Test
	void dicomTokenHasTheDicomAudienceAndScope(Sandbox server) throws Exception {
		String token = SandboxTokens.delegated(server, "https://dicom.healthcareapis.azure.com/Dicom.ReadWrite");
		JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
		assertThat(claims.getAudience()).containsExactly("https://dicom.healthcareapis.azure.com");
		assertThat(claims.getStringClaim("scp")).isEqualTo("Dicom.ReadWrite");
	}

	@Test
	void refreshTokenIsRedeemedForANewAccessAndRefreshToken(Sandbox server) {
		JsonNode first = SandboxTokens.deviceCode(server, SandboxDirectory.GRAPH_CLI_APP_ID, GRAPH_USER_READ);
		SandboxHttp.Response refreshed = refresh(server, SandboxDirectory.GRAPH_CLI_APP_ID,
				first.path("refresh_token").asText(), "openid profile offline_access " + GRAPH_USER_READ);
		assertThat(refreshed.status()).isEqualTo(200);
		assertThat(refreshed.json().path("refresh_token").asText()).isNotEqualTo(first.path("refresh_token").asText());
		assertThat(refreshed.json().path("access_token").asText()).isNotBlank();
	}

	@Test
	void refreshTokenIsBoundToItsClient(Sandbox server) {
		String publicClient = new GraphFixture(server)
			.createApplication(Map.of("displayName", "other client", "isFallbackPublicClient", true))
			.path("appId").asText();
		String refreshToken = SandboxTokens.deviceCode(server, SandboxDirectory.GRAPH_CLI_APP_ID, GRAPH_USER_READ)
			.path("refresh_token").asText();
		assertIdentityError(refresh(server, publicClient, refreshToken, GRAPH_USER_READ), 400, "invalid_grant", 70000);
		assertIdentityError(refresh(server, SandboxDirectory.GRAPH_CLI_APP_ID, "1.AQnot-issued", GRAPH_USER_READ), 400,
				"invalid_grant", 9002313);
	}

	@Test
	void clientCredentialsScopeMustEndWithDotDefault(Sandbox server) {
		Daemon daemon = daemon(server);
		assertIdentityError(SandboxTokens.clientSecret(server, daemon.appId(), daemon.secret(),
				"https://graph.microsoft.com/Application.Read.All"), 400, "invalid_scope", 1002012);
	}

	@Test
	void appOnlyTokenCarriesTheGraphRolesAnAdministratorConsentedTo(Sandbox server) throws Exception {
		Daemon daemon = daemon(server);
		new GraphFixture(server).grantAdminConsent(daemon.appId());
		JsonNode tokens = SandboxTokens.clientSecret(server, daemon.appId(), daemon.secret(),
				"https://graph.microsoft.com/.default").json();
		JWTClaimsSet claims = SignedJWT.parse(tokens.path("access_token").asText()).getJWTClaimsSet();
		assertThat(tokens.has("refresh_token")).isFalse();
		assertThat(claims.getStringListClaim("roles")).containsExactly("Application.Read.All");
		assertThat(claims.getStringClaim("idtyp")).isEqualTo("app");
		assertThat(claims.getStringClaim("appidacr")).isEqualTo("1");
	}

	@Test
	void expiredClientSecretIsRefusedWithAadsts7000222() {
		MutableClock clock = new MutableClock();
		try (Sandbox server = Sandbox.start(null, clock)) {
			GraphFixture graph = new GraphFixture(server);
			JsonNode app = graph.createDaemonApplication("short secret");
			String secret = graph.http().post("/v1.0/applications/" + app.path("id").asText() + "/addPassword",
					graph.token(), Map.of("passwordCredential",
							Map.of("endDateTime", clock.instant().plus(Duration.ofHours(1)).toString())))
				.json().path("secretText").asText();
			clock.advance(Duration.ofHours(2));
			assertIdentityError(SandboxTokens.clientSecret(server, app.path("appId").asText(), secret,
					"https://graph.microsoft.com/.default"), 401, "invalid_client", 7000222);
		}
	}

	@Test
	void applicationWithoutAServicePrincipalCannotSignInAsItself(Sandbox server) {
		GraphFixture graph = new GraphFixture(server);
		JsonNode app = graph.createApplication("no service principal");
		String secret = graph.addPassword(app.path("id").asText()).path("secretText").asText();
		assertIdentityError(SandboxTokens.clientSecret(server, app.path("appId").asText(), secret,
				"https://graph.microsoft.com/.default"), 400, "invalid_client", 7000229);
	}

	@Test
	void publicFirstPartyClientMustNotPresentASecret(Sandbox server) {
		assertIdentityError(SandboxTokens.clientSecret(server, SandboxDirectory.GRAPH_CLI_APP_ID, "secret",
				"https://graph.microsoft.com/.default"), 401, "invalid_client", 700025);
	}

	@Test
	void clientAssertionSignedByAnUnregisteredCertificateIsRefused(Sandbox server) throws Exception {
		Daemon daemon = daemon(server);
		TestCertificates.Credential stranger = TestCertificates.create("CN=stranger");
		String assertion = assertion(stranger, daemon.appId(), tokenEndpoint(server), Duration.ofMinutes(10));
		JsonNode body = assertIdentityError(clientAssertion(server, daemon.appId(), assertion), 401, "invalid_client",
				700027);
		assertThat(body.path("error_description").asText()).contains("The key was not found.");
	}

	@Test
	void expiredClientAssertionIsRefusedWithAadsts700024(Sandbox server) throws Exception {
		Daemon daemon = daemon(server);
		String assertion = assertion(daemon.certificate(), daemon.appId(), tokenEndpoint(server),
				Duration.ofMinutes(-30));
		assertIdentityError(clientAssertion(server, daemon.appId(), assertion), 401, "invalid_client", 700024);
	}

	@Test
	void clientAssertionForAnotherAudienceIsRefused(Sandbox server) throws Exception {
		Daemon daemon = daemon(server);
		String assertion = assertion(daemon.certificate(), daemon.appId(),
				"https://login.microsoftonline.com/common/oauth2/v2.0/token", Duration.ofMinutes(10));
		assertIdentityError(clientAssertion(server, daemon.appId(), assertion), 401, "invalid_client", 50027);
		String valid = assertion(daemon.certificate(), daemon.appId(), tokenEndpoint(server), Duration.ofMinutes(10));
		assertThat(clientAssertion(server, daemon.appId(), valid).status()).isEqualTo(200);
	}

	@Test
	void authorizationCodeIsRedeemedOnceWithTheRightPkceVerifier(Sandbox server) {
		String verifier = "a-sufficiently-long-pkce-code-verifier-0123456789";
		Map<String, String> form = authorize(server, "http://localhost:54321", challenge(verifier));
		assertThat(form.get("state")).isEqualTo("xyz");
		Map<String, String> redemption = new LinkedHashMap<>(Map.of("grant_type", "authorization_code", "client_id",
				SandboxDirectory.GRAPH_CLI_APP_ID, "code", form.get("code"), "redirect_uri", "http://localhost:54321",
				"scope", GRAPH_USER_READ));
		redemption.put("code_verifier", "the-wrong-verifier-the-wrong-verifier-0123");
		assertIdentityError(new SandboxHttp(server).postForm(tokenEndpoint(server), redemption), 400, "invalid_grant",
				50148);
		redemption.put("code_verifier", verifier);
		assertThat(new SandboxHttp(server).postForm(tokenEndpoint(server), redemption).status()).isEqualTo(200);
		assertIdentityError(new SandboxHttp(server).postForm(tokenEndpoint(server), redemption), 400, "invalid_grant",
				54005);
	}

	@Test
	void unregisteredRedirectUriGetsAnErrorPage(Sandbox server) {
		SandboxHttp http = new SandboxHttp(server);
		SandboxHttp.Response page = http.send(HttpRequest.newBuilder(URI.create(server.authorityHost() + "/"
				+ server.tenantId() + "/oauth2/v2.0/authorize?client_id=" + SandboxDirectory.GRAPH_CLI_APP_ID
				+ "&response_type=code&redirect_uri=" + SandboxHttp.encode("https://evil.example/callback")
				+ "&scope=openid")).GET());
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.text()).contains("AADSTS50011: The redirect URI &#39;https://evil.example/callback&#39;");
	}

	private static Map<String, String> authorize(Sandbox server, String redirectUri, String challenge) {
		String url = server.authorityHost() + "/" + server.tenantId() + "/oauth2/v2.0/authorize?client_id="
				+ SandboxDirectory.GRAPH_CLI_APP_ID + "&response_type=code&response_mode=form_post&state=xyz"
				+ "&code_challenge_method=S256&code_challenge=" + challenge + "&redirect_uri="
				+ SandboxHttp.encode(redirectUri) + "&scope=" + SandboxHttp.encode("openid offline_access " + GRAPH_USER_READ);
		SandboxHttp http = new SandboxHttp(server);
		Map<String, String> signIn = hiddenFields(http.send(HttpRequest.newBuilder(URI.create(url)).GET()).text());
		signIn.put("owner_secret", SandboxInspector.of(server).ownerSecret());
		String page = http.postForm(url.substring(0, url.indexOf('?')), signIn).text();
		assertThat(page).contains("<form method=\"post\"").contains("action=\"" + redirectUri + "\"");
		return hiddenFields(page);
	}

	private static Map<String, String> hiddenFields(String page) {
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher input = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\" />").matcher(page);
		while (input.find()) {
			fields.put(input.group(1), input.group(2).replace("&amp;", "&"));
		}
		return fields;
	}

	private static String challenge(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Daemon daemon(Sandbox server) {
		GraphFixture graph = new GraphFixture(server);
		JsonNode app = graph.createDaemonApplication("daemon " + UUID.randomUUID());
		String secret = graph.addPassword(app.path("id").asText()).path("secretText").asText();
		TestCertificates.Credential certificate = TestCertificates.create("CN=daemon");
		graph.uploadCertificate(app.path("id").asText(), certificate);
		return new Daemon(app.path("appId").asText(), secret, certificate);
	}

	private static String assertion(TestCertificates.Credential signer, String appId, String audience,
			Duration lifetime) throws Exception {
		Instant now = Instant.now();
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
			.x509CertSHA256Thumbprint(Base64URL.encode(MessageDigest.getInstance("SHA-256")
				.digest(signer.certificate().getEncoded())))
			.build();
		Instant start = lifetime.isNegative() ? now.plus(lifetime).minus(Duration.ofMinutes(10)) : now;
		JWTClaimsSet claims = new JWTClaimsSet.Builder().audience(audience)
			.issuer(appId)
			.subject(appId)
			.jwtID(UUID.randomUUID().toString())
			.notBeforeTime(Date.from(start))
			.expirationTime(Date.from(lifetime.isNegative() ? now.plus(lifetime) : now.plus(lifetime)))
			.build();
		SignedJWT jwt = new SignedJWT(header, claims);
		jwt.sign(new RSASSASigner(signer.keyPair().getPrivate()));
		return jwt.serialize();
	}

	private static SandboxHttp.Response clientAssertion(Sandbox server, String appId, String assertion) {
		return new SandboxHttp(server).postForm(tokenEndpoint(server), Map.of("grant_type", "client_credentials",
				"client_id", appId, "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
				"client_assertion", assertion, "scope", "https://graph.microsoft.com/.default"));
	}

	private static SandboxHttp.Response deviceCodeRequest(Sandbox server, String clientId, String scope) {
		return new SandboxHttp(server).postForm(server.authorityHost() + "/" + server.tenantId()
				+ "/oauth2/v2.0/devicecode", Map.of("client_id", clientId, "scope", "openid profile offline_access " + scope));
	}

	private static SandboxHttp.Response poll(Sandbox server, String clientId, JsonNode code, String grantType) {
		return new SandboxHttp(server).postForm(tokenEndpoint(server), Map.of("grant_type", grantType, "client_id",
				clientId, "device_code", code.path("device_code").asText(), "client_info", "1"));
	}

	private static SandboxHttp.Response refresh(Sandbox server, String clientId, String refreshToken,
			String scope) {
		return new SandboxHttp(server).postForm(tokenEndpoint(server), Map.of("grant_type", "refresh_token",
				"client_id", clientId, "refresh_token", refreshToken, "scope", scope, "client_info", "1"));
	}

	static String tokenEndpoint(Sandbox server) {
		return server.authorityHost() + "/" + server.tenantId() + "/oauth2/v2.0/token";
	}

	static JsonNode assertIdentityError(SandboxHttp.Response response, int status, String error, int aadsts) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		JsonNode body = response.json();
		assertThat(body.path("error").asText()).isEqualTo(error);
		assertThat(body.path("error_codes").get(0).asInt()).isEqualTo(aadsts);
		assertThat(body.path("error_description").asText()).startsWith("AADSTS" + aadsts + ": ")
			.contains("\r\nTrace ID: ");
		assertThat(body.path("trace_id").asText()).isNotBlank();
		assertThat(body.path("correlation_id").asText()).isNotBlank();
		return body;
	}

	private record Daemon(String appId, String secret, TestCertificates.Credential certificate) {

	}

}
