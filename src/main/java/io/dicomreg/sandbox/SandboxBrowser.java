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
 * Plays the browser for a sandbox sign-in as its owner: opens the authorize URL, submits the sign-in page with the
 * owner secret, and submits the form_post page it answers to the client's loopback redirect URI, so MSAL's
 * interactive flow completes without a real browser.
 */
final class SandboxBrowser {

	private static final Pattern FORM = Pattern.compile("<form method=\"post\" name=\"([^\"]*)\" action=\"([^\"]*)\">");

	/** The name of the sign-in page's form; the page that posts the answer to the client has another. */
	private static final String SIGN_IN_FORM = "signin";

	private static final Pattern INPUT = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\" />");

	private static final String OWNER_SECRET = "owner_secret";

	private static final String USERNAME = "username";

	private static final Pattern PROBLEM = Pattern.compile("<p id=\"error\">([^<]*)</p>");

	private final HttpClient client;

	private final String ownerSecret;

	SandboxBrowser(SSLContext sslContext, String ownerSecret) {
		this.ownerSecret = ownerSecret;
		this.client = HttpClient.newBuilder()
			.sslContext(sslContext)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	/**
	 * Opens an authorize URL of the sandbox, signs in on its page with the owner secret, and posts the sign-in
	 * result to the redirect URI.
	 * @param authorizeUrl the URL MSAL asked to open
	 * @param userPrincipalName the user to sign in as, or null for the client's login_hint, else the administrator
	 * @return the status the redirect URI answered
	 * @throws IllegalStateException when the sandbox answers an error page instead of a form, or its sign-in page
	 * again (the user does not exist)
	 */
	int open(URI authorizeUrl, String userPrincipalName) {
		Form signIn = form(send(HttpRequest.newBuilder(authorizeUrl).GET()));
		if (!SIGN_IN_FORM.equals(signIn.name())) {
			// An invalid request goes straight back to the client, without a sign-in page.
			return submit(signIn).statusCode();
		}
		signIn.fields().put(OWNER_SECRET, this.ownerSecret);
		if (userPrincipalName != null) {
			signIn.fields().put(USERNAME, userPrincipalName);
		}
		HttpResponse<String> answer = submit(signIn);
		if (answer.statusCode() == 302) {
			String location = answer.headers().firstValue("Location").orElseThrow();
			return send(HttpRequest.newBuilder(URI.create(location)).GET()).statusCode();
		}
		Form result = form(answer);
		if (SIGN_IN_FORM.equals(result.name())) {
			Matcher problem = PROBLEM.matcher(answer.body());
			throw new IllegalStateException("The sandbox refused the sign-in (HTTP " + answer.statusCode() + "): "
					+ (problem.find() ? unescape(problem.group(1)) : answer.body()));
		}
		return submit(result).statusCode();
	}

	private static Form form(HttpResponse<String> response) {
		String page = response.body();
		Matcher form = FORM.matcher(page);
		if (!form.find()) {
			throw new IllegalStateException("The sandbox did not answer a sign-in form (HTTP " + response.statusCode()
					+ "): " + page);
		}
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher input = INPUT.matcher(page);
		while (input.find()) {
			fields.put(unescape(input.group(1)), unescape(input.group(2)));
		}
		return new Form(form.group(1), URI.create(unescape(form.group(2))), fields);
	}

	private HttpResponse<String> submit(Form form) {
		String body = form.fields().entrySet().stream()
			.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(form.action())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
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

	private record Form(String name, URI action, Map<String, String> fields) {

	}

}
