package io.dicomreg.apps;

/**
 * An application with a summary of what the tutorial's steps configured on it.
 *
 * @param application the application
 * @param publicClient whether public client flows are allowed ({@code isFallbackPublicClient})
 * @param redirectUris how many redirect URIs it has on all platforms
 * @param secrets how many client secrets it has
 * @param certificates how many certificates it has
 * @param permissions how many API permissions it requests
 */
public record ApplicationDetails(RegisteredApplication application, boolean publicClient, int redirectUris,
		int secrets, int certificates, int permissions) {
}
