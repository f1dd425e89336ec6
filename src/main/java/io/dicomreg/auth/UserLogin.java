package io.dicomreg.auth;

import java.util.List;

/**
 * A request to sign a user in.
 *
 * @param tenant the tenant ID or domain, or {@code null} for the target's default
 * @param clientId the public client application to sign in with, or {@code null} for dicomreg's
 * default
 * @param permissions delegated permissions to consent to at sign-in besides dicomreg's own: Graph permission names
 * (DelegatedPermissionGrant.ReadWrite.All) or whole scopes of other APIs (https://management.azure.com/user_impersonation)
 */
public record UserLogin(String tenant, String clientId, List<String> permissions) {

	/** A sign-in asking for dicomreg's own permissions only. */
	public UserLogin(String tenant, String clientId) {
		this(tenant, clientId, List.of());
	}

	/**
	 * Checks the tenant's and the client ID's forms.
	 * @throws io.dicomreg.error.DicomregException (usage) naming the one of another form
	 */
	public UserLogin {
		SignInNames.tenant(tenant);
		SignInNames.clientId(clientId);
		permissions = (permissions != null) ? List.copyOf(permissions) : List.of();
		permissions.forEach(SignInNames::permission);
	}

}
