package io.dicomreg.apps;

/**
 * An application's service principal in the home tenant (its "enterprise application"): the identity that signs in,
 * is granted consent and is assigned roles. Its object ID is not the application's.
 *
 * @param objectId the service principal's object ID (the {@code oid} of the app's tokens; what role assignments and
 * consent grants name)
 * @param appId the Application (client) ID it stands for
 * @param displayName its display name
 */
public record ClientServicePrincipal(String objectId, String appId, String displayName) {
}
