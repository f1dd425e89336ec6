package io.dicomreg.apps;

import java.util.List;

import io.dicomreg.apps.credentials.CertificateCredential;
import io.dicomreg.apps.credentials.ClientSecret;

/**
 * An application with what the tutorial's steps configured on it, read at once.
 *
 * @param application the application
 * @param publicClient whether public client flows are allowed ({@code isFallbackPublicClient})
 * @param redirectUris its redirect URIs, platform by platform
 * @param secrets its client secrets (never their values), the first to expire first
 * @param certificates its certificates, the first to expire first
 * @param permissions the API permissions it requests, by name
 * @param servicePrincipal its service principal in the tenant, or {@code null} when it has none
 */
public record ApplicationDetails(RegisteredApplication application, boolean publicClient, RedirectUris redirectUris,
		List<ClientSecret> secrets, List<CertificateCredential> certificates, PermissionList permissions,
		ClientServicePrincipal servicePrincipal) {
}
