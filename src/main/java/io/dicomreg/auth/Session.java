package io.dicomreg.auth;

/**
 * Who is signed in to a target, as remembered between runs. It never holds a secret or a token:
 * for a service principal it remembers only where the credential is read from.
 *
 * @param kind a user or a service principal
 * @param clientId the application (client) ID used to sign in
 * @param tenantId the directory (tenant) ID signed in to
 * @param tenantDomain the tenant's default domain if known, else {@code null}
 * @param username the user's sign-in name, or the service principal's client ID
 * @param homeAccountId MSAL's account id for a user, or {@code null}
 * @param credential where a service principal's credential is read from, or {@code null}
 */
public record Session(Kind kind, String clientId, String tenantId, String tenantDomain, String username,
		String homeAccountId, CredentialSource credential) {

	/** This session with the tenant's default domain. */
	public Session withTenantDomain(String domain) {
		return new Session(this.kind, this.clientId, this.tenantId, domain, this.username, this.homeAccountId,
				this.credential);
	}

	/** The tenant as people know it: its default domain, else its ID. */
	public String tenantLabel() {
		return (this.tenantDomain != null) ? this.tenantDomain : this.tenantId;
	}

	/** Whether a user or an application signed in. */
	public enum Kind {

		USER, SERVICE_PRINCIPAL

	}

}
