package io.dicomreg.auth;

import java.awt.Desktop;
import java.net.URI;
import java.net.URL;
import java.util.function.Consumer;

import com.microsoft.aad.msal4j.OpenBrowserAction;

import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.config.Endpoints;
import io.dicomreg.sandbox.Sandbox;

/**
 * Opens the system browser for a real cloud, and plays the browser itself for the sandbox tenant, as its
 * owner (the sandbox enters the owner secret on its own sign-in page).
 */
public class DefaultBrowserLauncher implements BrowserLauncher {

	private final ConnectionTarget target;

	public DefaultBrowserLauncher(ConnectionTarget target) {
		this.target = target;
	}

	@Override
	public OpenBrowserAction openBrowserAction(Endpoints endpoints, Consumer<String> messages) {
		if (endpoints.isSandbox()) {
			return url -> signInToSandbox(url, messages);
		}
		return url -> openSystemBrowser(url, messages);
	}

	private void signInToSandbox(URL url, Consumer<String> messages) {
		messages.accept("Sandbox: signing in through the sandbox sign-in page (no browser needed).");
		Sandbox sandbox = this.target.sandbox();
		// MSAL waits on its loopback listener after this returns; the form is posted to it meanwhile.
		Thread thread = new Thread(() -> {
			try {
				sandbox.playBrowser(URI.create(url.toString()));
			}
			catch (RuntimeException ex) {
				messages.accept("Sandbox: the sign-in page could not be completed: " + ex.getClass().getSimpleName());
			}
		}, "sandbox-browser");
		thread.setDaemon(true);
		thread.start();
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
