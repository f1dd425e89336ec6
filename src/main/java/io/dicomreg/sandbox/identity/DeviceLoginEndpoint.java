package io.dicomreg.sandbox.identity;

import java.util.Map;

import io.dicomreg.sandbox.SandboxDirectory;
import io.dicomreg.sandbox.http.SandboxRequest;
import io.dicomreg.sandbox.http.SandboxResponse;

/**
 * {@code /devicelogin}: where the owner approves a device code. {@code GET} shows a form; {@code POST} with
 * {@code user_code} and {@code owner_secret} approves the code for the administrator, so that the client's next poll
 * gets its tokens. Without the owner secret nothing is approved, and the page does not say whether the code exists.
 */
final class DeviceLoginEndpoint {

	private final IdentityContext context;

	DeviceLoginEndpoint(IdentityContext context) {
		this.context = context;
	}

	SandboxResponse handle(SandboxRequest request) {
		String action = this.context.authorityHost() + "/devicelogin";
		if (!"POST".equals(request.method())) {
			return SandboxResponse.html(200, Html.deviceLogin(action, request.query().get("user_code"), null));
		}
		Map<String, String> form = request.form();
		String userCode = form.getOrDefault("user_code", "");
		if (!OwnerSecret.matches(this.context.store(), form.get(OwnerSecret.FIELD))) {
			return SandboxResponse.html(401, Html.deviceLogin(action, userCode,
					"That is not the owner secret of this sandbox. Nothing was approved."));
		}
		if (!this.context.pending().approve(userCode, this.context.clock().instant())) {
			return SandboxResponse.html(400, Html.deviceLogin(action, userCode, "No device code " + userCode
					+ " is waiting for approval here: it may have expired or been used already."));
		}
		return SandboxResponse.html(200, Html.deviceLoginApproved(SandboxDirectory.ADMIN_USER_PRINCIPAL_NAME));
	}

}
