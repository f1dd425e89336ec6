package io.dicomreg.apps.credentials;

import java.nio.file.Path;

/**
 * A new client secret as asked for.
 *
 * @param description the description shown in the portal, or {@code null}
 * @param expires {@code 3m}, {@code 6m}, {@code 12m}, {@code 24m} or a date {@code YYYY-MM-DD};
 * {@code null} for the default, 6 months
 * @param saveTo a new file to write the value to (mode 0600) instead of returning it, or {@code null}
 * @param ifMissing add nothing when a secret with this description is still valid
 */
public record SecretRequest(String description, String expires, Path saveTo, boolean ifMissing) {

	/** A secret added even when one with the same description exists. */
	public SecretRequest(String description, String expires, Path saveTo) {
		this(description, expires, saveTo, false);
	}

	/** A secret with the default lifetime whose value is returned. */
	public static SecretRequest withDescription(String description) {
		return new SecretRequest(description, null, null);
	}

}
