package io.dicomreg.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Entra ID's redirect URI rules, each with an accepted and a refused example, through PATCH of an application.
 */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedirectUriRulesTests {

	private GraphFixture graph;

	@BeforeAll
	void setUp(Sandbox server) {
		this.graph = new GraphFixture(server);
	}

	@ParameterizedTest(name = "{0} {1} with {2} is accepted")
	@CsvSource({ "web, https://app.example/callback, AzureADMyOrg",
			"web, http://localhost:8080/callback, AzureADMyOrg", "web, http://127.0.0.1/callback, AzureADMyOrg",
			"spa, https://spa.example, AzureADMyOrg", "publicClient, myapp://callback, AzureADMyOrg",
			"publicClient, msauth.com.contoso.app://auth, AzureADMyOrg",
			"publicClient, https://www.getpostman.com/oauth2/callback, AzureADMyOrg",
			"publicClient, http://localhost, AzureADMyOrg", "web, https://*.contoso.example/callback, AzureADMyOrg",
			"web, https://app.example/callback?tenant=1, AzureADMultipleOrgs",
			"web, https://app.example/callback, AzureADandPersonalMicrosoftAccount" })
	void redirectUriIsAccepted(String platform, String uri, String audience) {
		assertThat(patch(platform, List.of(uri), audience).status()).isEqualTo(204);
	}

	@ParameterizedTest(name = "{0} {1} with {2} is refused")
	@CsvSource({ "web, http://app.example/callback, AzureADMyOrg", "spa, http://spa.example, AzureADMyOrg",
			"web, myapp://callback, AzureADMyOrg", "publicClient, http://app.example/callback, AzureADMyOrg",
			"web, 'https://app.example/call,back', AzureADMyOrg", "web, https://app.example/call(back), AzureADMyOrg",
			"web, https://app.example/call;back, AzureADMyOrg", "web, https://app.example/call$back, AzureADMyOrg",
			"web, https://app.example/call!back, AzureADMyOrg", "web, http://[::1]:8080/callback, AzureADMyOrg",
			"web, https://*.contoso.example/callback, AzureADandPersonalMicrosoftAccount",
			"web, https://app.example/callback?tenant=1, AzureADandPersonalMicrosoftAccount",
			"web, /relative/callback, AzureADMyOrg", "web, https://app.example/callback#fragment, AzureADMyOrg" })
	void redirectUriIsRefused(String platform, String uri, String audience) {
		SandboxHttp.Response response = patch(platform, List.of(uri), audience);
		GraphApplicationsTests.assertGraphError(response, 400, "Request_BadRequest",
				"Invalid value specified for property '" + platform + "' of resource 'Application'.");
	}

	@Test
	void quoteInARedirectUriIsRefused() {
		SandboxHttp.Response response = patch("web", List.of("https://app.example/it's"), "AzureADMyOrg");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorMessage()).contains("'web'");
	}

	@Test
	void redirectUriOf256CharactersIsAcceptedAnd257Refused() {
		String prefix = "https://app.example/";
		assertThat(patch("web", List.of(prefix + "a".repeat(256 - prefix.length())), "AzureADMyOrg").status())
			.isEqualTo(204);
		assertThat(patch("web", List.of(prefix + "a".repeat(257 - prefix.length())), "AzureADMyOrg").status())
			.isEqualTo(400);
	}

	@Test
	void workOrSchoolAppsMayHave256RedirectUrisButNotMore() {
		assertThat(patch("web", uris(256), "AzureADMyOrg").status()).isEqualTo(204);
		assertThat(patch("web", uris(257), "AzureADMyOrg").status()).isEqualTo(400);
	}

	@Test
	void appsWithPersonalAccountsMayHave100RedirectUrisButNotMore() {
		assertThat(patch("web", uris(100), "AzureADandPersonalMicrosoftAccount").status()).isEqualTo(204);
		assertThat(patch("web", uris(101), "AzureADandPersonalMicrosoftAccount").status()).isEqualTo(400);
	}

	private SandboxHttp.Response patch(String platform, List<String> uris, String audience) {
		JsonNode app = this.graph.createApplication(Map.of("displayName", "redirects", "signInAudience", audience));
		return this.graph.http().patch("/v1.0/applications/" + app.path("id").asText(), this.graph.token(),
				Map.of(platform, Map.of("redirectUris", uris)));
	}

	private static List<String> uris(int count) {
		List<String> uris = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			uris.add("https://app.example/callback/" + i);
		}
		return uris;
	}

}
