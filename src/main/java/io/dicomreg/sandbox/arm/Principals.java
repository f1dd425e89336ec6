package io.dicomreg.sandbox.arm;

import java.util.Optional;

import io.dicomreg.sandbox.directory.Tenant;

/**
 * Looks a role assignment's principal up in the directory as ARM does: by its type when one is given (a principal
 * not yet in the directory is then accepted, which is how clients avoid replication delays), else it must exist.
 */
final class Principals {

	private Principals() {
	}

	/**
	 * The principal type to store for a role assignment.
	 * @param tenant the tenant
	 * @param principalId the principal's object id
	 * @param givenType the type the request gave, or null
	 * @return the type
	 * @throws ArmError 400 PrincipalTypeNotSupported for an application object id, PrincipalNotFound for an unknown
	 * principal without a type, UnmatchedPrincipalType for a principal of another type
	 */
	static String checkedType(Tenant tenant, String principalId, String givenType) {
		Optional<String> found = typeOf(tenant, principalId);
		if (found.isPresent() && found.get().equals("Application")) {
			throw ArmError.badRequest("PrincipalTypeNotSupported",
					"Principals of type Application cannot validly be used in role assignments.");
		}
		if (givenType == null) {
			return found.orElseThrow(() -> ArmError.badRequest("PrincipalNotFound", "Principal "
					+ RoleAssignmentsEndpoint.hex(principalId) + " does not exist in the directory " + tenant.tenantId()
					+ ". Check that you have the correct principal ID. If you are creating this principal and then "
					+ "immediately assigning a role, this error might be related to a replication delay. In this case, "
					+ "set the role assignment principalType property to a value, such as ServicePrincipal, User, or "
					+ "Group.  See https://aka.ms/docs-principaltype"));
		}
		if (found.isPresent() && !found.get().equals(givenType)) {
			throw ArmError.badRequest("UnmatchedPrincipalType", "The PrincipalId '"
					+ RoleAssignmentsEndpoint.hex(principalId) + "' has type '" + found.get()
					+ "', which is different from specified PrincipalType '" + givenType + "'.");
		}
		return givenType;
	}

	private static Optional<String> typeOf(Tenant tenant, String principalId) {
		if (tenant.admin().objectId().equalsIgnoreCase(principalId)) {
			return Optional.of("User");
		}
		if (tenant.servicePrincipal(principalId).isPresent()) {
			return Optional.of("ServicePrincipal");
		}
		if (tenant.application(principalId).isPresent()) {
			return Optional.of("Application");
		}
		return Optional.empty();
	}

}
