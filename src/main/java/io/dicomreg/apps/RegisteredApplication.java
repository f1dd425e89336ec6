package io.dicomreg.apps;

import java.time.OffsetDateTime;

/**
 * An application registration as dicomreg shows it.
 *
 * @param displayName the name shown in the portal
 * @param appId the Application (client) ID
 * @param objectId the object ID of the application object
 * @param tenantId the Directory (tenant) ID it lives in
 * @param signInAudience who may sign in, e.g. {@code AzureADMyOrg}
 * @param uniqueName the immutable key it was registered under with {@code --unique-name}, or
 * {@code null}
 * @param createdDateTime when it was created
 */
public record RegisteredApplication(String displayName, String appId, String objectId, String tenantId,
		String signInAudience, String uniqueName, OffsetDateTime createdDateTime) {

	/** The reference commands use to work on it. */
	public AppRef ref() {
		return new AppRef(this.objectId, this.appId, this.displayName);
	}

}
