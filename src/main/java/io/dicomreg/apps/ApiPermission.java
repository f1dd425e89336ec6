package io.dicomreg.apps;

/**
 * One API permission: a scope or app role of a resource application.
 *
 * @param resourceAppId the Application ID of the resource (API) application
 * @param resourceDisplayName its service principal's display name, or {@code null} when the
 * resource is not in the tenant
 * @param value the permission's name, e.g. {@code Dicom.ReadWrite}, or {@code null} when the
 * resource does not (or no longer) offer it
 * @param type delegated or application
 * @param permissionId the permission's id, the one {@code requiredResourceAccess} holds
 */
public record ApiPermission(String resourceAppId, String resourceDisplayName, String value, PermissionType type,
		String permissionId) {

	/** The name and kind, e.g. {@code Dicom.ReadWrite (delegated)}; the id when the name is unknown. */
	public String describe() {
		return ((this.value != null) ? this.value : this.permissionId) + " (" + this.type.label() + ")";
	}

}
