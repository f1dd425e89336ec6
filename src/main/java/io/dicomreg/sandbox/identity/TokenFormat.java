package io.dicomreg.sandbox.identity;

/**
 * The shape of tokens this tenant issues, shared by the token service and the Graph endpoints that check them.
 */
public final class TokenFormat {

	/** Seconds an access token is valid, as Entra ID usually reports in {@code expires_in}. */
	public static final long ACCESS_TOKEN_LIFETIME_SECONDS = 3599;

	private TokenFormat() {
	}

	/**
	 * The issuer of access tokens: resources such as Graph accept v1.0 tokens, whose issuer names the tenant only.
	 * @param tenantId the tenant id
	 * @return the iss claim
	 */
	public static String accessTokenIssuer(String tenantId) {
		return "https://sts.windows.net/" + tenantId + "/";
	}

	/**
	 * The v2.0 issuer of ID tokens and of the discovery document.
	 * @param authorityHost the sandbox's authority host
	 * @param tenantId the tenant id
	 * @return the iss claim
	 */
	public static String idTokenIssuer(String authorityHost, String tenantId) {
		return authorityHost + "/" + tenantId + "/v2.0";
	}

}
