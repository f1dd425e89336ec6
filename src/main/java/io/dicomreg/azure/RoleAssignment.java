package io.dicomreg.azure;

/**
 * One Azure role assignment that reaches a DICOM service: at its scope, or inherited from above.
 *
 * @param id the assignment's resource id
 * @param roleName the role's name, e.g. DICOM Data Owner
 * @param roleDefinitionId the role definition's GUID
 * @param principalId the principal's object ID
 * @param principalType User, Group or ServicePrincipal
 * @param scope where it is assigned
 * @param inherited whether the scope lies above the DICOM service (subscription, resource group, workspace)
 */
public record RoleAssignment(String id, String roleName, String roleDefinitionId, String principalId,
		String principalType, String scope, boolean inherited) {
}
