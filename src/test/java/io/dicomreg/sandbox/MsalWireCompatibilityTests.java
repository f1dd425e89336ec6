package io.dicomreg.sandbox;

import java.net.URI;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.DeviceCode;
import com.microsoft.aad.msal4j.DeviceCodeFlowParameters;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.ITokenCacheAccessContext;
import com.microsoft.aad.msal4j.InteractiveRequestParameters;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.aad.msal4j.SilentParameters;
import com.microsoft.aad.msal4j.SystemBrowserOptions;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Proves the real MSAL4J works against the sandbox sign-in endpoints, in every flow dicomreg uses.
 */
@ExtendWith(SandboxExtension.class)
class MsalWireCompatibilityTests {

	private static final Set<String> SCOPES = Set.of("https://graph.microsoft.com/Application.ReadWrite.All");

	private static final Set<String> GRAPH_DEFAULT = Set.of("https://graph.microsoft.com/.default");

	@Test
	void deviceCodeSignInRecordsAnAccountForTheAdministrator(Sandbox server) throws Exception {
		AtomicReference<DeviceCode> deviceCode = new AtomicReference<>();
		IAuthenticationResult result = publicClient(server, new SharedCache())
			.acquireToken(DeviceCodeFlowParameters.builder(SCOPES, (code) -> {
				deviceCode.set(code);
				server.approveDeviceCode(code.userCode());
			}).build())
			.get(30, TimeUnit.SECONDS);
		assertThat(deviceCode.get().message()).startsWith("To sign in, use a web browser to open the page "
				+ server.authorityHost() + "/devicelogin and enter the code " + deviceCode.get().userCode());
		assertThat(result.account().username()).isEqualTo(server.adminUserPrincipalName());
		assertThat(result.account().homeAccountId()).endsWith("." + server.tenantId());
		assertThat(claims(result.accessToken()).getStringClaim("scp")).contains("Application.ReadWrite.All");
	}

	@Test
	void silentSignInThroughASecondServerOnTheSameStateFileRedeemsTheRefreshToken(@TempDir Path directory)
			throws Exception {
		Path stateFile = directory.resolve("tenant.json");
		SharedCache cache = new SharedCache();
		try (Sandbox first = Sandbox.start(stateFile)) {
			publicClient(first, cache).acquireToken(DeviceCodeFlowParameters.builder(SCOPES,
					(code) -> first.approveDeviceCode(code.userCode())).build()).get(30, TimeUnit.SECONDS);
			try (Sandbox second = Sandbox.start(stateFile)) {
				PublicClientApplication application = publicClient(second, cache);
				IAccount account = application.getAccounts().get().iterator().next();
				IAuthenticationResult result = application
					.acquireTokenSilently(SilentParameters.builder(SCOPES, account)
						.authorityUrl(second.authorityHost() + "/" + second.tenantId() + "/")
						.forceRefresh(true)
						.build())
					.get(30, TimeUnit.SECONDS);
				assertThat(second.authorityHost().getPort()).isNotEqualTo(first.authorityHost().getPort());
				assertThat(result.account().username()).isEqualTo(second.adminUserPrincipalName());
				assertThat(SandboxInspector.of(second).requests()).anyMatch((request) -> request.path().endsWith("/oauth2/v2.0/token")
						&& request.status() == 200);
			}
		}
	}

	@Test
	void browserSignInWithPkceCompletesWhenTheSandboxPlaysTheBrowser(Sandbox server) throws Exception {
		SystemBrowserOptions browserOptions = SystemBrowserOptions.builder()
			.openBrowserAction((url) -> server.playBrowser(URI.create(url.toString())))
			.build();
		IAuthenticationResult result = publicClient(server, new SharedCache())
			.acquireToken(InteractiveRequestParameters.builder(new URI("http://localhost"))
				.scopes(SCOPES)
				.systemBrowserOptions(browserOptions)
				.build())
			.get(30, TimeUnit.SECONDS);
		assertThat(result.account().username()).isEqualTo(server.adminUserPrincipalName());
		assertThat(SandboxInspector.of(server).requests()).anyMatch((request) -> request.path().contains("/oauth2/v2.0/authorize?")
				&& request.path().contains("code_challenge_method=S256"));
	}

	@Test
	void clientSecretFromAddPasswordSignsTheApplicationInWithItsAppRoles(Sandbox server) throws Exception {
		GraphFixture graph = new GraphFixture(server);
		JsonNode application = graph.createDaemonApplication("daemon with secret");
		graph.grantAdminConsent(application.path("appId").asText());
		String secret = graph.addPassword(application.path("id").asText()).path("secretText").asText();
		IAuthenticationResult result = confidentialClient(server, application.path("appId").asText(),
				ClientCredentialFactory.createFromSecret(secret))
			.acquireToken(ClientCredentialParameters.builder(GRAPH_DEFAULT).build())
			.get(30, TimeUnit.SECONDS);
		assertThat(claims(result.accessToken()).getStringListClaim("roles")).containsExactly("Application.Read.All");
	}

	@Test
	void wrongClientSecretIsRefusedAsInvalidClient(Sandbox server) throws Exception {
		GraphFixture graph = new GraphFixture(server);
		JsonNode application = graph.createDaemonApplication("daemon with wrong secret");
		graph.addPassword(application.path("id").asText());
		ConfidentialClientApplication client = confidentialClient(server, application.path("appId").asText(),
				ClientCredentialFactory.createFromSecret("not-the-secret"));
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> client.acquireToken(ClientCredentialParameters.builder(GRAPH_DEFAULT).build())
				.get(30, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOfSatisfying(MsalServiceException.class, (ex) -> {
				assertThat(ex.errorCode()).isEqualTo("invalid_client");
				assertThat(ex.getMessage()).contains("AADSTS7000215");
			});
	}

	@Test
	void certificateUploadedToKeyCredentialsSignsTheApplicationIn(Sandbox server) throws Exception {
		GraphFixture graph = new GraphFixture(server);
		JsonNode application = graph.createDaemonApplication("daemon with certificate");
		TestCertificates.Credential certificate = TestCertificates.create("CN=dicomreg-daemon");
		graph.uploadCertificate(application.path("id").asText(), certificate);
		IAuthenticationResult result = confidentialClient(server, application.path("appId").asText(),
				ClientCredentialFactory.createFromCertificate(certificate.keyPair().getPrivate(),
						certificate.certificate()))
			.acquireToken(ClientCredentialParameters.builder(GRAPH_DEFAULT).build())
			.get(30, TimeUnit.SECONDS);
		assertThat(claims(result.accessToken()).getStringClaim("appidacr")).isEqualTo("2");
	}

	static PublicClientApplication publicClient(Sandbox server, SharedCache cache) throws Exception {
		return PublicClientApplication.builder(SandboxDirectory.GRAPH_CLI_APP_ID)
			.authority(server.authorityHost() + "/" + server.tenantId() + "/")
			.instanceDiscovery(false)
			.sslSocketFactory(server.clientSslContext().getSocketFactory())
			.setTokenCacheAccessAspect(cache)
			.build();
	}

	static ConfidentialClientApplication confidentialClient(Sandbox server, String appId,
			IClientCredential credential) throws Exception {
		return ConfidentialClientApplication.builder(appId, credential)
			.authority(server.authorityHost() + "/" + server.tenantId() + "/")
			.instanceDiscovery(false)
			.sslSocketFactory(server.clientSslContext().getSocketFactory())
			.build();
	}

	static com.nimbusds.jwt.JWTClaimsSet claims(String jwt) throws Exception {
		return SignedJWT.parse(jwt).getJWTClaimsSet();
	}

	/**
	 * A serialized token cache shared by several applications, as the shell's cache file is shared by runs.
	 */
	static final class SharedCache implements ITokenCacheAccessAspect {

		private String data;

		@Override
		public synchronized void beforeCacheAccess(ITokenCacheAccessContext context) {
			if (this.data != null) {
				context.tokenCache().deserialize(this.data);
			}
		}

		@Override
		public synchronized void afterCacheAccess(ITokenCacheAccessContext context) {
			if (context.hasCacheChanged()) {
				this.data = context.tokenCache().serialize();
			}
		}

	}

}
