package io.dicomreg.sandbox.graph;

import java.util.Set;

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

	static final Set<String> READ_ORGANIZATION = Set.of("User.Read", "Organization.Read.All", "Directory.Read.All",
			"Directory.ReadWrite.All");

	static final Set<String> READ_ME = Set.of("User.Read", "User.ReadWrite", "Directory.Read.All",
			"Directory.ReadWrite.All");

	private Permissions() {
	}

	static void require(Caller caller, Set<String> permissions) {
		if (!permissions.isEmpty() && !caller.hasAny(permissions)) {
			throw GraphError.forbidden();
		}
	}

}
