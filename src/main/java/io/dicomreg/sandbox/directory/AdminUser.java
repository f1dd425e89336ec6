package io.dicomreg.sandbox.directory;

/**
 * The one user of the sandbox tenant, a Global Administrator every interactive sign-in is approved for.
 *
 * @param objectId the user's object id ({@code oid})
 * @param userPrincipalName the sign-in name
 * @param displayName the display name
 * @param givenName the given name
 * @param surname the surname
 */
public record AdminUser(String objectId, String userPrincipalName, String displayName, String givenName,
		String surname) {

}
