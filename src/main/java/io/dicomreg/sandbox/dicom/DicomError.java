package io.dicomreg.sandbox.dicom;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.dicomreg.sandbox.http.SandboxResponse;

/**
 * A DICOMweb error answer, thrown to end a request: a status and, as the open-source DICOM server writes its errors,
 * a plain text message or no body at all.
 */
final class DicomError extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** The 403 text of the open-source server's exception middleware. */
	static final String AUTHORIZATION_FAILED = "Authorization failed.";

	private final int status;

	private final String text;

	private final transient Map<String, String> headers = new LinkedHashMap<>();

	DicomError(int status, String text) {
		super(status + " " + ((text != null) ? text : ""));
		this.status = status;
		this.text = text;
	}

	/** No route, or no such DICOM service: 404 without body, as ASP.NET answers a path no endpoint matches. */
	static DicomError noRoute() {
		return new DicomError(404, null);
	}

	static DicomError badRequest(String text) {
		return new DicomError(400, text);
	}

	static DicomError forbidden() {
		return new DicomError(403, AUTHORIZATION_FAILED);
	}

	static DicomError notFound(String text) {
		return new DicomError(404, text);
	}

	/**
	 * The 401 of the service's bearer authentication: no body, the challenge in {@code WWW-Authenticate}.
	 * @param challenge the header's value
	 * @return the error
	 */
	static DicomError unauthorized(String challenge) {
		return new DicomError(401, null).withHeader("WWW-Authenticate", challenge);
	}

	DicomError withHeader(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	int status() {
		return this.status;
	}

	/**
	 * The answer: the text as {@code text/plain; charset=utf-8}, or no body.
	 * @return the response, to which the common DICOM headers are still to be added
	 */
	SandboxResponse response() {
		Map<String, String> responseHeaders = new LinkedHashMap<>(this.headers);
		if (this.text == null) {
			return new SandboxResponse(this.status, responseHeaders, new byte[0]);
		}
		responseHeaders.put("Content-Type", DicomResponses.TEXT);
		return new SandboxResponse(this.status, responseHeaders, this.text.getBytes(StandardCharsets.UTF_8));
	}

}
