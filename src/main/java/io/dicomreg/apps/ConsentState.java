package io.dicomreg.apps;

/**
 * One configured API permission and its consent: granted for all users of the tenant (admin consent) or not.
 *
 * @param permission the permission
 * @param granted whether admin consent covers it (delegated: in the tenant-wide grant; application: assigned)
 * @param changed whether this run granted or revoked it
 */
public record ConsentState(ApiPermission permission, boolean granted, boolean changed) {

	/** The state in words, for people. */
	public String label() {
		return this.granted ? "granted for all users" : "not granted";
	}

}
