package io.dicomreg.sandbox.http;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One rule of injected faults: which requests it matches (method, path prefix) and what they get instead of the real
 * answer. Written with the SPEC syntax of {@link FaultSpec}, or made by tests.
 */
public final class Fault {

	/** What a matching request gets. */
	public enum Kind {

		/** A status in the service's error format, with Retry-After when set. */
		STATUS,

		/** The connection closed without an answer. */
		RESET,

		/** The real answer, after a pause. */
		DELAY,

		/** 404 for a request that names an object created less than a while ago. */
		NOT_FOUND_FRESH,

		/**
		 * 400 for a service principal POST whose {@code appId} names an application created less than a while ago:
		 * Entra ID's refusal while a new application replicates.
		 */
		UNREPLICATED,

		/**
		 * The real answer is made (a change is made and saved), then the process running the sandbox ends at once,
		 * as {@code kill -9} would end it, before anything is answered.
		 */
		KILL

	}

	/** The exit status of a process a kill fault ends: that of a process ended by SIGKILL. */
	public static final int KILLED_STATUS = 137;

	/** The method word that matches every request that may change something: POST, PATCH, PUT, DELETE. */
	static final String WRITE = "WRITE";

	/** {@link #remaining} for a rule that matches every request. */
	static final int ALWAYS = -1;

	private final String method;

	private final String pathPrefix;

	private final Pattern path;

	private final Kind kind;

	private final int status;

	private final Duration retryAfter;

	private final Duration duration;

	private int remaining;

	private int skip;

	Fault(String method, String pathPrefix, Kind kind, int status, Duration retryAfter, Duration duration,
			int remaining) {
		this.method = method;
		this.pathPrefix = pathPrefix;
		this.path = prefixPattern(pathPrefix);
		this.kind = kind;
		this.status = status;
		this.retryAfter = retryAfter;
		this.duration = duration;
		this.remaining = remaining;
	}

	/** The same rule letting the first {@code skip} matching requests through. */
	Fault skipping(int skip) {
		Fault copy = copy();
		copy.skip = skip;
		return copy;
	}

	/**
	 * A status fault, as tests inject them.
	 * @param method the HTTP method, or null or "*" for any
	 * @param pathPrefix the start of the path with its query, e.g. /v1.0/applications; {@code *} matches any
	 * characters but / and ?
	 * @param status the status to answer
	 * @param times how many matching requests get it
	 * @param retryAfter the Retry-After to send, may be null
	 * @return the fault
	 */
	public static Fault status(String method, String pathPrefix, int status, int times, Duration retryAfter) {
		return new Fault(method, pathPrefix, Kind.STATUS, status, retryAfter, null, times);
	}

	public Kind kind() {
		return this.kind;
	}

	public int status() {
		return this.status;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

	/** How long a delay lasts, or how long a new object stays unseen. */
	public Duration duration() {
		return this.duration;
	}

	/** A fresh copy with its count reset, so that one parsed SPEC can serve several sandboxes. */
	Fault copy() {
		Fault copy = new Fault(this.method, this.pathPrefix, this.kind, this.status, this.retryAfter, this.duration,
				this.remaining);
		copy.skip = this.skip;
		return copy;
	}

	boolean matches(SandboxRequest request) {
		boolean anyMethod = this.method == null || "*".equals(this.method);
		boolean write = WRITE.equals(this.method) && !"GET".equalsIgnoreCase(request.method())
				&& !"HEAD".equalsIgnoreCase(request.method());
		return (anyMethod || write || this.method.equalsIgnoreCase(request.method()))
				&& this.path.matcher(request.pathAndQuery()).lookingAt();
	}

	/** Counts one use, or one request let through while skipping; the caller holds the injector's lock. */
	boolean use() {
		if (this.skip > 0) {
			this.skip--;
			return false;
		}
		if (this.remaining == ALWAYS) {
			return true;
		}
		if (this.remaining <= 0) {
			return false;
		}
		this.remaining--;
		return true;
	}

	boolean usedUp() {
		return this.remaining == 0;
	}

	private static Pattern prefixPattern(String prefix) {
		StringBuilder regex = new StringBuilder();
		for (String part : prefix.split("\\*", -1)) {
			if (regex.length() > 0 || prefix.startsWith("*")) {
				regex.append("[^/?]*");
			}
			regex.append(Pattern.quote(part));
		}
		return Pattern.compile(regex.toString());
	}

	@Override
	public String toString() {
		String what = switch (this.kind) {
			case STATUS -> Integer.toString(this.status);
			case RESET -> "reset";
			case DELAY -> "delay";
			case NOT_FOUND_FRESH -> "404-fresh";
			case UNREPLICATED -> "400-unreplicated";
			case KILL -> "kill";
		};
		return ((this.method != null) ? this.method.toUpperCase(Locale.ROOT) : "*") + " " + this.pathPrefix + " " + what;
	}

}
