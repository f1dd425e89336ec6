package io.dicomreg.sandbox.graph;

import java.util.Set;

import io.dicomreg.sandbox.directory.DirectoryUser;

/**
 * The Graph permissions each kind of request needs (any one of a set suffices).
 */
final class Permissions {

	static final Set<String> NONE = Set.of();

	static final Set<String> READ_APPLICATIONS = Set.of("Application.Read.All", "Application.ReadWrite.All",
			"Directory.Read.All", "Directory.ReadWrite.All");

	static final Set<String> WRITE_APPLICATIONS = Set.of("Application.ReadWrite.All");

	static final Set<String> READ_GRANTS = Set.of("DelegatedPermissionGrant.ReadWrite.All", "Directory.Read.All",
			"Directory.ReadWrite.All");

	static final Set<String> WRITE_GRANTS = Set.of("DelegatedPermissionGrant.ReadWrite.All");

	/** Reading app role assignments: reading service principals, or managing assignments. */
	static final Set<String> READ_APP_ROLE_ASSIGNMENTS = Set.of("AppRoleAssignment.ReadWrite.All",
			"Application.Read.All", "Application.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All");

	/**
	 * Writing app role assignments: this, and also one of {@link #READ_APPLICATIONS} (Graph refuses
	 * AppRoleAssignment.ReadWrite.All alone, see {@link #requireConsentRight}).
	 */
	static final Set<String> WRITE_APP_ROLE_ASSIGNMENTS = Set.of("AppRoleAssignment.ReadWrite.All");

	static final Set<String> READ_ORGANIZATION = Set.of("User.Read", "Organization.Read.All", "Directory.Read.All",
			"Directory.ReadWrite.All");

	static final Set<String> READ_USERS = Set.of("User.ReadBasic.All", "User.Read.All", "User.ReadWrite.All",
			"Directory.Read.All", "Directory.ReadWrite.All");

	static final Set<String> READ_ME = Set.of("User.Read", "User.ReadWrite", "Directory.Read.All",
			"Directory.ReadWrite.All");

	private Permissions() {
	}

	static void require(Caller caller, Set<String> permissions) {
		if (!permissions.isEmpty() && !caller.hasAny(permissions)) {
			throw GraphError.forbidden();
		}
	}

	/**
	 * Checks that the caller may consent for the tenant: granting or revoking delegated permissions
	 * (oauth2PermissionGrants) or app role assignments. A signed-in user needs an administrator role, whatever the
	 * token's scopes say, as in Entra, where a delegated permission never exceeds the user's own privileges; an
	 * application needs only its roles, checked by the route.
	 * @param call the call
	 * @throws GraphError 403 Authorization_RequestDenied for a user who is not an administrator
	 */
	static void requireConsentRight(GraphCall call) {
		Caller caller = call.caller();
		if (!caller.isDelegated()) {
			return;
		}
		boolean administrator = call.context().store().read((tenant) -> tenant.user(caller.userObjectId())
			.map(DirectoryUser::administrator)
			.orElse(false));
		if (!administrator) {
			throw GraphError.forbidden();
		}
	}

}
