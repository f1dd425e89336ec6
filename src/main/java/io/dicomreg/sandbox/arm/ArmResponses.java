package io.dicomreg.sandbox.arm;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.directory.Json;
import io.dicomreg.sandbox.http.SandboxRequest;
import io.dicomreg.sandbox.http.SandboxResponse;

/**
 * Writes ARM responses with ARM's headers, and errors in ARM's error format.
 */
final class ArmResponses {

	private static final String CONTENT_TYPE = "application/json; charset=utf-8";

	private static final DateTimeFormatter ROUTING_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private ArmResponses() {
	}

	static SandboxResponse json(int status, JsonNode body) {
		return SandboxResponse.json(status, body, CONTENT_TYPE);
	}

	static SandboxResponse error(ArmError error) {
		ObjectNode detail = Json.object();
		detail.put("code", error.code());
		detail.put("message", error.getMessage());
		ObjectNode body = Json.object();
		body.set("error", detail);
		SandboxResponse response = json(error.status(), body);
		if (error.challenge() != null) {
			response.withHeader("WWW-Authenticate", error.challenge());
		}
		return response;
	}

	/**
	 * Adds the headers every ARM response carries: the request id, the correlation id (the client's, or new), the
	 * routing id and no caching.
	 * @param request the request
	 * @param response the response
	 * @param now the sandbox's time
	 * @return the response
	 */
	static SandboxResponse withHeaders(SandboxRequest request, SandboxResponse response, Instant now) {
		String correlationId = request.header("x-ms-correlation-request-id");
		return response.withHeader("x-ms-request-id", request.requestId())
			.withHeader("x-ms-correlation-request-id", (correlationId != null) ? correlationId : request.requestId())
			.withHeader("x-ms-routing-request-id", "SANDBOX:" + ROUTING_TIME.format(now) + ":" + request.requestId())
			.withHeader("Cache-Control", "no-cache")
			.withHeader("Pragma", "no-cache")
			.withHeader("Expires", "-1");
	}

}
