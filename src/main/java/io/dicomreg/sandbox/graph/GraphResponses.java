package io.dicomreg.sandbox.graph;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.directory.Json;
import io.dicomreg.sandbox.directory.Times;
import io.dicomreg.sandbox.http.SandboxRequest;
import io.dicomreg.sandbox.http.SandboxResponse;

/**
 * Writes Graph responses with Graph's headers, and errors in Graph's error format.
 */
final class GraphResponses {

	static final String CONTENT_TYPE =
			"application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

	private GraphResponses() {
	}

	static SandboxResponse json(int status, JsonNode body) {
		return SandboxResponse.json(status, body, CONTENT_TYPE);
	}

	/**
	 * The answer to {@code /$count}: the number alone, as text/plain.
	 * @param count the number
	 * @return the response
	 */
	static SandboxResponse count(int count) {
		return new SandboxResponse(200, new LinkedHashMap<>(Map.of("Content-Type", "text/plain;charset=utf-8")),
				Integer.toString(count).getBytes(StandardCharsets.UTF_8));
	}

	static SandboxResponse error(SandboxRequest request, GraphError error, Instant now, String authorityHost) {
		ObjectNode innerError = Json.object();
		innerError.put("date", Times.innerErrorDate(now));
		innerError.put("request-id", request.requestId());
		innerError.put("client-request-id", clientRequestId(request));
		ObjectNode detail = Json.object();
		detail.put("code", error.code());
		detail.put("message", error.getMessage());
		if (error.detailCode() != null) {
			ObjectNode entry = detail.putArray("details").addObject();
			entry.put("code", error.detailCode());
			entry.put("message", error.getMessage());
			entry.put("target", error.target());
		}
		detail.set("innerError", innerError);
		ObjectNode body = Json.object();
		body.set("error", detail);
		SandboxResponse response = json(error.status(), body);
		if (error.status() == 401 && error.code().equals("InvalidAuthenticationToken")) {
			response.withHeader("WWW-Authenticate", "Bearer realm=\"\", authorization_uri=\"" + authorityHost
					+ "/common/oauth2/authorize\", client_id=\"00000003-0000-0000-c000-000000000000\"");
		}
		return response;
	}

	/**
	 * Adds the headers every Graph response carries.
	 * @param request the request
	 * @param response the response
	 * @return the response
	 */
	static SandboxResponse withHeaders(SandboxRequest request, SandboxResponse response) {
		return response.withHeader("request-id", request.requestId())
			.withHeader("client-request-id", clientRequestId(request))
			.withHeader("Cache-Control", "no-cache")
			.withHeader("OData-Version", "4.0")
			.withHeader("x-ms-ags-diagnostic", "{\"ServerInfo\":{\"DataCenter\":\"Sandbox\",\"Slice\":\"E\"}}");
	}

	private static String clientRequestId(SandboxRequest request) {
		String clientRequestId = request.header("client-request-id");
		return (clientRequestId != null) ? clientRequestId : request.requestId();
	}

}
