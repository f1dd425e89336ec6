package io.dicomreg.sandbox.http;

/**
 * One HTTP request the sandbox served.
 *
 * @param method the HTTP method
 * @param path the path with its query string, as sent
 * @param status the status code answered
 * @param graphWrite whether it was a POST, PATCH, PUT or DELETE under /v1.0
 */
public record RecordedRequest(String method, String path, int status, boolean graphWrite) {

}
