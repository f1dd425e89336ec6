package io.dicomreg.auth;

import java.util.function.Consumer;

import com.microsoft.aad.msal4j.OpenBrowserAction;

import io.dicomreg.config.Endpoints;

/**
 * Chooses how the browser sign-in page is opened for a target.
 */
public interface BrowserLauncher {

	/** The action MSAL calls with the authorization URL; {@code messages} reaches the user. */
	OpenBrowserAction openBrowserAction(Endpoints endpoints, Consumer<String> messages);

}
