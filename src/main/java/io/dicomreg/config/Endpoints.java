package io.dicomreg.config;

import java.net.URI;

import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;

/**
 * Where dicomreg signs in and which Microsoft Graph it talks to.
 *
 * @param label what the prompt and {@code whoami} call the target: a cloud name, "custom" or
 * "sandbox"
 * @param authorityHost the sign-in host, e.g. {@code https://login.microsoftonline.com}
 * @param graphEndpoint the Graph host, without version, e.g. {@code https://graph.microsoft.com}
 * @param graphResource the resource Graph scopes are written against
 * @param defaultTenant the tenant to sign in to when {@code login} names none
 * @param cacheKey names the token cache and session of this target, or {@code null} to keep them
 * in memory only
 * @param microsoftHost whether the authority is a Microsoft host (MSAL instance discovery applies)
 * @param sslContext the TLS trust for a sandbox, or {@code null} for the JVM's default trust
 * @param trustManager the trust manager of {@code sslContext}, or {@code null}
 * @param armEndpoint the Azure Resource Manager host requests go to, e.g. {@code https://management.azure.com}
 * @param armResource the resource ARM tokens are for (the cloud's ARM, whatever host requests go to)
 */
public record Endpoints(String label, URI authorityHost, URI graphEndpoint, String graphResource, String defaultTenant,
		String cacheKey, boolean microsoftHost, SSLContext sslContext, X509TrustManager trustManager, URI armEndpoint,
		String armResource) {

	private static final String GLOBAL_GRAPH = "https://graph.microsoft.com";

	/** Whether this target is the embedded sandbox tenant. */
	public boolean isSandbox() {
		return "sandbox".equals(this.label);
	}

	/** The MSAL authority URL for {@code tenant}, ending with a slash. */
	public String authorityFor(String tenant) {
		return this.authorityHost + "/" + tenant + "/";
	}

	/** The Graph v1.0 base URL. */
	public String graphBaseUrl() {
		return this.graphEndpoint + "/v1.0";
	}

	/**
	 * The scope to ask for a delegated Graph permission such as {@code User.Read}. For global
	 * Microsoft Graph it is the bare name: Entra answers with bare names for Graph, and MSAL only
	 * finds a cached token again when the scopes asked are written as the token response wrote them.
	 */
	public String delegatedGraphScope(String permission) {
		return GLOBAL_GRAPH.equals(this.graphResource) ? permission : this.graphResource + "/" + permission;
	}

	/** The {@code /.default} scope of Graph, for client credentials. */
	public String graphDefaultScope() {
		return this.graphResource + "/.default";
	}

}
