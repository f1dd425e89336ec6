package io.dicomreg.verify;

import java.io.IOException;
import java.time.Duration;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.config.HttpConnections;
import io.dicomreg.error.DicomregException;

/**
 * One DICOMweb GET with a bearer token, as a DICOM client sends it; the answer's status, challenge and the start
 * of its body. It only reads.
 */
public class DicomWebProbe {

	private final ConnectionTarget target;

	private OkHttpClient http;

	public DicomWebProbe(ConnectionTarget target) {
		this.target = target;
	}

	/**
	 * GETs {@code url} with {@code token}.
	 * @throws DicomregException when the service cannot be reached
	 */
	public Answer get(String url, String token) {
		Request request = new Request.Builder().url(url)
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/dicom+json, application/json")
			.get()
			.build();
		try (Response response = http().newCall(request).execute()) {
			String body = response.body().string().strip();
			return new Answer(response.code(), response.header("WWW-Authenticate"),
					body.length() > 200 ? body.substring(0, 200) : body);
		}
		catch (IOException | IllegalArgumentException ex) {
			throw DicomregException.failure("Cannot reach the DICOM service at " + url + ": " + ex.getMessage(), ex);
		}
	}

	private synchronized OkHttpClient http() {
		if (this.http == null) {
			this.http = HttpConnections.client(this.target.endpoints(), Duration.ofSeconds(20), Duration.ofSeconds(30));
		}
		return this.http;
	}

	/** Closes the connections to the DICOM service (the context calls it when it closes). */
	public synchronized void close() {
		HttpConnections.close(this.http);
		this.http = null;
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
