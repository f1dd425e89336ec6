package io.dicomreg.sandbox.http;

/**
 * One HTTP request the sandbox served.
 *
 * @param method the HTTP method
 * @param path the path with its query string, as sent
 * @param status the status code answered
 * @param graphWrite whether it was a POST, PATCH, PUT or DELETE under /v1.0
 * @param armWrite whether it was a POST, PATCH, PUT or DELETE to Azure Resource Manager
 * @param dicomWrite whether it was a POST, PATCH, PUT or DELETE under a DICOM service's URL
 */
public record RecordedRequest(String method, String path, int status, boolean graphWrite, boolean armWrite,
		boolean dicomWrite) {

	/**
	 * A request that was not a DICOM write.
	 * @param method the HTTP method
	 * @param path the path with its query string
	 * @param status the status code answered
	 * @param graphWrite whether it was a Graph write
	 * @param armWrite whether it was an ARM write
	 */
	public RecordedRequest(String method, String path, int status, boolean graphWrite, boolean armWrite) {
		this(method, path, status, graphWrite, armWrite, false);
	}

	/**
	 * A request that was neither an ARM nor a DICOM write.
	 * @param method the HTTP method
	 * @param path the path with its query string
	 * @param status the status code answered
	 * @param graphWrite whether it was a Graph write
	 */
	public RecordedRequest(String method, String path, int status, boolean graphWrite) {
		this(method, path, status, graphWrite, false, false);
	}

}
