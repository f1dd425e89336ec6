package io.dicomreg.sandbox;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end_session_endpoint, v2.0 and v1.0, as a browser reaches it: the signed-out page, or a redirect to a
 * registered post_logout_redirect_uri with the state.
 */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndSessionTests {

	private static final String SIGNED_OUT = "https://app.contoso.com/signed-out";

	private Sandbox server;

	private SandboxHttp http;

	private String appId;

	@BeforeAll
	void setUp(Sandbox sandbox) {
		this.server = sandbox;
		this.http = new SandboxHttp(sandbox);
		this.appId = new GraphFixture(sandbox).createApplication(Map.of("displayName", "web app with sign-out", "web",
				Map.of("redirectUris", List.of(SIGNED_OUT)))).path("appId").asText();
	}

	@Test
	void withoutARedirectUriBothEndpointsAnswerTheSignedOutPage() {
		for (String endpoint : List.of("/oauth2/v2.0/logout", "/oauth2/logout")) {
			SandboxHttp.Response response = this.http.get(logout(endpoint, ""), null);
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.header("Content-Type")).startsWith("text/html");
			assertThat(response.text()).contains("You signed out of your account");
		}
	}

	@Test
	void registeredRedirectUriOfTheClientGetsARedirectWithTheState() {
		SandboxHttp.Response response = this.http.get(logout("/oauth2/v2.0/logout", "?client_id=" + this.appId
				+ "&post_logout_redirect_uri=" + SandboxHttp.encode(SIGNED_OUT) + "&state=abc%20123"), null);
		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).isEqualTo(SIGNED_OUT + "?state=abc%20123");
		SandboxHttp.Response v1 = this.http.get(logout("/oauth2/logout", "?post_logout_redirect_uri="
				+ SandboxHttp.encode(SIGNED_OUT)), null);
		assertThat(v1.status()).isEqualTo(302);
		assertThat(v1.header("Location")).isEqualTo(SIGNED_OUT);
	}

	@Test
	void clientNamedByTheIdTokenHintMayReturnToItsLoopbackRedirect() {
		String idToken = SandboxTokens.deviceCode(this.server, SandboxDirectory.GRAPH_CLI_APP_ID,
				"https://graph.microsoft.com/User.Read").path("id_token").asText();
		SandboxHttp.Response response = this.http.get(logout("/oauth2/v2.0/logout", "?id_token_hint=" + idToken
				+ "&post_logout_redirect_uri=" + SandboxHttp.encode("http://localhost:53117/")), null);
		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).isEqualTo("http://localhost:53117/");
	}

	@Test
	void redirectUriThatIsNotRegisteredIsIgnored() {
		SandboxHttp.Response foreign = this.http.get(logout("/oauth2/v2.0/logout", "?client_id=" + this.appId
				+ "&post_logout_redirect_uri=" + SandboxHttp.encode("https://evil.example.com/")), null);
		assertThat(foreign.status()).isEqualTo(200);
		assertThat(foreign.header("Location")).isNull();
		assertThat(foreign.text()).contains("You signed out of your account");
		SandboxHttp.Response otherClient = this.http.get(logout("/oauth2/v2.0/logout", "?client_id="
				+ SandboxDirectory.GRAPH_CLI_APP_ID + "&post_logout_redirect_uri=" + SandboxHttp.encode(SIGNED_OUT)),
				null);
		assertThat(otherClient.status()).isEqualTo(200);
	}

	@Test
	void postedSignOutIsAnsweredToo() {
		SandboxHttp.Response response = this.http.send(this.http.builder(logout("/oauth2/v2.0/logout", ""), null)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("post_logout_redirect_uri=" + SandboxHttp.encode(SIGNED_OUT))));
		assertThat(response.status()).isEqualTo(302);
		assertThat(URI.create(response.header("Location")).getHost()).isEqualTo("app.contoso.com");
	}

	private String logout(String endpoint, String query) {
		return this.server.authorityHost() + "/" + this.server.tenantId() + endpoint + query;
	}

}
