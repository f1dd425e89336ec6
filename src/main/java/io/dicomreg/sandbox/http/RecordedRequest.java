package io.dicomreg.sandbox.http;

/**
 * One HTTP request the sandbox served.
 *
 * @param method the HTTP method
 * @param path the path with its query string, as sent
 * @param status the status code answered
 * @param graphWrite whether it was a POST, PATCH, PUT or DELETE under /v1.0
 * @param armWrite whether it was a POST, PATCH, PUT or DELETE to Azure Resource Manager
 */
public record RecordedRequest(String method, String path, int status, boolean graphWrite, boolean armWrite) {

	/**
	 * A request that was not an ARM write.
	 * @param method the HTTP method
	 * @param path the path with its query string
	 * @param status the status code answered
	 * @param graphWrite whether it was a Graph write
	 */
	public RecordedRequest(String method, String path, int status, boolean graphWrite) {
		this(method, path, status, graphWrite, false);
	}

}
