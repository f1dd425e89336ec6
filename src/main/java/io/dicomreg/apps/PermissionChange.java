package io.dicomreg.apps;

import java.util.List;

/**
 * What adding or removing API permissions did to an application.
 *
 * @param app the application
 * @param resource the resource application (API) the permissions belong to
 * @param changedPermissions the permissions added (or removed) by this call
 * @param unchangedPermissions the permissions named that were already there (or, when removing,
 * not there)
 * @param resourceEntryRemoved whether the resource was removed from the app's API permissions
 * because none of its permissions were left
 */
public record PermissionChange(AppRef app, ApiResource resource, List<ApiPermission> changedPermissions,
		List<ApiPermission> unchangedPermissions, boolean resourceEntryRemoved) {

	public PermissionChange {
		changedPermissions = List.copyOf(changedPermissions);
		unchangedPermissions = List.copyOf(unchangedPermissions);
	}

	/** Whether Graph was written to: {@code false} when everything was already as asked. */
	public boolean changed() {
		return !this.changedPermissions.isEmpty();
	}

}
