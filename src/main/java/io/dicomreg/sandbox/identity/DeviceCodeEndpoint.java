package io.dicomreg.sandbox.identity;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.crypto.Secrets;
import io.dicomreg.sandbox.directory.Json;
import io.dicomreg.sandbox.http.SandboxRequest;
import io.dicomreg.sandbox.http.SandboxResponse;

/**
 * {@code POST /{tenant}/oauth2/v2.0/devicecode}: starts a device code sign-in.
 */
final class DeviceCodeEndpoint {

	/** Entra says 900 seconds. */
	static final long EXPIRES_IN_SECONDS = 900;

	/**
	 * Entra says 5 seconds. A poll is answered {@code authorization_pending} until the owner approves
	 * the code; dicomreg approves its own before MSAL's first poll, so it never waits, and a client
	 * waiting for a person polls once a second rather than in a tight loop.
	 */
	static final long INTERVAL_SECONDS = 1;

	private static final String USER_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final IdentityContext context;

	DeviceCodeEndpoint(IdentityContext context) {
		this.context = context;
	}

	SandboxResponse handle(SandboxRequest request) {
		Map<String, String> form = TokenEndpoint.postedForm(request);
		String clientId = TokenEndpoint.required(form, "client_id");
		String scope = TokenEndpoint.required(form, "scope");
		this.context.store().read((tenant) -> {
			ClientApp.resolve(tenant, clientId);
			ScopeResolver.checkDelegated(tenant, scope);
			return null;
		});
		PendingCodes.DeviceCode deviceCode = new PendingCodes.DeviceCode("DAQABAAEAAA" + Secrets.newToken(96),
				Secrets.randomText(USER_CODE_ALPHABET, 9), clientId, scope,
				this.context.clock().instant().plus(Duration.ofSeconds(EXPIRES_IN_SECONDS)));
		this.context.pending().add(deviceCode);
		return IdentityResponses.ok(request, body(deviceCode));
	}

	private ObjectNode body(PendingCodes.DeviceCode deviceCode) {
		String verificationUri = this.context.authorityHost() + "/devicelogin";
		ObjectNode body = Json.object();
		body.put("user_code", deviceCode.userCode());
		body.put("device_code", deviceCode.deviceCode());
		body.put("verification_uri", verificationUri);
		body.put("expires_in", EXPIRES_IN_SECONDS);
		body.put("interval", INTERVAL_SECONDS);
		body.put("message", "To sign in, use a web browser to open the page " + verificationUri + " and enter the code "
				+ deviceCode.userCode() + " to authenticate.");
		return body;
	}

}
