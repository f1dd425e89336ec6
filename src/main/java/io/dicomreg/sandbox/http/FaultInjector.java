package io.dicomreg.sandbox.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Faults waiting to be answered instead of the real response, so clients can prove their retry handling.
 */
public final class FaultInjector {

	private final List<Fault> faults = new ArrayList<>();

	/**
	 * Queues a fault.
	 * @param method the HTTP method to match, any when null or "*"
	 * @param pathPrefix the start of the path (with query) to match
	 * @param status the status to answer
	 * @param times how many matching requests to fail
	 * @param retryAfter the Retry-After to send, may be null
	 */
	public synchronized void add(String method, String pathPrefix, int status, int times, Duration retryAfter) {
		if (times > 0) {
			this.faults.add(new Fault(method, pathPrefix, status, times, retryAfter));
		}
	}

	/**
	 * Takes the first fault matching a request, if any.
	 * @param request the request
	 * @return the fault to answer
	 */
	public synchronized Optional<Fault> take(SandboxRequest request) {
		Iterator<Fault> iterator = this.faults.iterator();
		while (iterator.hasNext()) {
			Fault fault = iterator.next();
			if (fault.matches(request)) {
				fault.remaining--;
				if (fault.remaining == 0) {
					iterator.remove();
				}
				return Optional.of(fault);
			}
		}
		return Optional.empty();
	}

	/**
	 * One injected fault.
	 */
	public static final class Fault {

		private final String method;

		private final String pathPrefix;

		private final int status;

		private final Duration retryAfter;

		private int remaining;

		Fault(String method, String pathPrefix, int status, int remaining, Duration retryAfter) {
			this.method = method;
			this.pathPrefix = pathPrefix;
			this.status = status;
			this.remaining = remaining;
			this.retryAfter = retryAfter;
		}

		public int status() {
			return this.status;
		}

		public Duration retryAfter() {
			return this.retryAfter;
		}

		boolean matches(SandboxRequest request) {
			boolean anyMethod = this.method == null || "*".equals(this.method);
			return (anyMethod || this.method.equalsIgnoreCase(request.method()))
					&& request.pathAndQuery().startsWith(this.pathPrefix);
		}

	}

}
