package io.dicomreg.graph;

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
		String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		return DicomregException.failure(what + " failed: " + message, cause);
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
