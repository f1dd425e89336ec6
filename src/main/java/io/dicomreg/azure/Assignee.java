package io.dicomreg.azure;

/**
 * Who a role assignment is for: a service principal (an app's) or a user, by object ID, which is what Azure RBAC
 * names. Never an application object ID: Azure refuses those (PrincipalTypeNotSupported).
 *
 * @param objectId the principal's object ID
 * @param principalType ServicePrincipal or User, sent with the assignment so that a new principal that has not
 * replicated yet is not refused (PrincipalNotFound)
 * @param displayName for people
 */
public record Assignee(String objectId, String principalType, String displayName) {

	/** How people read it, e.g. {@code 'viewer' (service principal 1c7e...)}. */
	public String describe() {
		return "'" + this.displayName + "' (" + ("User".equals(this.principalType) ? "user" : "service principal") + " "
				+ this.objectId + ")";
	}

}
