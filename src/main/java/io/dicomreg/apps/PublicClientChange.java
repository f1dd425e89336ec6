package io.dicomreg.apps;

/**
 * The outcome of turning "Allow public client flows" on or off.
 *
 * @param app the application
 * @param isFallbackPublicClient the setting now
 * @param changed whether it was written; {@code false} when it already was so
 */
public record PublicClientChange(AppRef app, boolean isFallbackPublicClient, boolean changed) {

	/** {@code public} or {@code confidential}, as the setting now makes it. */
	public String clientType() {
		return ClientTypes.of(this.isFallbackPublicClient);
	}

}
