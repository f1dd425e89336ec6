package io.dicomreg.apps;

/**
 * What the portal's Authentication page shows of an application.
 *
 * @param app the application
 * @param signInAudience who may sign in, e.g. {@code AzureADMyOrg}
 * @param isFallbackPublicClient "Allow public client flows"
 * @param redirectUris its redirect URIs by platform
 */
public record AuthenticationSettings(AppRef app, String signInAudience, boolean isFallbackPublicClient,
		RedirectUris redirectUris) {

	/** {@code public} when public client flows are allowed, else {@code confidential}. */
	public String clientType() {
		return ClientTypes.of(this.isFallbackPublicClient);
	}

}
