package io.dicomreg.apps.credentials;

import java.nio.file.Path;

import io.dicomreg.apps.AppRef;

/**
 * A client secret just added. Its text form never shows the value.
 *
 * @param app the application it was added to
 * @param secret the new secret as it will be listed
 * @param savedTo the file the value was written to, or {@code null} when the value is returned
 * @param secretText the value, only when it was not saved to a file: show it once, never log it
 * @param changed always {@code true}: every call adds a secret
 */
public record AddedSecret(AppRef app, ClientSecret secret, Path savedTo, String secretText, boolean changed) {

	@Override
	public String toString() {
		return "AddedSecret[app=" + this.app + ", secret=" + this.secret + ", savedTo=" + this.savedTo
				+ ", secretText=" + ((this.secretText != null) ? "(hidden)" : "null") + ", changed=" + this.changed + "]";
	}

}
