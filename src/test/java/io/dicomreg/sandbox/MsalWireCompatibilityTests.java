package io.dicomreg.sandbox;

import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import com.microsoft.aad.msal4j.DeviceCode;
import com.microsoft.aad.msal4j.DeviceCodeFlowParameters;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.PublicClientApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves the real MSAL4J works against the sandbox sign-in endpoints.
 */
@ExtendWith(SandboxExtension.class)
class MsalWireCompatibilityTests {

	private static final Set<String> SCOPES = Set.of("https://graph.microsoft.com/Application.ReadWrite.All");

	@Test
	void deviceCodeSignInRecordsAnAccountForTheAdministrator(SandboxServer server) throws Exception {
		AtomicReference<DeviceCode> deviceCode = new AtomicReference<>();
		IAuthenticationResult result = publicClient(server)
			.acquireToken(DeviceCodeFlowParameters.builder(SCOPES, deviceCode::set).build())
			.get();
		assertThat(deviceCode.get().message()).startsWith("To sign in, use a web browser to open the page ")
			.contains(deviceCode.get().userCode());
		assertThat(result.account().username()).isEqualTo(server.adminUserPrincipalName());
		assertThat(result.account().homeAccountId()).endsWith(server.tenantId());
		assertThat(result.accessToken()).isNotBlank();
		System.out.println(server.requests());
	}

	static PublicClientApplication publicClient(SandboxServer server) throws Exception {
		return PublicClientApplication.builder(SandboxDirectory.GRAPH_CLI_APP_ID)
			.authority(server.authorityHost() + "/" + server.tenantId() + "/")
			.instanceDiscovery(false)
			.sslSocketFactory(server.clientSslContext().getSocketFactory())
			.build();
	}

}
