package io.dicomreg.sandbox;

import java.net.http.HttpRequest;

/**
 * Calls one DICOM service's DICOMweb API on a {@link Sandbox} with a bearer token, as a DICOMweb client does: JSON
 * requests with {@code Accept: application/dicom+json}, stores as multipart/related.
 */
public final class DicomWebClient {

	/** What DICOMweb clients accept for search, metadata and store answers. */
	public static final String DICOM_JSON = "application/dicom+json";

	private final SandboxHttp http;

	private final String serviceUrl;

	private final String token;

	/**
	 * A client.
	 * @param server the server
	 * @param serviceUrl the service URL, e.g. {@code SandboxInspector.of(server).dicom().serviceUrl()}
	 * @param token the bearer token, or null for none
	 */
	public DicomWebClient(Sandbox server, String serviceUrl, String token) {
		this.http = new SandboxHttp(server);
		this.serviceUrl = serviceUrl;
		this.token = token;
	}

	/**
	 * The same client with another token.
	 * @param other the token, or null for none
	 * @return the client
	 */
	public DicomWebClient withToken(String other) {
		return new DicomWebClient(this, other);
	}

	private DicomWebClient(DicomWebClient client, String token) {
		this.http = client.http;
		this.serviceUrl = client.serviceUrl;
		this.token = token;
	}

	/**
	 * GET with {@code Accept: application/dicom+json}.
	 * @param path after the service URL, e.g. /v2/studies?PatientID=SBX-0001
	 * @return the response
	 */
	public SandboxHttp.Response get(String path) {
		return send(path, "GET", null, DICOM_JSON, null);
	}

	/**
	 * GET with no Accept header.
	 * @param path after the service URL
	 * @return the response
	 */
	public SandboxHttp.Response getWithoutAccept(String path) {
		return send(path, "GET", null, null, null);
	}

	/**
	 * POST of a store body.
	 * @param path after the service URL, e.g. /v2/studies
	 * @param contentType the Content-Type, e.g. multipart/related; type="application/dicom"; boundary=x
	 * @param body the body
	 * @return the response
	 */
	public SandboxHttp.Response store(String path, String contentType, byte[] body) {
		return send(path, "POST", contentType, DICOM_JSON, body);
	}

	/**
	 * Any request.
	 * @param path after the service URL
	 * @param method the method
	 * @param contentType the Content-Type, or null
	 * @param accept the Accept, or null
	 * @param body the body, or null
	 * @return the response
	 */
	public SandboxHttp.Response send(String path, String method, String contentType, String accept, byte[] body) {
		HttpRequest.Builder builder = this.http.builder(this.serviceUrl + path, this.token)
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofByteArray(body)
					: HttpRequest.BodyPublishers.noBody());
		if (contentType != null) {
			builder.header("Content-Type", contentType);
		}
		if (accept != null) {
			builder.header("Accept", accept);
		}
		return this.http.send(builder);
	}

}
