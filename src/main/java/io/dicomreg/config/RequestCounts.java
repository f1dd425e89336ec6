package io.dicomreg.config;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many requests this run has sent to Microsoft Graph, to Azure Resource Manager and to the
 * sign-in service for tokens (the ones MSAL could not answer from its cache), for
 * {@code --verbose} and the benchmark. Each attempt counts, retries included.
 */
public final class RequestCounts {

	private final AtomicInteger graph = new AtomicInteger();

	private final AtomicInteger arm = new AtomicInteger();

	private final AtomicInteger tokens = new AtomicInteger();

	/** Counts one request sent to Microsoft Graph. */
	public void graph() {
		this.graph.incrementAndGet();
	}

	/** Counts one request sent to Azure Resource Manager. */
	public void arm() {
		this.arm.incrementAndGet();
	}

	/** Counts one token that came from the sign-in service rather than the token cache. */
	public void token() {
		this.tokens.incrementAndGet();
	}

	/** The counts so far. */
	public Counts now() {
		return new Counts(this.graph.get(), this.arm.get(), this.tokens.get());
	}

	/**
	 * Request counts at one moment, or between two.
	 *
	 * @param graph requests to Microsoft Graph
	 * @param arm requests to Azure Resource Manager
	 * @param tokens tokens from the sign-in service
	 */
	public record Counts(int graph, int arm, int tokens) {

		/** What was sent since {@code before}. */
		public Counts since(Counts before) {
			return new Counts(this.graph - before.graph, this.arm - before.arm, this.tokens - before.tokens);
		}

		/** The line {@code --verbose} prints after each command. */
		@Override
		public String toString() {
			return "Requests: " + this.graph + " to Microsoft Graph, " + this.arm + " to Azure Resource Manager, "
					+ this.tokens + " for tokens.";
		}

	}

}
