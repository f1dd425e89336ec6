package io.dicomreg.sandbox.dicom;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.dicomreg.sandbox.directory.Json;
import io.dicomreg.sandbox.http.SandboxResponse;

/**
 * Content types and the headers every DICOMweb answer carries.
 */
final class DicomResponses {

	/** DICOM JSON, as search, metadata and store answer. */
	static final String DICOM_JSON = "application/dicom+json; charset=utf-8";

	/** Plain JSON, as the change feed answers. */
	static final String JSON = "application/json; charset=utf-8";

	/** The type of error texts (ASP.NET's default for a content result). */
	static final String TEXT = "text/plain; charset=utf-8";

	/** The versions the service reports, in the form ASP.NET API Versioning writes them. */
	static final String SUPPORTED_VERSIONS = "1.0-prerelease, 1, 2";

	private DicomResponses() {
	}

	static SandboxResponse json(int status, JsonNode body, String contentType) {
		return new SandboxResponse(status, new LinkedHashMap<>(Map.of("Content-Type", contentType)),
				Json.bytes(body));
	}

	/**
	 * Adds the base security headers of the open-source server (to every answer) and, for a request that matched a
	 * versioned route, {@code api-supported-versions}.
	 * @param response the response
	 * @param versioned whether the request matched a versioned route
	 * @return the response
	 */
	static SandboxResponse withHeaders(SandboxResponse response, boolean versioned) {
		response.withHeader("X-Content-Type-Options", "nosniff");
		response.withHeader("X-Frame-Options", "SAMEORIGIN");
		response.withHeader("Content-Security-Policy", "frame-src 'self';");
		if (versioned) {
			response.withHeader("api-supported-versions", SUPPORTED_VERSIONS);
		}
		return response;
	}

}
