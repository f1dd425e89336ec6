package io.dicomreg.auth;

/**
 * A request to sign a user in.
 *
 * @param tenant the tenant ID or domain, or {@code null} for the target's default
 * @param clientId the public client application to sign in with, or {@code null} for dicomreg's
 * default
 */
public record UserLogin(String tenant, String clientId) {

	/**
	 * Checks the tenant's and the client ID's forms.
	 * @throws io.dicomreg.error.DicomregException (usage) naming the one of another form
	 */
	public UserLogin {
		SignInNames.tenant(tenant);
		SignInNames.clientId(clientId);
	}

}
