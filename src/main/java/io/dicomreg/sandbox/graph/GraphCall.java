package io.dicomreg.sandbox.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.directory.Json;
import io.dicomreg.sandbox.http.SandboxRequest;

/**
 * One authenticated Graph request on its way to an endpoint.
 *
 * @param request the HTTP request
 * @param caller who is calling
 * @param context the Graph context
 */
record GraphCall(SandboxRequest request, Caller caller, GraphContext context) {

	/**
	 * The JSON object in the body.
	 * @return the body
	 */
	ObjectNode body() {
		return body(false);
	}

	/**
	 * The JSON object in the body; for actions an empty body counts as {}.
	 * @param emptyAllowed whether an empty body is allowed
	 * @return the body
	 */
	ObjectNode body(boolean emptyAllowed) {
		byte[] bytes = this.request.body();
		if (emptyAllowed && new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
			return Json.object();
		}
		try {
			JsonNode node = Json.parse(bytes);
			if (node.isObject()) {
				return (ObjectNode) node;
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		throw GraphError.odataBadRequest("Unable to read JSON request payload. Please ensure Content-Type header is "
				+ "set and payload is of valid JSON format.");
	}

	String url(String path) {
		return this.context.baseUrl() + path;
	}

	String metadata(String fragment) {
		return this.context.baseUrl() + "/$metadata#" + fragment;
	}

}
