package io.dicomreg.graph;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.microsoft.graph.models.odataerrors.MainError;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ApiException;

import io.dicomreg.error.DicomregException;

/**
 * Turns a failed Graph call into one line: Graph's error code, its message and the request id.
 */
public final class GraphFailures {

	private GraphFailures() {
	}

	/**
	 * Translates {@code failure} from a Graph call; a {@link DicomregException} passes through.
	 * @param what what was being done, e.g. "Creating the application"
	 */
	public static RuntimeException translate(RuntimeException failure, String what) {
		Throwable cause = unwrap(failure);
		if (cause instanceof DicomregException dicomreg) {
			return dicomreg;
		}
		if (cause instanceof ODataError error) {
			return fromODataError(error, what);
		}
		if (cause instanceof ApiException api) {
			String requestId = requestId(api);
			return DicomregException.service(what + " failed: HTTP " + api.getResponseStatusCode()
					+ requestIdSuffix(requestId), requestId, api);
		}
		IOException network = network(failure);
		if (network != null) {
			return DicomregException.failure(what + " failed: " + networkReason(network), network);
		}
		String message = (cause.getMessage() != null) ? cause.getMessage().lines().findFirst().orElse("")
				: cause.getClass().getSimpleName();
		return DicomregException.failure(what + " failed: " + message, cause);
	}

	/** The first I/O failure in the chain of causes: the network, not Graph, ended the call. */
	private static IOException network(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof IOException io) {
				return io;
			}
		}
		return null;
	}

	/**
	 * Why the network ended a Graph call, in words and without the HTTP client's internals; a write
	 * may or may not have been carried out, so the advice is the rerun, which looks first.
	 */
	private static String networkReason(IOException failure) {
		if (failure instanceof UnknownHostException) {
			return "cannot find the host of Microsoft Graph (" + failure.getMessage() + "). Check the network, or the "
					+ "endpoint given with --graph-endpoint.";
		}
		if (failure instanceof ConnectException) {
			return "cannot connect to Microsoft Graph. Check the network, or the endpoint given with --graph-endpoint.";
		}
		if (failure instanceof SocketTimeoutException) {
			return "Microsoft Graph did not answer in time. Run the command again: it looks at what is there first.";
		}
		return "the connection to Microsoft Graph ended before an answer came. Run the command again: it looks at "
				+ "what is there first.";
	}

	/**
	 * Whether {@code failure} is Graph answering 404 Not Found: the first {@link ApiException} in its
	 * causes has that status.
	 */
	public static boolean isNotFound(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof ApiException api) {
				return api.getResponseStatusCode() == 404;
			}
		}
		return false;
	}

	private static DicomregException fromODataError(ODataError error, String what) {
		MainError main = error.getError();
		String code = (main != null && main.getCode() != null) ? main.getCode() : "HTTP " + error.getResponseStatusCode();
		String message = (main != null && main.getMessage() != null) ? main.getMessage().strip().replaceAll("\\s+", " ") : "no message";
		String requestId = (main != null && main.getInnerError() != null && main.getInnerError().getRequestId() != null)
				? main.getInnerError().getRequestId() : requestId(error);
		return DicomregException.service(what + " failed: " + code + ": " + message + requestIdSuffix(requestId),
				requestId, error);
	}

	private static String requestId(ApiException api) {
		Map<String, Set<String>> headers = api.getResponseHeaders();
		for (Map.Entry<String, Set<String>> header : headers.entrySet()) {
			if ("request-id".equalsIgnoreCase(header.getKey()) && !header.getValue().isEmpty()) {
				return List.copyOf(header.getValue()).get(0);
			}
		}
		return null;
	}

	private static String requestIdSuffix(String requestId) {
		return (requestId != null) ? " (request-id: " + requestId + ")" : "";
	}

	private static Throwable unwrap(Throwable failure) {
		Throwable current = failure;
		while (!(current instanceof ApiException) && !(current instanceof DicomregException) && current.getCause() != null
				&& current.getCause() != current) {
			current = current.getCause();
		}
		return current;
	}

}
