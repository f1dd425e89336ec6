package io.dicomreg.sandbox.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.directory.Json;
import io.dicomreg.sandbox.http.SandboxRequest;

/**
 * One authenticated ARM request on its way to an endpoint.
 *
 * @param request the HTTP request
 * @param caller who is calling
 * @param context the ARM context
 */
record ArmCall(SandboxRequest request, ArmCaller caller, ArmContext context) {

	/**
	 * The JSON object in the body.
	 * @return the body
	 * @throws ArmError 400 InvalidRequestContent when it is not a JSON object
	 */
	ObjectNode body() {
		try {
			JsonNode node = Json.parse(this.request.body());
			if (node.isObject()) {
				return (ObjectNode) node;
			}
			throw invalidContent("the content is not a JSON object");
		}
		catch (IllegalArgumentException ex) {
			throw invalidContent(ex.getMessage());
		}
	}

	/**
	 * A query parameter, its name compared ignoring case as ARM does for {@code $filter} and {@code $skipToken}.
	 * @param name the parameter name
	 * @return the decoded value, or null
	 */
	String query(String name) {
		return this.request.query().entrySet().stream()
			.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
			.map((entry) -> entry.getValue())
			.findFirst()
			.orElse(null);
	}

	static ArmError invalidContent(String reason) {
		return ArmError.badRequest("InvalidRequestContent",
				"The request content was invalid and could not be deserialized: '" + reason + "'.");
	}

}
