package io.dicomreg.sandbox.identity;

import java.time.Duration;

/**
 * The shape of tokens this tenant issues, shared by the token service and the endpoints that check them.
 */
public final class TokenFormat {

	/** The shortest lifetime of an access token: Entra ID gives each one a random lifetime of 60 to 90 minutes. */
	public static final Duration ACCESS_TOKEN_MIN_LIFETIME = Duration.ofMinutes(60);

	/** The longest lifetime of an access token. */
	public static final Duration ACCESS_TOKEN_MAX_LIFETIME = Duration.ofMinutes(90);

	/** The lifetime of an ID token. */
	public static final Duration ID_TOKEN_LIFETIME = Duration.ofMinutes(60);

	/**
	 * How far before the moment of issue {@code iat} and {@code nbf} lie, as in Entra ID's tokens: a service whose
	 * clock is a little behind still accepts a token just issued.
	 */
	public static final Duration BACKDATE = Duration.ofMinutes(5);

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
