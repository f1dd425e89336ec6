package io.dicomreg.cli;

/**
 * The {@code --app} option every application command takes.
 */
final class AppOption {

	/** Its help text. */
	static final String DESCRIPTION = "application: display name, client ID or object ID (default: the selected app)";

	private AppOption() {
	}

}
