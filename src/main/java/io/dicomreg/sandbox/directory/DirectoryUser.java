package io.dicomreg.sandbox.directory;

import java.util.List;

import io.dicomreg.sandbox.SandboxDirectory;

/**
 * A user of the sandbox tenant as sign-in and Graph see it: the administrator or a member without a directory role.
 *
 * @param objectId the user's object id ({@code oid})
 * @param userPrincipalName the sign-in name
 * @param displayName the display name
 * @param givenName the given name
 * @param surname the surname
 * @param administrator whether the user holds the Global Administrator role, and so may consent for the tenant
 */
public record DirectoryUser(String objectId, String userPrincipalName, String displayName, String givenName,
		String surname, boolean administrator) {

	/**
	 * The administrator, as the tenant keeps it.
	 * @param admin the administrator
	 * @return the same user
	 */
	public static DirectoryUser of(AdminUser admin) {
		return new DirectoryUser(admin.objectId(), admin.userPrincipalName(), admin.displayName(), admin.givenName(),
				admin.surname(), true);
	}

	/**
	 * The directory role template ids Entra puts in the {@code wids} claim of the user's access tokens: every member
	 * has the User role, the administrator also Global Administrator.
	 * @return the role template ids
	 */
	public List<String> wids() {
		return this.administrator
				? List.of(SandboxDirectory.GLOBAL_ADMINISTRATOR_ROLE_TEMPLATE_ID, SandboxDirectory.USER_ROLE_TEMPLATE_ID)
				: List.of(SandboxDirectory.USER_ROLE_TEMPLATE_ID);
	}

}
