package io.dicomreg.sandbox.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.dicomreg.sandbox.directory.Tenant;
import io.dicomreg.sandbox.directory.TenantStore;

/**
 * The check that the sandbox's owner is at the keyboard: whoever signs the administrator in interactively (approves a
 * device code, completes the browser sign-in page) gives the owner secret, which only the owner can read (the 0600
 * state file, or the memory of the process for an in-memory tenant). Another local user reaching the loopback port
 * gets no administrator token.
 */
final class OwnerSecret {

	/** The form field the secret is posted in. */
	static final String FIELD = "owner_secret";

	private OwnerSecret() {
	}

	/**
	 * Compares in constant time.
	 * @param store the tenant
	 * @param offered what the client gave, may be null
	 * @return whether it is the owner secret
	 */
	static boolean matches(TenantStore store, String offered) {
		String secret = store.read(Tenant::ownerSecret);
		if (offered == null || secret == null) {
			return false;
		}
		return MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), offered.strip().getBytes(StandardCharsets.UTF_8));
	}

}
