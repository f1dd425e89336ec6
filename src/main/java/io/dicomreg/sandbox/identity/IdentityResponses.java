package io.dicomreg.sandbox.identity;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.directory.Json;
import io.dicomreg.sandbox.directory.Times;
import io.dicomreg.sandbox.http.SandboxRequest;
import io.dicomreg.sandbox.http.SandboxResponse;

/**
 * Writes sign-in responses with the headers Entra ID sends, and errors in its JSON error format.
 */
final class IdentityResponses {

	private static final String JSON = "application/json; charset=utf-8";

	private IdentityResponses() {
	}

	static SandboxResponse ok(SandboxRequest request, JsonNode body) {
		return headers(request, SandboxResponse.json(200, body, JSON));
	}

	/**
	 * Renders an error as Entra ID does: error, error_description with trace lines, error_codes, ids.
	 * @param request the request
	 * @param error the error
	 * @param now the current time
	 * @param authorityHost the sandbox authority host
	 * @return the response
	 */
	static SandboxResponse error(SandboxRequest request, IdentityError error, Instant now, String authorityHost) {
		String correlationId = correlationId(request);
		String timestamp = Times.aadstsTimestamp(now);
		ObjectNode body = Json.object();
		body.put("error", error.error());
		body.put("error_description", error.aadstsMessage() + "\r\nTrace ID: " + request.requestId()
				+ "\r\nCorrelation ID: " + correlationId + "\r\nTimestamp: " + timestamp);
		body.putArray("error_codes").add(error.aadstsCode());
		body.put("timestamp", timestamp);
		body.put("trace_id", request.requestId());
		body.put("correlation_id", correlationId);
		body.put("error_uri", authorityHost + "/error?code=" + error.aadstsCode());
		if (error.suberror() != null) {
			body.put("suberror", error.suberror());
		}
		return headers(request, SandboxResponse.json(error.status(), body, JSON));
	}

	static SandboxResponse headers(SandboxRequest request, SandboxResponse response) {
		return response.withHeader("Cache-Control", "no-store, no-cache")
			.withHeader("Pragma", "no-cache")
			.withHeader("x-ms-request-id", request.requestId())
			.withHeader("client-request-id", correlationId(request));
	}

	private static String correlationId(SandboxRequest request) {
		String clientRequestId = request.header("client-request-id");
		return (clientRequestId != null) ? clientRequestId : request.requestId();
	}

}
