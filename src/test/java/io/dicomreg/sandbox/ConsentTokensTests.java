package io.dicomreg.sandbox;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.aad.msal4j.DeviceCodeFlowParameters;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.InteractiveRequestParameters;
import com.microsoft.aad.msal4j.MsalInteractionRequiredException;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.aad.msal4j.SilentParameters;
import com.microsoft.aad.msal4j.SystemBrowserOptions;
import com.nimbusds.jwt.JWTClaimsSet;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Delegated tokens of the tenant's own applications hold what was consented, through the real MSAL4J: nothing before
 * an administrator grants it (AADSTS65001), every consented scope of the resource after, what a PATCH adds, nothing
 * once revoked; a Principal grant for one user; first-party clients signing a member in.
 */
@ExtendWith(SandboxExtension.class)
class ConsentTokensTests {

	private static final String DICOM_SCOPE = SandboxDirectory.DICOM_RESOURCE + "/" + SandboxDirectory.DICOM_SCOPE;

	private static final String DICOM_DEFAULT = SandboxDirectory.DICOM_RESOURCE + "/.default";

	@Test
	void tenantApplicationGetsAadsts65001UntilAnAdministratorConsents(Sandbox server) throws Exception {
		GraphFixture graph = new GraphFixture(server);
		String appId = publicClientApplication(graph, "dicom viewer");

		assertConsentRequired(() -> signIn(server, appId, DICOM_SCOPE, server.adminUserPrincipalName()), appId,
				"dicom viewer");
		graph.grantDelegatedConsent(appId, SandboxDirectory.DICOM_APP_ID, SandboxDirectory.DICOM_SCOPE);
		IAuthenticationResult result = signIn(server, appId, DICOM_SCOPE, server.adminUserPrincipalName());

		JWTClaimsSet claims = MsalWireCompatibilityTests.claims(result.accessToken());
		assertThat(claims.getAudience()).containsExactly(SandboxDirectory.DICOM_RESOURCE);
		assertThat(claims.getStringClaim("scp")).isEqualTo(SandboxDirectory.DICOM_SCOPE);
		assertThat(claims.getStringClaim("appid")).isEqualTo(appId);
		assertThat(result.scopes()).contains(DICOM_SCOPE);
	}

	@Test
	void consentRequiredIsAnsweredAsEntraDoes(Sandbox server) {
		GraphFixture graph = new GraphFixture(server);
		String appId = publicClientApplication(graph, "unconsented");
		JsonNode code = new SandboxHttp(server).postForm(server.authorityHost() + "/" + server.tenantId()
				+ "/oauth2/v2.0/devicecode", Map.of("client_id", appId, "scope", "openid " + DICOM_SCOPE)).json();
		server.approveDeviceCode(code.path("user_code").asText());

		SandboxHttp.Response response = new SandboxHttp(server).postForm(IdentityProtocolTests.tokenEndpoint(server),
				Map.of("grant_type", "device_code", "client_id", appId, "device_code",
						code.path("device_code").asText()));

		JsonNode body = IdentityProtocolTests.assertIdentityError(response, 400, "invalid_grant", 65001);
		assertThat(body.path("suberror").asText()).isEqualTo("consent_required");
		assertThat(body.path("error_description").asText()).startsWith("AADSTS65001: The user or administrator has "
				+ "not consented to use the application with ID '" + appId + "' named 'unconsented'. Send an "
				+ "interactive authorization request for this user and resource.\r\nTrace ID: ");
	}

	@Test
	void scopeAddedToTheGrantIsInTheNextTokenAndRevokingTheGrantEndsRefresh(Sandbox server) throws Exception {
		GraphFixture graph = new GraphFixture(server);
		String appId = publicClientApplication(graph, "widening client");
		String grantId = graph.grantDelegatedConsent(appId, SandboxDirectory.GRAPH_APP_ID, "User.Read");
		MsalWireCompatibilityTests.SharedCache cache = new MsalWireCompatibilityTests.SharedCache();
		PublicClientApplication client = publicClient(server, appId, cache);
		Set<String> userRead = Set.of("https://graph.microsoft.com/User.Read");
		IAuthenticationResult first = client.acquireToken(DeviceCodeFlowParameters.builder(userRead,
				(code) -> server.approveDeviceCode(code.userCode())).build()).get(30, TimeUnit.SECONDS);

		assertThat(graph.http().patch("/v1.0/oauth2PermissionGrants/" + grantId, graph.token(),
				Map.of("scope", "User.Read Application.Read.All")).status()).isEqualTo(204);
		IAuthenticationResult widened = refresh(server, client, userRead, first);
		assertThat(graph.http().delete("/v1.0/oauth2PermissionGrants/" + grantId, graph.token()).status())
			.isEqualTo(204);

		assertThat(scp(first)).isEqualTo("User.Read openid profile");
		assertThat(scp(widened)).isEqualTo("User.Read Application.Read.All openid profile");
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> refresh(server, client, userRead, first))
			.havingCause()
			.isInstanceOfSatisfying(MsalInteractionRequiredException.class, (ex) -> {
				assertThat(ex.errorCode()).isEqualTo("invalid_grant");
				assertThat(ex.getMessage()).startsWith("AADSTS65001: ");
			});
	}

	@Test
	void dotDefaultIsWhatWasConsentedNotWhatTheApplicationIsConfiguredFor(Sandbox server) throws Exception {
		GraphFixture graph = new GraphFixture(server);
		String appId = publicClientApplication(graph, "configured but not consented");

		assertConsentRequired(() -> signIn(server, appId, DICOM_DEFAULT, server.adminUserPrincipalName()), appId,
				"configured but not consented");
		graph.grantAdminConsent(appId);
		IAuthenticationResult dicom = signIn(server, appId, DICOM_DEFAULT, server.adminUserPrincipalName());
		IAuthenticationResult graphDefault = signIn(server, appId, "https://graph.microsoft.com/.default",
				server.adminUserPrincipalName());

		assertThat(scp(dicom)).isEqualTo(SandboxDirectory.DICOM_SCOPE);
		assertThat(scp(graphDefault)).isEqualTo("User.Read openid profile");
	}

	@Test
	void principalGrantConsentsForItsUserOnly(Sandbox server) throws Exception {
		GraphFixture graph = new GraphFixture(server);
		String appId = publicClientApplication(graph, "personal consent");
		String clientId = servicePrincipalId(server, appId);
		String memberId = memberObjectId(server);
		SandboxHttp.Response grant = graph.http().post("/v1.0/oauth2PermissionGrants", graph.token(),
				Map.of("clientId", clientId, "consentType", "Principal", "principalId", memberId, "resourceId",
						servicePrincipalId(server, SandboxDirectory.DICOM_APP_ID), "scope", SandboxDirectory.DICOM_SCOPE));
		assertThat(grant.status()).as(grant.text()).isEqualTo(201);

		IAuthenticationResult member = signIn(server, appId, DICOM_SCOPE, server.memberUserPrincipalName());

		JWTClaimsSet claims = MsalWireCompatibilityTests.claims(member.accessToken());
		assertThat(claims.getStringClaim("scp")).isEqualTo(SandboxDirectory.DICOM_SCOPE);
		assertThat(claims.getStringClaim("upn")).isEqualTo(server.memberUserPrincipalName());
		assertThat(claims.getStringClaim("oid")).isEqualTo(memberId);
		assertThat(member.account().username()).isEqualTo(server.memberUserPrincipalName());
		assertConsentRequired(() -> signIn(server, appId, DICOM_SCOPE, server.adminUserPrincipalName()), appId,
				"personal consent");
	}

	@Test
	void openIdScopesNeedNoConsent(Sandbox server) throws Exception {
		GraphFixture graph = new GraphFixture(server);
		String appId = publicClientApplication(graph, "sign-in only");

		JsonNode tokens = SandboxTokens.deviceCode(server, appId, "");

		assertThat(tokens.path("id_token").asText()).isNotBlank();
		assertThat(tokens.path("scope").asText()).isEqualTo("openid profile");
		assertThat(MsalWireCompatibilityTests.claims(tokens.path("access_token").asText()).getStringClaim("scp"))
			.isEqualTo("openid profile");
	}

	@Test
	void applicationWithoutAServicePrincipalHasNoConsentYet(Sandbox server) {
		GraphFixture graph = new GraphFixture(server);
		String appId = graph.createApplication(Map.of("displayName", "never consented", "isFallbackPublicClient",
				true)).path("appId").asText();

		assertConsentRequired(() -> signIn(server, appId, "https://graph.microsoft.com/User.Read",
				server.adminUserPrincipalName()), appId, "never consented");
	}

	@Test
	void browserSignInWithALoginHintSignsThatUserIn(Sandbox server) throws Exception {
		SystemBrowserOptions browser = SystemBrowserOptions.builder()
			.openBrowserAction((url) -> server.playBrowser(URI.create(url.toString())))
			.build();
		IAuthenticationResult result = publicClient(server, SandboxDirectory.GRAPH_CLI_APP_ID,
				new MsalWireCompatibilityTests.SharedCache())
			.acquireToken(InteractiveRequestParameters.builder(new URI("http://localhost"))
				.scopes(Set.of("https://graph.microsoft.com/User.Read"))
				.loginHint(server.memberUserPrincipalName())
				.systemBrowserOptions(browser)
				.build())
			.get(30, TimeUnit.SECONDS);

		assertThat(result.account().username()).isEqualTo(server.memberUserPrincipalName());
		JsonNode me = new SandboxHttp(server).get("/v1.0/me", result.accessToken()).json();
		assertThat(me.path("userPrincipalName").asText()).isEqualTo(server.memberUserPrincipalName());
		assertThat(me.path("displayName").asText()).isEqualTo("Sandbox User");
	}

	@Test
	void onlyTheAdministratorsTokensCarryTheGlobalAdministratorRole(Sandbox server) throws Exception {
		String admin = SandboxTokens.delegated(server, "User.Read");
		String member = SandboxTokens.delegatedAs(server, server.memberUserPrincipalName(), "User.Read");

		assertThat(MsalWireCompatibilityTests.claims(admin).getStringListClaim("wids")).containsExactly(
				SandboxDirectory.GLOBAL_ADMINISTRATOR_ROLE_TEMPLATE_ID, SandboxDirectory.USER_ROLE_TEMPLATE_ID);
		assertThat(MsalWireCompatibilityTests.claims(member).getStringListClaim("wids"))
			.containsExactly(SandboxDirectory.USER_ROLE_TEMPLATE_ID);
	}

	@Test
	void memberSigningInToGraphCommandLineToolsConsentsOnlyToWhatUsersMayConsentTo() throws Exception {
		try (Sandbox server = Sandbox.start(null)) {
			String member = server.memberUserPrincipalName();
			String adminScope = "https://graph.microsoft.com/Application.ReadWrite.All";

			String userRead = SandboxTokens.delegatedAs(server, member, "https://graph.microsoft.com/User.Read");
			assertConsentRequired(() -> signIn(server, SandboxDirectory.GRAPH_CLI_APP_ID, adminScope, member),
					SandboxDirectory.GRAPH_CLI_APP_ID, SandboxDirectory.GRAPH_CLI_DISPLAY_NAME);
			new GraphFixture(server).grantDelegatedConsent(SandboxDirectory.GRAPH_CLI_APP_ID,
					SandboxDirectory.GRAPH_APP_ID, "Application.ReadWrite.All");
			IAuthenticationResult consented = signIn(server, SandboxDirectory.GRAPH_CLI_APP_ID, adminScope, member);

			assertThat(MsalWireCompatibilityTests.claims(userRead).getStringClaim("scp"))
				.isEqualTo("User.Read openid profile");
			assertThat(scp(consented)).isEqualTo("Application.ReadWrite.All openid profile");
		}
	}

	/**
	 * A public client application requesting Dicom.ReadWrite and Graph's User.Read, with its service principal and no
	 * consent.
	 */
	private static String publicClientApplication(GraphFixture graph, String displayName) {
		String appId = graph.createApplication(Map.of("displayName", displayName, "isFallbackPublicClient", true,
				"requiredResourceAccess", List.of(
						Map.of("resourceAppId", SandboxDirectory.DICOM_APP_ID, "resourceAccess",
								List.of(Map.of("id", SandboxDirectory.DICOM_SCOPE_ID, "type", "Scope"))),
						Map.of("resourceAppId", SandboxDirectory.GRAPH_APP_ID, "resourceAccess",
								List.of(Map.of("id", SandboxDirectory.graphScope("User.Read").orElseThrow().id(),
										"type", "Scope"))))))
			.path("appId").asText();
		graph.createServicePrincipal(appId);
		return appId;
	}

	/** A device code sign-in through MSAL, the owner approving it for the user named. */
	private static IAuthenticationResult signIn(Sandbox server, String appId, String scope, String userPrincipalName)
			throws Exception {
		PublicClientApplication client = publicClient(server, appId, new MsalWireCompatibilityTests.SharedCache());
		CompletableFuture<IAuthenticationResult> result = client.acquireToken(DeviceCodeFlowParameters
			.builder(Set.of(scope), (code) -> server.approveDeviceCode(code.userCode(), userPrincipalName))
			.build());
		return result.get(30, TimeUnit.SECONDS);
	}

	private static IAuthenticationResult refresh(Sandbox server, PublicClientApplication client, Set<String> scopes,
			IAuthenticationResult signedIn) throws Exception {
		return client.acquireTokenSilently(SilentParameters.builder(scopes, signedIn.account())
			.authorityUrl(server.authorityHost() + "/" + server.tenantId() + "/")
			.forceRefresh(true)
			.build()).get(30, TimeUnit.SECONDS);
	}

	static PublicClientApplication publicClient(Sandbox server, String appId,
			MsalWireCompatibilityTests.SharedCache cache) throws Exception {
		return PublicClientApplication.builder(appId)
			.authority(server.authorityHost() + "/" + server.tenantId() + "/")
			.instanceDiscovery(false)
			.sslSocketFactory(server.clientSslContext().getSocketFactory())
			.setTokenCacheAccessAspect(cache)
			.build();
	}

	static void assertConsentRequired(ThrowingCallable signIn, String appId, String displayName) {
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(signIn)
			.havingCause()
			.isInstanceOfSatisfying(MsalServiceException.class, (ex) -> {
				assertThat(ex.errorCode()).isEqualTo("invalid_grant");
				assertThat(ex.getMessage()).startsWith("AADSTS65001: The user or administrator has not consented to "
						+ "use the application with ID '" + appId + "' named '" + displayName + "'.");
			});
	}

	private static String scp(IAuthenticationResult result) throws Exception {
		return MsalWireCompatibilityTests.claims(result.accessToken()).getStringClaim("scp");
	}

	private static String servicePrincipalId(Sandbox server, String appId) {
		return SandboxInspector.of(server).tenant().servicePrincipalByAppId(appId).orElseThrow().path("id").asText();
	}

	private static String memberObjectId(Sandbox server) {
		return SandboxInspector.of(server).tenant().memberObjectId();
	}

}
