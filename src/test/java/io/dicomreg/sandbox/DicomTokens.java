package io.dicomreg.sandbox;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.DeviceCodeFlowParameters;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.dicomreg.sandbox.directory.SigningKey;
import io.dicomreg.sandbox.directory.Tenant;

/**
 * Tokens for the DICOM service ({@code https://dicom.healthcareapis.azure.com}) from a {@link Sandbox}, through the
 * real MSAL4J: an application with client credentials, a user through a public client with admin consent for
 * Dicom.ReadWrite.
 */
public final class DicomTokens {

	/** The scope of an application's DICOM token. */
	public static final Set<String> DICOM_DEFAULT = Set.of(SandboxDirectory.DICOM_RESOURCE + "/.default");

	/** The delegated scope of a user's DICOM token. */
	public static final Set<String> DICOM_READ_WRITE = Set
		.of(SandboxDirectory.DICOM_RESOURCE + "/" + SandboxDirectory.DICOM_SCOPE);

	private DicomTokens() {
	}

	/**
	 * Signs an application in with a client secret, for the DICOM service.
	 * @param server the server
	 * @param appId the application
	 * @param secret its secret
	 * @return the access token
	 */
	public static String application(Sandbox server, String appId, String secret) {
		return application(server, appId, secret, DICOM_DEFAULT);
	}

	/**
	 * Signs an application in with a client secret, for any resource.
	 * @param server the server
	 * @param appId the application
	 * @param secret its secret
	 * @param scopes e.g. {@code https://graph.microsoft.com/.default}
	 * @return the access token
	 */
	public static String application(Sandbox server, String appId, String secret, Set<String> scopes) {
		try {
			return MsalWireCompatibilityTests
				.confidentialClient(server, appId, ClientCredentialFactory.createFromSecret(secret))
				.acquireToken(ClientCredentialParameters.builder(scopes).build())
				.get(30, TimeUnit.SECONDS)
				.accessToken();
		}
		catch (Exception ex) {
			throw new IllegalStateException("MSAL client credentials for " + scopes + " failed: " + ex, ex);
		}
	}

	/**
	 * A token with any claims, signed with the tenant's own key, for the cases MSAL cannot produce (another issuer,
	 * a trailing slash in the audience, no expiry).
	 * @param server the server
	 * @param claims the claims
	 * @return the serialized token
	 */
	public static String signed(Sandbox server, JWTClaimsSet claims) {
		SigningKey key = server.store().read(Tenant::signingKey);
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
			.keyID(key.keyId())
			.build(), claims);
		try {
			jwt.sign(new RSASSASigner(key.privateKey()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	/**
	 * A public client application asking for Dicom.ReadWrite, with its service principal and admin consent, made
	 * through the sandbox's Graph.
	 * @param graph the Graph fixture
	 * @param displayName its display name
	 * @return its appId
	 */
	public static String consentedPublicClient(GraphFixture graph, String displayName) {
		String appId = graph.createApplication(Map.of("displayName", displayName, "isFallbackPublicClient", true,
				"requiredResourceAccess", List.of(Map.of("resourceAppId", SandboxDirectory.DICOM_APP_ID,
						"resourceAccess", List.of(Map.of("id", SandboxDirectory.DICOM_SCOPE_ID, "type", "Scope"))))))
			.path("appId").asText();
		graph.createServicePrincipal(appId);
		graph.grantAdminConsent(appId);
		return appId;
	}

	/**
	 * Signs a user in to a public client with a device code approved by the owner, for Dicom.ReadWrite.
	 * @param server the server
	 * @param appId the public client, consented
	 * @param userPrincipalName the user
	 * @return the access token
	 */
	public static String delegated(Sandbox server, String appId, String userPrincipalName) {
		try {
			return ConsentTokensTests.publicClient(server, appId, new MsalWireCompatibilityTests.SharedCache())
				.acquireToken(DeviceCodeFlowParameters
					.builder(DICOM_READ_WRITE, (code) -> server.approveDeviceCode(code.userCode(), userPrincipalName))
					.build())
				.get(30, TimeUnit.SECONDS)
				.accessToken();
		}
		catch (Exception ex) {
			throw new IllegalStateException("MSAL device code sign-in for DICOM failed: " + ex, ex);
		}
	}

}
