package io.dicomreg.sandbox.graph;

/**
 * An error Graph answers with {@code {"error":{"code","message","innerError"}}}.
 */
public final class GraphError extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int status;

	private final String code;

	private final String detailCode;

	private final String target;

	GraphError(int status, String code, String message) {
		this(status, code, message, null, null);
	}

	private GraphError(int status, String code, String message, String detailCode, String target) {
		super(message);
		this.status = status;
		this.code = code;
		this.detailCode = detailCode;
		this.target = target;
	}

	/**
	 * Entra's refusal of a service principal for an application it cannot see (yet): the application does not exist,
	 * or has not replicated to the replica that serves the request.
	 */
	static GraphError noBackingApplication(String appId) {
		return new GraphError(400, "Request_BadRequest", "The appId '" + appId + "' of the service principal does "
				+ "not reference a valid application object.", "NoBackingApplicationObject", "appId");
	}

	static GraphError badRequest(String message) {
		return new GraphError(400, "Request_BadRequest", message);
	}

	static GraphError odataBadRequest(String message) {
		return new GraphError(400, "BadRequest", message);
	}

	static GraphError invalidValue(String property, String resource) {
		return badRequest("Invalid value specified for property '" + property + "' of resource '" + resource + "'.");
	}

	static GraphError notFound(String key) {
		return new GraphError(404, "Request_ResourceNotFound", "Resource '" + key
				+ "' does not exist or one of its queried reference-property objects are not present.");
	}

	static GraphError conflict(String message) {
		return new GraphError(409, "Request_MultipleObjectsWithSameKeyValue", message);
	}

	static GraphError unsupportedQuery(String message) {
		return new GraphError(400, "Request_UnsupportedQuery", message);
	}

	static GraphError unauthenticated(String message) {
		return new GraphError(401, "InvalidAuthenticationToken", message);
	}

	static GraphError forbidden() {
		return new GraphError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
	}

	static GraphError unknownSegment(String segment) {
		return odataBadRequest("Resource not found for the segment '" + segment + "'.");
	}

	static GraphError methodNotAllowed() {
		return new GraphError(405, "Request_BadRequest", "Specified HTTP method is not allowed for the request target.");
	}

	static GraphError invalidObjectIdentifier(String id) {
		return badRequest("Invalid object identifier '" + id + "'.");
	}

	public int status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

	/** The code of the one entry of {@code details}, or null when the error has none. */
	String detailCode() {
		return this.detailCode;
	}

	/** The property the detail names. */
	String target() {
		return this.target;
	}

}
