package io.dicomreg.apps;

/**
 * Names the client type as the tutorial does.
 */
final class ClientTypes {

	private ClientTypes() {
	}

	/**
	 * {@code public} when "Allow public client flows" is on (a client that keeps no secret),
	 * {@code confidential} otherwise (it proves itself with a secret or a certificate).
	 */
	static String of(boolean isFallbackPublicClient) {
		return isFallbackPublicClient ? "public" : "confidential";
	}

}
