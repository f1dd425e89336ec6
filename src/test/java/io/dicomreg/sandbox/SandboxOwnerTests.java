package io.dicomreg.sandbox;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static io.dicomreg.sandbox.IdentityProtocolTests.assertIdentityError;
import static io.dicomreg.sandbox.IdentityProtocolTests.tokenEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Only the sandbox's owner signs its users in: a device code is approved, and the browser sign-in page completed,
 * with the owner secret, which other local users cannot read; the user signed in is the administrator unless the
 * owner names the member.
 */
@ExtendWith(SandboxExtension.class)
class SandboxOwnerTests {

	private static final String SCOPE = "openid profile offline_access https://graph.microsoft.com/User.Read";

	private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\" />");

	@TempDir
	Path directory;

	@Test
	void deviceCodeStaysPendingUntilTheOwnerApprovesIt(Sandbox server) {
		JsonNode code = deviceCode(server);
		for (int poll = 0; poll < 3; poll++) {
			assertIdentityError(poll(server, code), 400, "authorization_pending", 70016);
		}
	}

	@Test
	void deviceLoginPageApprovesACodeWithTheOwnerSecretOnly(Sandbox server) {
		JsonNode code = deviceCode(server);
		SandboxHttp http = new SandboxHttp(server);
		String page = http.get(server.authorityHost() + "/devicelogin", null).text();
		assertThat(page).contains("<form method=\"post\"", "name=\"user_code\"", "type=\"password\" name=\"owner_secret\"");

		SandboxHttp.Response refused = http.postForm(server.authorityHost() + "/devicelogin",
				Map.of("user_code", code.path("user_code").asText(), "owner_secret", "a guess"));
		assertThat(refused.status()).isEqualTo(401);
		assertIdentityError(poll(server, code), 400, "authorization_pending", 70016);
		SandboxHttp.Response noSecret = http.postForm(server.authorityHost() + "/devicelogin",
				Map.of("user_code", code.path("user_code").asText()));
		assertThat(noSecret.status()).isEqualTo(401);

		SandboxHttp.Response approved = http.postForm(server.authorityHost() + "/devicelogin",
				Map.of("user_code", code.path("user_code").asText(), "owner_secret",
						SandboxInspector.of(server).ownerSecret()));
		assertThat(approved.status()).as(approved.text()).isEqualTo(200);
		SandboxHttp.Response tokens = poll(server, code);
		assertThat(tokens.status()).as(tokens.text()).isEqualTo(200);
		assertThat(tokens.json().path("access_token").asText()).isNotBlank();
	}

	@Test
	void unknownCodeIsNotApprovedEvenByTheOwner(Sandbox server) {
		SandboxHttp.Response response = new SandboxHttp(server).postForm(server.authorityHost() + "/devicelogin",
				Map.of("user_code", "NOSUCHCOD", "owner_secret", SandboxInspector.of(server).ownerSecret()));
		assertThat(response.status()).isEqualTo(400);
		assertThatIllegalArgumentException().isThrownBy(() -> server.approveDeviceCode("NOSUCHCOD"))
			.withMessage("No device code NOSUCHCOD is waiting for approval in this sandbox.");
	}

	@Test
	void ownerApprovesADeviceCodeThroughTheEntryPoint(Sandbox server) {
		JsonNode code = deviceCode(server);
		server.approveDeviceCode(code.path("user_code").asText());
		SandboxHttp.Response tokens = poll(server, code);
		assertThat(tokens.status()).as(tokens.text()).isEqualTo(200);
	}

	@Test
	void browserSignInAsksForTheOwnerSecretBeforeIssuingACode(Sandbox server) {
		SandboxHttp http = new SandboxHttp(server);
		String authorize = server.authorityHost() + "/" + server.tenantId() + "/oauth2/v2.0/authorize";
		SandboxHttp.Response page = http.send(HttpRequest.newBuilder(URI.create(authorize + "?client_id="
				+ SandboxDirectory.GRAPH_CLI_APP_ID + "&response_type=code&response_mode=form_post&state=s1"
				+ "&redirect_uri=" + SandboxHttp.encode("http://localhost:54321") + "&scope="
				+ SandboxHttp.encode(SCOPE))).GET());
		assertThat(page.status()).isEqualTo(200);
		Map<String, String> fields = hiddenFields(page.text());
		assertThat(fields).doesNotContainKey("code").containsEntry("state", "s1");
		assertThat(page.text()).contains("action=\"" + authorize + "\"", "type=\"password\" name=\"owner_secret\"");

		Map<String, String> guess = new LinkedHashMap<>(fields);
		guess.put("owner_secret", "a guess");
		SandboxHttp.Response refused = http.postForm(authorize, guess);
		assertThat(refused.status()).isEqualTo(401);
		assertThat(hiddenFields(refused.text())).doesNotContainKey("code");

		Map<String, String> owner = new LinkedHashMap<>(fields);
		owner.put("owner_secret", SandboxInspector.of(server).ownerSecret());
		SandboxHttp.Response signedIn = http.postForm(authorize, owner);
		assertThat(signedIn.status()).isEqualTo(200);
		assertThat(signedIn.text()).contains("action=\"http://localhost:54321\"");
		assertThat(hiddenFields(signedIn.text())).containsKey("code").containsEntry("state", "s1");
	}

	@Test
	void deviceLoginPageSignsTheNamedUserInWithTheOwnerSecretOnly(Sandbox server) throws Exception {
		JsonNode code = deviceCode(server);
		SandboxHttp http = new SandboxHttp(server);
		String devicelogin = server.authorityHost() + "/devicelogin";
		String userCode = code.path("user_code").asText();
		assertThat(http.get(devicelogin, null).text()).contains("name=\"username\" value=\""
				+ server.adminUserPrincipalName() + "\"");

		SandboxHttp.Response guess = http.postForm(devicelogin, Map.of("user_code", userCode, "username",
				server.memberUserPrincipalName(), "owner_secret", "a guess"));
		SandboxHttp.Response stranger = http.postForm(devicelogin, Map.of("user_code", userCode, "username",
				"nobody@contoso.onmicrosoft.com", "owner_secret", SandboxInspector.of(server).ownerSecret()));
		assertThat(guess.status()).isEqualTo(401);
		assertThat(stranger.status()).isEqualTo(400);
		assertThat(stranger.text()).contains("AADSTS50034: The user account nobody@contoso.onmicrosoft.com does not "
				+ "exist in the &#39;Contoso&#39; directory.");
		assertIdentityError(poll(server, code), 400, "authorization_pending", 70016);

		SandboxHttp.Response approved = http.postForm(devicelogin, Map.of("user_code", userCode, "username",
				server.memberUserPrincipalName(), "owner_secret", SandboxInspector.of(server).ownerSecret()));
		assertThat(approved.status()).isEqualTo(200);
		assertThat(approved.text()).contains("signed in as " + server.memberUserPrincipalName());
		SandboxHttp.Response tokens = poll(server, code);
		assertThat(tokens.status()).as(tokens.text()).isEqualTo(200);
		assertThat(SignedJWT.parse(tokens.json().path("access_token").asText()).getJWTClaimsSet().getStringClaim("upn"))
			.isEqualTo(server.memberUserPrincipalName());
	}

	@Test
	void entryPointApprovesForAUserOfTheTenantOnly(Sandbox server) {
		String userCode = deviceCode(server).path("user_code").asText();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> server.approveDeviceCode(userCode, "nobody@contoso.onmicrosoft.com"))
			.withMessage("No user nobody@contoso.onmicrosoft.com in this sandbox.");
		server.approveDeviceCode(userCode, server.memberUserPrincipalName());
	}

	@Test
	void browserSignInOffersTheLoginHintAndRefusesAUserTheTenantDoesNotHave(Sandbox server) {
		SandboxHttp http = new SandboxHttp(server);
		String authorize = server.authorityHost() + "/" + server.tenantId() + "/oauth2/v2.0/authorize";
		String url = authorize + "?client_id=" + SandboxDirectory.GRAPH_CLI_APP_ID + "&response_type=code"
				+ "&response_mode=form_post&redirect_uri=" + SandboxHttp.encode("http://localhost:54321") + "&scope="
				+ SandboxHttp.encode(SCOPE) + "&login_hint=";
		SandboxHttp.Response page = http.send(HttpRequest.newBuilder(URI.create(url
				+ SandboxHttp.encode(server.memberUserPrincipalName()))).GET());
		assertThat(page.text()).contains("name=\"username\" value=\"" + server.memberUserPrincipalName() + "\"");

		Map<String, String> stranger = new LinkedHashMap<>(hiddenFields(page.text()));
		stranger.put("username", "nobody@contoso.onmicrosoft.com");
		stranger.put("owner_secret", SandboxInspector.of(server).ownerSecret());
		SandboxHttp.Response refused = http.postForm(authorize, stranger);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(hiddenFields(refused.text())).doesNotContainKey("code");
		assertThat(refused.text()).contains("AADSTS50034");
		assertThatIllegalStateException()
			.isThrownBy(() -> server.playBrowser(URI.create(url + "nobody%40contoso.onmicrosoft.com")))
			.withMessageContaining("The sandbox refused the sign-in (HTTP 400): AADSTS50034");
	}

	@Test
	void ownerSecretIsKeptInTheStateFileAndSurvivesARestart() throws Exception {
		Path stateFile = this.directory.resolve("tenant.json");
		String secret;
		try (Sandbox first = Sandbox.start(stateFile)) {
			secret = SandboxInspector.of(first).ownerSecret();
		}
		assertThat(secret).hasSizeGreaterThanOrEqualTo(40);
		assertThat(new ObjectMapper().readTree(stateFile.toFile()).path("ownerSecret").asText()).isEqualTo(secret);
		try (Sandbox second = Sandbox.start(stateFile)) {
			assertThat(SandboxInspector.of(second).ownerSecret()).isEqualTo(secret);
		}
	}

	@Test
	void stateFileOfAnEarlierVersionWithoutAnOwnerSecretGetsOneAtStart() throws Exception {
		Path stateFile = this.directory.resolve("tenant.json");
		try (Sandbox first = Sandbox.start(stateFile)) {
			new GraphFixture(first).createApplication("kept");
		}
		ObjectMapper mapper = new ObjectMapper();
		ObjectNode state = (ObjectNode) mapper.readTree(stateFile.toFile());
		state.remove("ownerSecret");
		Files.write(stateFile, mapper.writeValueAsBytes(state));
		try (Sandbox server = Sandbox.start(stateFile)) {
			String secret = SandboxInspector.of(server).ownerSecret();
			assertThat(secret).isNotBlank();
			assertThat(mapper.readTree(stateFile.toFile()).path("ownerSecret").asText()).isEqualTo(secret);
			assertThat(SandboxInspector.of(server).tenant().applications()).hasSize(1);
		}
	}

	@Test
	void everyInMemoryTenantHasItsOwnSecret(Sandbox server) {
		try (Sandbox other = Sandbox.start(null)) {
			assertThat(SandboxInspector.of(other).ownerSecret()).isNotEqualTo(SandboxInspector.of(server).ownerSecret());
		}
	}

	private static JsonNode deviceCode(Sandbox server) {
		SandboxHttp.Response response = new SandboxHttp(server).postForm(server.authorityHost() + "/"
				+ server.tenantId() + "/oauth2/v2.0/devicecode",
				Map.of("client_id", SandboxDirectory.GRAPH_CLI_APP_ID, "scope", SCOPE));
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response.json();
	}

	private static SandboxHttp.Response poll(Sandbox server, JsonNode code) {
		return new SandboxHttp(server).postForm(tokenEndpoint(server), Map.of("grant_type", "device_code", "client_id",
				SandboxDirectory.GRAPH_CLI_APP_ID, "device_code", code.path("device_code").asText()));
	}

	private static Map<String, String> hiddenFields(String page) {
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher input = HIDDEN.matcher(page);
		while (input.find()) {
			fields.put(input.group(1), input.group(2).replace("&amp;", "&"));
		}
		return fields;
	}

}
