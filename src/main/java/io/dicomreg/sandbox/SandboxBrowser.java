package io.dicomreg.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * Plays the browser for a sandbox sign-in: opens the authorize URL and submits the form_post page it answers to
 * the client's loopback redirect URI, so MSAL's interactive flow completes without a real browser.
 */
final class SandboxBrowser {

	private static final Pattern FORM = Pattern.compile("<form method=\"post\"[^>]* action=\"([^\"]*)\">");

	private static final Pattern INPUT = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\" />");

	private final HttpClient client;

	SandboxBrowser(SSLContext sslContext) {
		this.client = HttpClient.newBuilder()
			.sslContext(sslContext)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	/**
	 * Opens an authorize URL of the sandbox and posts the sign-in result to the redirect URI.
	 * @param authorizeUrl the URL MSAL asked to open
	 * @return the status the redirect URI answered
	 * @throws IllegalStateException when the sandbox answers an error page instead of a form
	 */
	int open(URI authorizeUrl) {
		String page = send(HttpRequest.newBuilder(authorizeUrl).GET()).body();
		Matcher form = FORM.matcher(page);
		if (!form.find()) {
			throw new IllegalStateException("The sandbox did not answer a sign-in form: " + page);
		}
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher input = INPUT.matcher(page);
		while (input.find()) {
			fields.put(unescape(input.group(1)), unescape(input.group(2)));
		}
		String body = fields.entrySet().stream()
			.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(unescape(form.group(1))))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		return send(post).statusCode();
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while signing in to the sandbox", ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String unescape(String html) {
		return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
			.replace("&amp;", "&");
	}

}
