package io.dicomreg.sandbox.identity;

/**
 * An error the token service answers in Entra ID's format: an OAuth error code and an AADSTS message.
 */
public final class IdentityError extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int status;

	private final String error;

	private final int aadstsCode;

	private final String suberror;

	IdentityError(int status, String error, int aadstsCode, String message) {
		this(status, error, aadstsCode, message, null);
	}

	private IdentityError(int status, String error, int aadstsCode, String message, String suberror) {
		super(message);
		this.status = status;
		this.error = error;
		this.aadstsCode = aadstsCode;
		this.suberror = suberror;
	}

	static IdentityError badRequest(String error, int aadstsCode, String message) {
		return new IdentityError(400, error, aadstsCode, message);
	}

	static IdentityError invalidClient(int aadstsCode, String message) {
		return new IdentityError(401, "invalid_client", aadstsCode, message);
	}

	static IdentityError missingParameter(String name) {
		return badRequest("invalid_request", 900144,
				"The request body must contain the following parameter: '" + name + "'.");
	}

	static IdentityError unknownClient(String appId, String tenantName) {
		return badRequest("unauthorized_client", 700016, "Application with identifier '" + appId
				+ "' was not found in the directory '" + tenantName + "'. This can happen if the application has not "
				+ "been installed by the administrator of the tenant or consented to by any user in the tenant. You "
				+ "may have sent your authentication request to the wrong tenant.");
	}

	static IdentityError credentialRequired() {
		return invalidClient(7000218,
				"The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
	}

	/**
	 * AADSTS65001: nobody consented to what the client asks of the resource, for this user. Entra answers it at the
	 * token endpoint with {@code invalid_grant} and the suberror {@code consent_required}, which MSAL reads as
	 * "interaction required".
	 * @param appId the client
	 * @param displayName the client's display name
	 * @return the error
	 */
	static IdentityError consentRequired(String appId, String displayName) {
		return new IdentityError(400, "invalid_grant", 65001, "The user or administrator has not consented to use the "
				+ "application with ID '" + appId + "' named '" + displayName + "'. Send an interactive authorization "
				+ "request for this user and resource.", "consent_required");
	}

	public int status() {
		return this.status;
	}

	public String error() {
		return this.error;
	}

	public int aadstsCode() {
		return this.aadstsCode;
	}

	/**
	 * Entra's finer reason, such as {@code consent_required}.
	 * @return the suberror, or null when there is none
	 */
	public String suberror() {
		return this.suberror;
	}

	/**
	 * The description as Entra words it, without the trace lines.
	 * @return e.g. {@code AADSTS7000215: Invalid client secret provided. ...}
	 */
	public String aadstsMessage() {
		return "AADSTS" + this.aadstsCode + ": " + getMessage();
	}

}
