package io.dicomreg.sandbox.directory;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Makes the ids of the objects a tenant is provisioned with: random for a new tenant; derived from the tenant id
 * when a state file written by an earlier dicomreg is brought up to date, so that every process upgrading the same
 * file makes the same ids.
 */
@FunctionalInterface
public interface IdSource {

	/**
	 * The id of one provisioned object.
	 * @param purpose what the id is for, such as {@code subscription}; the same purpose is never asked twice
	 * @return a GUID
	 */
	String id(String purpose);

	/**
	 * Random ids, for a new tenant.
	 * @return the source
	 */
	static IdSource random() {
		return (purpose) -> UUID.randomUUID().toString();
	}

	/**
	 * Ids derived from the tenant id and the purpose (name-based GUIDs).
	 * @param tenantId the tenant id
	 * @return the source
	 */
	static IdSource derivedFrom(String tenantId) {
		return (purpose) -> UUID.nameUUIDFromBytes((tenantId + "/" + purpose).getBytes(StandardCharsets.UTF_8))
			.toString();
	}

}
