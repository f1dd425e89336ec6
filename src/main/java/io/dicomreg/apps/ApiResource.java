package io.dicomreg.apps;

import java.util.List;

/**
 * A resource application (an API) as its service principal in the tenant describes it.
 *
 * @param servicePrincipalId the object ID of its service principal
 * @param appId its Application ID, the {@code resourceAppId} of {@code requiredResourceAccess}
 * @param displayName its display name
 * @param scopes the enabled delegated permissions it offers
 * @param roles the enabled application permissions it offers
 */
public record ApiResource(String servicePrincipalId, String appId, String displayName, List<ApiPermission> scopes,
		List<ApiPermission> roles) {

	public ApiResource {
		scopes = List.copyOf(scopes);
		roles = List.copyOf(roles);
	}

	/**
	 * An API named in an application's permissions that is not in the tenant: no service principal,
	 * so nothing is known of it but its Application ID.
	 */
	public static ApiResource notInTenant(String appId) {
		return new ApiResource(null, appId, appId + " (not in this tenant)", List.of(), List.of());
	}

	/** The permissions of one kind it offers. */
	public List<ApiPermission> offered(PermissionType type) {
		return (type == PermissionType.DELEGATED) ? this.scopes : this.roles;
	}

}
