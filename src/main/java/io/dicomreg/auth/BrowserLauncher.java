package io.dicomreg.auth;

import java.util.function.Consumer;

import com.microsoft.aad.msal4j.OpenBrowserAction;

import io.dicomreg.config.Endpoints;

/**
 * Chooses how the browser sign-in page is opened for a target.
 */
public interface BrowserLauncher {

	/**
	 * The action MSAL calls with the authorization URL.
	 * @param messages reaches the user
	 * @param failures receives, in one line, why a sign-in page that dicomreg completes itself (the
	 * sandbox's) could not be completed; MSAL then only knows that no code came back
	 */
	OpenBrowserAction openBrowserAction(Endpoints endpoints, Consumer<String> messages, Consumer<String> failures);

}
