package io.dicomreg.apps;

/**
 * What making sure an application has its service principal did.
 *
 * @param app the application
 * @param servicePrincipal its service principal; {@code null} in a dry run that would create it
 * @param changed whether a service principal was created
 * @param attempts how many times it was asked for (more than one while Entra ID replicated a new application)
 * @param note what happened, for people
 */
public record ServicePrincipalOutcome(AppRef app, ClientServicePrincipal servicePrincipal, boolean changed, int attempts,
		String note) {
}
