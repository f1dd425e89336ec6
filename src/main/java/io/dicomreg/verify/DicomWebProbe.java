package io.dicomreg.verify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.error.DicomregException;

/**
 * One DICOMweb GET with a bearer token, as a DICOM client sends it; the answer's status, challenge and the start
 * of its body. It only reads.
 */
public class DicomWebProbe {

	private final ConnectionTarget target;

	private HttpClient http;

	public DicomWebProbe(ConnectionTarget target) {
		this.target = target;
	}

	/**
	 * GETs {@code url} with {@code token}.
	 * @throws DicomregException when the service cannot be reached
	 */
	public Answer get(String url, String token) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/dicom+json, application/json")
			.GET()
			.build();
		try {
			HttpResponse<String> response = http().send(request, HttpResponse.BodyHandlers.ofString());
			String body = (response.body() != null) ? response.body().strip() : "";
			return new Answer(response.statusCode(), response.headers().firstValue("WWW-Authenticate").orElse(null),
					body.length() > 200 ? body.substring(0, 200) : body);
		}
		catch (IOException ex) {
			throw DicomregException.failure("Cannot reach the DICOM service at " + url + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw DicomregException.failure("Interrupted while waiting for the DICOM service.", ex);
		}
	}

	private synchronized HttpClient http() {
		if (this.http == null) {
			HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20));
			if (this.target.endpoints().sslContext() != null) {
				builder.sslContext(this.target.endpoints().sslContext());
			}
			this.http = builder.build();
		}
		return this.http;
	}

	/**
	 * The DICOM service's answer.
	 *
	 * @param status the HTTP status
	 * @param challenge {@code WWW-Authenticate}, or {@code null}
	 * @param body the start of the body
	 */
	public record Answer(int status, String challenge, String body) {

		public boolean ok() {
			return this.status == 200 || this.status == 204;
		}

	}

}
