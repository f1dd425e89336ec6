package io.dicomreg.sandbox.identity;

import java.util.Map;

import io.dicomreg.sandbox.directory.DirectoryUser;
import io.dicomreg.sandbox.http.SandboxRequest;
import io.dicomreg.sandbox.http.SandboxResponse;

/**
 * {@code /devicelogin}: where the owner approves a device code. {@code GET} shows a form; {@code POST} with
 * {@code user_code}, {@code owner_secret} and optionally {@code username} approves the code for that user of the
 * tenant (the administrator when none is named), so that the client's next poll gets its tokens. Without the owner
 * secret nothing is approved, and the page does not say whether the code or the user exists.
 */
final class DeviceLoginEndpoint {

	private final IdentityContext context;

	DeviceLoginEndpoint(IdentityContext context) {
		this.context = context;
	}

	SandboxResponse handle(SandboxRequest request) {
		String action = this.context.authorityHost() + "/devicelogin";
		if (!"POST".equals(request.method())) {
			return SandboxResponse.html(200, Html.deviceLogin(action, request.query().get("user_code"),
					SignInUsers.offered(request.query().get(Html.USERNAME)), null));
		}
		Map<String, String> form = request.form();
		String userCode = form.getOrDefault("user_code", "");
		String username = SignInUsers.offered(form.get(Html.USERNAME));
		if (!OwnerSecret.matches(this.context.store(), form.get(OwnerSecret.FIELD))) {
			return SandboxResponse.html(401, Html.deviceLogin(action, userCode, username,
					"That is not the owner secret of this sandbox. Nothing was approved."));
		}
		DirectoryUser user;
		try {
			user = this.context.store().read((tenant) -> SignInUsers.named(tenant, form.get(Html.USERNAME)));
		}
		catch (IdentityError error) {
			return SandboxResponse.html(400, Html.deviceLogin(action, userCode, username, error.aadstsMessage()
					.replace("{EmailHidden}", username) + " Nothing was approved."));
		}
		if (!this.context.pending().approve(userCode, user.objectId(), this.context.clock().instant())) {
			return SandboxResponse.html(400, Html.deviceLogin(action, userCode, username, "No device code " + userCode
					+ " is waiting for approval here: it may have expired or been used already."));
		}
		return SandboxResponse.html(200, Html.deviceLoginApproved(user.userPrincipalName()));
	}

}
