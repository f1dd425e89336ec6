package io.dicomreg.sandbox;

import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.DeviceCodeFlowParameters;

/**
 * Tokens for Azure Resource Manager from a {@link Sandbox}, obtained through the real MSAL4J as dicomreg obtains
 * them: the administrator through the Graph command line tools, applications with client credentials.
 */
public final class ArmTokens {

	/** The scope dicomreg asks for ARM tokens with. */
	public static final Set<String> ARM_DEFAULT = Set.of(SandboxDirectory.ARM_RESOURCE + "/.default");

	private ArmTokens() {
	}

	/**
	 * Signs the administrator in with a device code, approved as the sandbox's owner, for ARM.
	 * @param server the server
	 * @return the access token
	 */
	public static String admin(Sandbox server) {
		try {
			return MsalWireCompatibilityTests.publicClient(server, new MsalWireCompatibilityTests.SharedCache())
				.acquireToken(DeviceCodeFlowParameters
					.builder(ARM_DEFAULT, (code) -> server.approveDeviceCode(code.userCode()))
					.build())
				.get(30, TimeUnit.SECONDS)
				.accessToken();
		}
		catch (Exception ex) {
			throw new IllegalStateException("MSAL device code sign-in for ARM failed: " + ex, ex);
		}
	}

	/**
	 * Signs an application in with a client secret, for ARM.
	 * @param server the server
	 * @param appId the application
	 * @param secret its secret
	 * @return the access token
	 */
	public static String application(Sandbox server, String appId, String secret) {
		try {
			return MsalWireCompatibilityTests
				.confidentialClient(server, appId, ClientCredentialFactory.createFromSecret(secret))
				.acquireToken(ClientCredentialParameters.builder(ARM_DEFAULT).build())
				.get(30, TimeUnit.SECONDS)
				.accessToken();
		}
		catch (Exception ex) {
			throw new IllegalStateException("MSAL client credentials for ARM failed: " + ex, ex);
		}
	}

}
