package io.dicomreg.auth;

import java.time.Instant;

/**
 * An access token for Microsoft Graph and when it expires. Its text form never shows the token.
 */
public final class GraphToken {

	private final String value;

	private final Instant expiresOn;

	public GraphToken(String value, Instant expiresOn) {
		this.value = value;
		this.expiresOn = expiresOn;
	}

	/** The bearer token; only for an Authorization header, never for output or logs. */
	public String value() {
		return this.value;
	}

	public Instant expiresOn() {
		return this.expiresOn;
	}

	@Override
	public String toString() {
		return "GraphToken[expiresOn=" + this.expiresOn + "]";
	}

}
