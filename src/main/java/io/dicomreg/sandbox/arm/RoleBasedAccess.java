package io.dicomreg.sandbox.arm;

import io.dicomreg.sandbox.directory.AzureResources;
import io.dicomreg.sandbox.directory.RoleAssignment;

/**
 * Decides what a principal may do at a scope from its role assignments there and above, as Azure RBAC does (no
 * groups, deny assignments or conditions).
 */
final class RoleBasedAccess {

	private RoleBasedAccess() {
	}

	/**
	 * Whether a role assigned to the principal at the scope or above allows the action.
	 * @param azure the tenant's resources
	 * @param principalId the principal's object id
	 * @param action e.g. Microsoft.Authorization/roleAssignments/write
	 * @param scopeId the scope the action is tried at
	 * @return true when allowed
	 */
	static boolean allows(AzureResources azure, String principalId, String action, String scopeId) {
		return azure.roleAssignments().stream()
			.filter((assignment) -> assignment.principalId().equalsIgnoreCase(principalId)
					&& Scope.isAtOrAbove(assignment.scope(), scopeId))
			.map(RoleAssignment::roleDefinitionId)
			.flatMap((roleId) -> BuiltInRoles.byId(roleId).stream())
			.anyMatch((role) -> role.allows(action));
	}

	/**
	 * Whether the principal has any role at, above or below the scope: what makes a subscription visible to it.
	 * @param azure the tenant's resources
	 * @param principalId the principal's object id
	 * @param scopeId the scope
	 * @return true when it has one
	 */
	static boolean hasAnyRoleAround(AzureResources azure, String principalId, String scopeId) {
		return azure.roleAssignments().stream()
			.anyMatch((assignment) -> assignment.principalId().equalsIgnoreCase(principalId)
					&& (Scope.isAtOrAbove(assignment.scope(), scopeId) || Scope.isAtOrAbove(scopeId, assignment.scope())));
	}

	/**
	 * Throws ARM's 403 unless the caller may do the action at the scope.
	 * @param azure the tenant's resources
	 * @param caller the caller
	 * @param action the action
	 * @param scopeId the scope named in the error
	 * @throws ArmError 403 AuthorizationFailed
	 */
	static void require(AzureResources azure, ArmCaller caller, String action, String scopeId) {
		if (!allows(azure, caller.objectId(), action, scopeId)) {
			throw ArmError.authorizationFailed(caller, action, scopeId);
		}
	}

}
