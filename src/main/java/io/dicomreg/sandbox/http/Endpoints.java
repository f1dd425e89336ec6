package io.dicomreg.sandbox.http;

import java.time.Duration;

import io.dicomreg.sandbox.Sandbox;

/**
 * One family of endpoints (sign-in or Graph) and how it answers failures in its own error format.
 */
public interface Endpoints {

	/**
	 * Answers a request.
	 * @param request the request
	 * @return the response
	 */
	SandboxResponse handle(SandboxRequest request);

	/**
	 * Answers an injected fault, such as throttling.
	 * @param request the request
	 * @param status the status to answer
	 * @param retryAfter the Retry-After to send, may be null
	 * @return the response
	 */
	SandboxResponse fault(SandboxRequest request, int status, Duration retryAfter);

	/**
	 * Answers a request that names an object the service has not replicated yet: by default a plain 400 fault.
	 * @param request the request
	 * @return the response
	 */
	default SandboxResponse unreplicated(SandboxRequest request) {
		return fault(request, 400, null);
	}

	/**
	 * Answers an unexpected failure of the sandbox itself.
	 * @param request the request
	 * @param failure what went wrong
	 * @return a 500 response
	 */
	SandboxResponse failure(SandboxRequest request, RuntimeException failure);

	/**
	 * The message of a failure answer: a state file that cannot be used says so in its own one line, naming the
	 * file; anything else is a failure of the sandbox.
	 * @param failure what went wrong
	 * @return the message
	 */
	static String failureMessage(RuntimeException failure) {
		if (failure instanceof Sandbox.StateException state) {
			return state.getMessage();
		}
		return "The sandbox failed to handle the request: " + failure;
	}

}
