package io.dicomreg.sandbox.identity;

import io.dicomreg.sandbox.SandboxDirectory;
import io.dicomreg.sandbox.directory.DirectoryUser;
import io.dicomreg.sandbox.directory.Tenant;

/**
 * Which user an interactive sign-in signs in: the one named on the page (or by the client's {@code login_hint}),
 * the administrator when nobody is named.
 */
final class SignInUsers {

	private SignInUsers() {
	}

	/**
	 * Finds the user a sign-in names.
	 * @param tenant the tenant
	 * @param userPrincipalName the name entered, may be null or blank for the administrator
	 * @return the user
	 * @throws IdentityError AADSTS50034 when the tenant has no such user
	 */
	static DirectoryUser named(Tenant tenant, String userPrincipalName) {
		if (userPrincipalName == null || userPrincipalName.isBlank()) {
			return tenant.administrator();
		}
		return tenant.userByPrincipalName(userPrincipalName.strip())
			.orElseThrow(() -> IdentityError.badRequest("invalid_request", 50034, "The user account {EmailHidden} does "
					+ "not exist in the '" + SandboxDirectory.TENANT_DISPLAY_NAME + "' directory. To sign into this "
					+ "application, the account must be added to the directory."));
	}

	/**
	 * The name a sign-in page offers: the one given, else the administrator's.
	 * @param userPrincipalName the name given, may be null
	 * @return the name to fill in
	 */
	static String offered(String userPrincipalName) {
		return (userPrincipalName == null || userPrincipalName.isBlank()) ? SandboxDirectory.ADMIN_USER_PRINCIPAL_NAME
				: userPrincipalName;
	}

}
