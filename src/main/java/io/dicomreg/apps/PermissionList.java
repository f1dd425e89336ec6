package io.dicomreg.apps;

import java.util.List;

/**
 * The API permissions an application is configured with ({@code requiredResourceAccess}), with
 * names read from the resources' service principals.
 *
 * @param app the application
 * @param permissions one entry per permission, in the application's order
 */
public record PermissionList(AppRef app, List<ApiPermission> permissions) {

	public PermissionList {
		permissions = List.copyOf(permissions);
	}

	/** How many resource applications the permissions belong to. */
	public long resourceCount() {
		return this.permissions.stream().map(permission -> permission.resourceAppId().toLowerCase()).distinct().count();
	}

	/** Application IDs of the resources that have no service principal in the tenant. */
	public List<String> resourcesNotInTenant() {
		return this.permissions.stream()
			.filter(permission -> permission.resourceDisplayName() == null)
			.map(ApiPermission::resourceAppId)
			.distinct()
			.toList();
	}

}
