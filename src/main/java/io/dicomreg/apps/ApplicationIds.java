package io.dicomreg.apps;

/**
 * The identifiers the tutorial's step 2 asks to note.
 *
 * @param displayName the application's display name
 * @param appId the Application (client) ID
 * @param tenantId the Directory (tenant) ID
 * @param objectId the object ID
 * @param authority the authority URL clients sign in with
 */
public record ApplicationIds(String displayName, String appId, String tenantId, String objectId, String authority) {
}
