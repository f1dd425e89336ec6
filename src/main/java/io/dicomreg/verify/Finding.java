package io.dicomreg.verify;

/**
 * One thing {@code app audit} found wrong with an app.
 *
 * @param app the app's display name
 * @param appId its client ID
 * @param severity error (the app cannot work, or a credential expired) or warning
 * @param finding what is wrong
 * @param fix the command that fixes it
 */
public record Finding(String app, String appId, Severity severity, String finding, String fix) {

	/** How bad a finding is. */
	public enum Severity {

		ERROR("error"), WARNING("warning");

		private final String word;

		Severity(String word) {
			this.word = word;
		}

		public String word() {
			return this.word;
		}

	}

}
