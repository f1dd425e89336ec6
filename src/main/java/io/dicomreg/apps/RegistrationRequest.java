package io.dicomreg.apps;

/**
 * What {@code app register} asks for.
 *
 * @param displayName the display name
 * @param uniqueName an immutable key to register under (an upsert: re-running changes nothing), or
 * {@code null}
 * @param audience who may sign in, or {@code null}: single tenant for a new application, unchanged for
 * an existing one
 * @param forceNew register a new application even when others have the same display name
 * @param servicePrincipal also make sure the application has its service principal in the tenant, as the portal
 * does when it registers an application
 */
public record RegistrationRequest(String displayName, String uniqueName, Audience audience, boolean forceNew,
		boolean servicePrincipal) {

	/** A registration with its service principal, as the portal makes it. */
	public RegistrationRequest(String displayName, String uniqueName, Audience audience, boolean forceNew) {
		this(displayName, uniqueName, audience, forceNew, true);
	}

}
