package io.dicomreg.apps;

/**
 * One configured API permission and its consent: granted for all users of the tenant (admin consent) or not.
 *
 * @param permission the permission
 * @param granted whether admin consent covers it (delegated: in the tenant-wide grant; application: assigned)
 * @param changed whether this run granted or revoked it
 * @param known whether the consent could be read (the signed-in account may read permissions but not grants)
 */
public record ConsentState(ApiPermission permission, boolean granted, boolean changed, boolean known) {

	public ConsentState(ApiPermission permission, boolean granted, boolean changed) {
		this(permission, granted, changed, true);
	}

	/** A permission whose consent the signed-in account may not read. */
	static ConsentState unknown(ApiPermission permission) {
		return new ConsentState(permission, false, false, false);
	}

	/** The state in words, for people. */
	public String label() {
		if (!this.known) {
			return "unknown";
		}
		return this.granted ? "granted for all users" : "not granted";
	}

}
