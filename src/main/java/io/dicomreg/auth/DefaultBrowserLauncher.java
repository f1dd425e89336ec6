package io.dicomreg.auth;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

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
	public OpenBrowserAction openBrowserAction(Endpoints endpoints, Consumer<String> messages,
			Consumer<String> failures) {
		if (endpoints.isSandbox()) {
			return url -> signInToSandbox(url, messages, failures);
		}
		return url -> openSystemBrowser(url, messages);
	}

	/** The Entra error a sign-in page answered (AADSTS...), else the first line of what went wrong. */
	static String reason(RuntimeException ex) {
		String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		java.util.regex.Matcher error = java.util.regex.Pattern.compile("AADSTS\\d+: [^<\\n\\\\\"]*").matcher(message);
		if (error.find()) {
			return error.group().strip();
		}
		String first = message.lines().findFirst().orElse("");
		return (first.length() > 200) ? first.substring(0, 200) + "..." : first;
	}

	private void signInToSandbox(URL url, Consumer<String> messages, Consumer<String> failures) {
		messages.accept("Sandbox: signing in through the sandbox sign-in page (no browser needed).");
		Sandbox sandbox = this.target.sandbox();
		// MSAL waits on its loopback listener after this returns; the form is posted to it meanwhile.
		Thread thread = new Thread(() -> {
			try {
				sandbox.playBrowser(URI.create(url.toString()));
			}
			catch (RuntimeException ex) {
				failures.accept(reason(ex));
				cancel(url, reason(ex));
			}
		}, "sandbox-browser");
		thread.setDaemon(true);
		thread.start();
	}

	/**
	 * Tells MSAL's loopback listener that the sign-in ended in an error, as a person closing the
	 * error page would by going back to the application: without it MSAL waits minutes for a reply.
	 */
	private static void cancel(URL authorizeUrl, String reason) {
		Map<String, String> query = new HashMap<>();
		String rawQuery = URI.create(authorizeUrl.toString()).getRawQuery();
		for (String pair : (rawQuery != null) ? rawQuery.split("&") : new String[0]) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				query.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		String redirectUri = query.get("redirect_uri");
		if (redirectUri == null || !redirectUri.startsWith("http://localhost")) {
			return;
		}
		String answer = redirectUri + "?error=access_denied&error_description="
				+ URLEncoder.encode(reason, StandardCharsets.UTF_8)
				+ ((query.get("state") != null) ? "&state=" + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8) : "");
		try {
			HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(answer)).timeout(Duration.ofSeconds(10)).GET()
				.build(), HttpResponse.BodyHandlers.discarding());
		}
		catch (IOException | RuntimeException ex) {
			// MSAL then times out as it would have anyway.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
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
