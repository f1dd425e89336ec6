package io.dicomreg.sandbox.arm;

import java.time.Instant;

import io.dicomreg.sandbox.directory.AzureResources;
import io.dicomreg.sandbox.directory.RoleAssignment;

/**
 * Decides which data plane actions a principal may perform on a resource, from the data actions of the built-in
 * roles assigned to it there or above, as a data plane service using Azure RBAC does (the DICOM service). Control
 * plane roles such as Owner have no data actions and so grant no data access.
 */
public final class DataActions {

	/** Reading a DICOM service's data: search, retrieve, metadata, change feed (DICOM Data Reader). */
	public static final String DICOM_READ = "Microsoft.HealthcareApis/workspaces/dicomservices/resources/read";

	/**
	 * Storing DICOM data. The name is the sandbox's (only {@code resources/*} and {@code resources/read} are
	 * published); DICOM Data Owner's {@code resources/*} covers it, DICOM Data Reader's does not.
	 */
	public static final String DICOM_WRITE = "Microsoft.HealthcareApis/workspaces/dicomservices/resources/write";

	private DataActions() {
	}

	/**
	 * Whether a role assigned to the principal at the scope or above, and in effect by {@code effectiveBy}, allows
	 * the data action.
	 * @param azure the tenant's resources
	 * @param principalId the principal's object id (a token's {@code oid})
	 * @param dataAction e.g. {@link #DICOM_READ}
	 * @param scopeId the resource the action is tried on, e.g. a DICOM service's ARM id
	 * @param effectiveBy only assignments created at or before this instant count (a role assignment takes a while
	 * to reach a data plane service)
	 * @return true when allowed
	 */
	public static boolean allows(AzureResources azure, String principalId, String dataAction, String scopeId,
			Instant effectiveBy) {
		return azure.roleAssignments().stream()
			.filter((assignment) -> assignment.principalId().equalsIgnoreCase(principalId)
					&& Scope.isAtOrAbove(assignment.scope(), scopeId) && !assignment.createdOn().isAfter(effectiveBy))
			.map(RoleAssignment::roleDefinitionId)
			.flatMap((roleId) -> BuiltInRoles.byId(roleId).stream())
			.anyMatch((role) -> role.allowsDataAction(dataAction));
	}

}
