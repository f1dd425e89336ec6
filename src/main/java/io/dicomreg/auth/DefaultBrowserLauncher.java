package io.dicomreg.auth;

import java.awt.Desktop;
import java.net.URI;
import java.net.URL;
import java.util.function.Consumer;

import com.microsoft.aad.msal4j.OpenBrowserAction;

import io.dicomreg.config.Endpoints;

/**
 * Opens the system browser for a real cloud, and plays the browser itself for the sandbox tenant,
 * whose sign-in page approves at once.
 */
public class DefaultBrowserLauncher implements BrowserLauncher {

	@Override
	public OpenBrowserAction openBrowserAction(Endpoints endpoints, Consumer<String> messages) {
		if (endpoints.isSandbox()) {
			return new SandboxBrowser(endpoints.sslContext(), messages);
		}
		return url -> openSystemBrowser(url, messages);
	}

	private static void openSystemBrowser(URL url, Consumer<String> messages) {
		messages.accept("Opening the sign-in page in your browser. If it does not open, visit:" + System.lineSeparator()
				+ url);
		try {
			if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
				Desktop.getDesktop().browse(URI.create(url.toString()));
			}
		}
		catch (Exception ex) {
			// The address was printed above; the user can open it by hand.
		}
	}

}
