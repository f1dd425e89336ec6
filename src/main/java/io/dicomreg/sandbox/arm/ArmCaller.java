package io.dicomreg.sandbox.arm;

/**
 * Who is calling ARM, read from a validated access token.
 *
 * @param objectId the object id of the user or service principal ({@code oid})
 * @param clientName how ARM names the caller in its errors: the user principal name, or the appId of an application
 */
record ArmCaller(String objectId, String clientName) {

}
