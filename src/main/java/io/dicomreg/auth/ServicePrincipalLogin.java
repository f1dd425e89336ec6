package io.dicomreg.auth;

/**
 * A request to sign an application (service principal) in with its own credential.
 *
 * @param tenant the tenant ID or domain; required, as an application has no home to guess
 * @param clientId the application (client) ID
 * @param credential where the secret or certificate is read from
 */
public record ServicePrincipalLogin(String tenant, String clientId, CredentialSource credential) {

	/**
	 * Checks the tenant's and the client ID's forms.
	 * @throws io.dicomreg.error.DicomregException (usage) naming the one of another form
	 */
	public ServicePrincipalLogin {
		SignInNames.tenant(tenant);
		SignInNames.clientId(clientId);
	}

}
