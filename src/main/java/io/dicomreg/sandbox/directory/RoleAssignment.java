package io.dicomreg.sandbox.directory;

import java.time.Instant;

/**
 * An Azure role assignment ({@code Microsoft.Authorization/roleAssignments}).
 *
 * @param name the assignment's name, a GUID unique in the tenant
 * @param scope the scope it applies at and below, an ARM resource id
 * @param roleDefinitionId the role definition's GUID
 * @param principalId the object id of the user or service principal
 * @param principalType {@code User}, {@code Group}, {@code ServicePrincipal} or {@code ForeignGroup}
 * @param description the description, or null
 * @param condition the ABAC condition, or null
 * @param conditionVersion the condition's version, or null
 * @param createdOn when it was created
 * @param updatedOn when it was last changed
 * @param createdBy who created it, or null for the assignment provisioned with the subscription
 * @param updatedBy who changed it last, or null
 */
public record RoleAssignment(String name, String scope, String roleDefinitionId, String principalId,
		String principalType, String description, String condition, String conditionVersion, Instant createdOn,
		Instant updatedOn, String createdBy, String updatedBy) {

	/** The resource type. */
	public static final String TYPE = "Microsoft.Authorization/roleAssignments";

	/**
	 * The ARM resource id.
	 * @return {@code {scope}/providers/Microsoft.Authorization/roleAssignments/{name}}
	 */
	public String id() {
		return this.scope + "/providers/" + TYPE + "/" + this.name;
	}

}
