package io.dicomreg.auth;

import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.DeviceCodeFlowParameters;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;

import io.dicomreg.config.ConnectionTarget;

/**
 * Tokens asked for as a registered client would ask for them, not as dicomreg's own sign-in: the app with its
 * secret or certificate (client credentials), or a user of the app as a public client (device code), for an API
 * such as the DICOM service. Nothing is cached or remembered: each call asks Entra ID, so that what it answers is
 * what the client would get now.
 */
public class ClientTokens {

	private final ConnectionTarget target;

	private final ClientCredentials credentials;

	public ClientTokens(ConnectionTarget target, ClientCredentials credentials) {
		this.target = target;
		this.credentials = credentials;
	}

	/**
	 * The app's own token for {@code resource/.default}, with its secret or certificate.
	 * @throws io.dicomreg.error.DicomregException with Entra's AADSTS code when Entra refuses
	 */
	public IssuedToken asApplication(String clientId, String tenant, CredentialSource credential,
			Supplier<char[]> pfxPassword, String resource) {
		IClientCredential secretOrCertificate = this.credentials.read(credential, pfxPassword);
		var app = new MsalApplications(this.target.endpoints()).confidentialClient(clientId, secretOrCertificate, tenant,
				new MemoryTokenCache());
		ClientCredentialParameters parameters = ClientCredentialParameters.builder(Set.of(resource + "/.default"))
			.skipCache(true)
			.build();
		return issued(await(app.acquireToken(parameters)));
	}

	/**
	 * A user's token for {@code resource/scope} through the app as a public client, with a device code whose
	 * instructions go to {@code messages} (the sandbox's owner approves it at once).
	 * @throws io.dicomreg.error.DicomregException with Entra's AADSTS code when Entra refuses (AADSTS65001: no consent)
	 */
	public IssuedToken asUser(String clientId, String tenant, String resource, String scope, Consumer<String> messages) {
		var app = new MsalApplications(this.target.endpoints()).publicClient(clientId, tenant, new MemoryTokenCache());
		DeviceCodeFlowParameters parameters = DeviceCodeFlowParameters.builder(Set.of(resource + "/" + scope), code -> {
			messages.accept(code.message());
			if (this.target.endpoints().isSandbox()) {
				this.target.approveDeviceCode(code.userCode());
			}
		}).build();
		return issued(await(app.acquireToken(parameters)));
	}

	/** The token of a result that came from the sign-in service (these apps skip or have no cache), counted. */
	private IssuedToken issued(IAuthenticationResult result) {
		this.target.requests().token();
		String token = result.accessToken();
		String appId = Jwts.claim(token, "appid").or(() -> Jwts.claim(token, "azp")).orElse(null);
		return new IssuedToken(token, Jwts.claim(token, "aud").orElse(null), appId, Jwts.claim(token, "oid").orElse(null),
				Jwts.words(token, "scp"), Jwts.words(token, "roles"),
				(result.expiresOnDate() != null) ? result.expiresOnDate().toInstant() : Instant.EPOCH);
	}

	private static IAuthenticationResult await(java.util.concurrent.CompletableFuture<IAuthenticationResult> future) {
		try {
			return future.join();
		}
		catch (RuntimeException ex) {
			throw MsalFailures.translate(ex, "Getting a token");
		}
	}

}
