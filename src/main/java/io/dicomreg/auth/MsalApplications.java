package io.dicomreg.auth;

import java.net.MalformedURLException;

import com.microsoft.aad.msal4j.AbstractClientApplicationBase;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.PublicClientApplication;

import io.dicomreg.config.Endpoints;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.Echo;
import io.dicomreg.error.Subject;

/**
 * Builds MSAL client applications for one target: its authority, TLS trust and token cache.
 */
class MsalApplications {

	private final Endpoints endpoints;

	MsalApplications(Endpoints endpoints) {
		this.endpoints = endpoints;
	}

	PublicClientApplication publicClient(String clientId, String tenant, ITokenCacheAccessAspect tokenCache) {
		try {
			return configure(PublicClientApplication.builder(clientId), tenant, tokenCache).build();
		}
		catch (MalformedURLException ex) {
			throw invalidAuthority(tenant);
		}
	}

	ConfidentialClientApplication confidentialClient(String clientId, IClientCredential credential, String tenant,
			ITokenCacheAccessAspect tokenCache) {
		try {
			return configure(ConfidentialClientApplication.builder(clientId, credential), tenant, tokenCache).build();
		}
		catch (MalformedURLException ex) {
			throw invalidAuthority(tenant);
		}
	}

	private <B extends AbstractClientApplicationBase.Builder<B>> B configure(B builder, String tenant,
			ITokenCacheAccessAspect tokenCache) throws MalformedURLException {
		builder.authority(this.endpoints.authorityFor(tenant)).setTokenCacheAccessAspect(tokenCache).logPii(false);
		if (!this.endpoints.microsoftHost()) {
			// MSAL would otherwise ask login.microsoftonline.com to validate a host it does not know.
			builder.instanceDiscovery(false);
		}
		if (this.endpoints.sslContext() != null) {
			builder.sslSocketFactory(this.endpoints.sslContext().getSocketFactory());
		}
		return builder;
	}

	private DicomregException invalidAuthority(String tenant) {
		return DicomregException.invalidNaming(Subject.TENANT, "Invalid value " + Echo.quoted(tenant) + " for {}: use a tenant ID or domain.");
	}

}
