package io.dicomreg.apps;

/**
 * Which application a command works on.
 *
 * @param objectId the object ID of the application object
 * @param appId the Application (client) ID
 * @param displayName its display name
 */
public record AppRef(String objectId, String appId, String displayName) {
}
