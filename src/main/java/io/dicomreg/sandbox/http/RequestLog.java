package io.dicomreg.sandbox.http;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.dicomreg.sandbox.RecordedRequest;

/**
 * Every request the server answered, in order.
 */
public final class RequestLog {

	private static final Set<String> WRITE_METHODS = Set.of("POST", "PATCH", "PUT", "DELETE");

	private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	public void record(SandboxRequest request, int status) {
		boolean graphWrite = WRITE_METHODS.contains(request.method()) && isGraph(request.path());
		this.requests.add(new RecordedRequest(request.method(), request.pathAndQuery(), status, graphWrite));
	}

	public List<RecordedRequest> snapshot() {
		return List.copyOf(this.requests);
	}

	public void clear() {
		this.requests.clear();
	}

	static boolean isGraph(String path) {
		return path.equals("/v1.0") || path.startsWith("/v1.0/");
	}

}
