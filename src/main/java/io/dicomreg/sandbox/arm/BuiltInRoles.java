package io.dicomreg.sandbox.arm;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.dicomreg.sandbox.SandboxDirectory;

/**
 * The built-in Azure roles the sandbox knows, with the permissions Microsoft publishes for them (Azure RBAC
 * built-in roles, General, Privileged and Integration categories).
 */
final class BuiltInRoles {

	static final List<RoleDefinition> ALL = List.of(
			new RoleDefinition(SandboxDirectory.OWNER_ROLE_ID, "Owner",
					"Grants full access to manage all resources, including the ability to assign roles in Azure RBAC.",
					List.of("*"), List.of(), List.of()),
			new RoleDefinition(SandboxDirectory.CONTRIBUTOR_ROLE_ID, "Contributor",
					"Grants full access to manage all resources, but does not allow you to assign roles in Azure RBAC, "
							+ "manage assignments in Azure Blueprints, or share image galleries.",
					List.of("*"),
					List.of("Microsoft.Authorization/*/Delete", "Microsoft.Authorization/*/Write",
							"Microsoft.Authorization/elevateAccess/Action",
							"Microsoft.Blueprint/blueprintAssignments/write",
							"Microsoft.Blueprint/blueprintAssignments/delete",
							"Microsoft.Compute/galleries/share/action", "Microsoft.Purview/consents/write",
							"Microsoft.Purview/consents/delete",
							"Microsoft.Resources/deploymentStacks/manageDenySetting/action",
							"Microsoft.Subscription/cancel/action", "Microsoft.Subscription/enable/action"),
					List.of()),
			new RoleDefinition(SandboxDirectory.READER_ROLE_ID, "Reader",
					"View all resources, but does not allow you to make any changes.", List.of("*/read"), List.of(),
					List.of()),
			new RoleDefinition(SandboxDirectory.USER_ACCESS_ADMINISTRATOR_ROLE_ID, "User Access Administrator",
					"Lets you manage user access to Azure resources.",
					List.of("*/read", "Microsoft.Authorization/*", "Microsoft.Support/*"), List.of(), List.of()),
			new RoleDefinition(SandboxDirectory.RBAC_ADMINISTRATOR_ROLE_ID, "Role Based Access Control Administrator",
					"Manage access to Azure resources by assigning roles using Azure RBAC. This role does not allow you "
							+ "to manage access using other ways, such as Azure Policy.",
					List.of("Microsoft.Authorization/roleAssignments/write",
							"Microsoft.Authorization/roleAssignments/delete", "*/read", "Microsoft.Support/*"),
					List.of(), List.of()),
			new RoleDefinition(SandboxDirectory.DICOM_DATA_OWNER_ROLE_ID, "DICOM Data Owner", "Full access to DICOM data.",
					List.of(), List.of(), List.of("Microsoft.HealthcareApis/workspaces/dicomservices/resources/*")),
			new RoleDefinition(SandboxDirectory.DICOM_DATA_READER_ROLE_ID, "DICOM Data Reader",
					"Read and search DICOM data.", List.of(), List.of(),
					List.of("Microsoft.HealthcareApis/workspaces/dicomservices/resources/read")));

	private BuiltInRoles() {
	}

	/**
	 * Finds a role by its GUID.
	 * @param id the GUID, any case
	 * @return the role
	 */
	static Optional<RoleDefinition> byId(String id) {
		return ALL.stream().filter((role) -> role.id().equalsIgnoreCase(id)).findFirst();
	}

	/**
	 * Finds a role by its name, ignoring case.
	 * @param roleName e.g. DICOM Data Owner
	 * @return the role
	 */
	static Optional<RoleDefinition> byName(String roleName) {
		String wanted = roleName.toLowerCase(Locale.ROOT);
		return ALL.stream().filter((role) -> role.roleName().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
	}

}
