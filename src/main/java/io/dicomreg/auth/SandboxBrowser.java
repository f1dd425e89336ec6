package io.dicomreg.auth;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;

import com.microsoft.aad.msal4j.OpenBrowserAction;

/**
 * Stands in for a browser against the sandbox tenant: loads its sign-in page and submits the
 * form it returns to MSAL's loopback listener, as a browser would.
 */
class SandboxBrowser implements OpenBrowserAction {

	private static final Pattern FORM = Pattern.compile("<form[^>]*action=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);

	private static final Pattern INPUT = Pattern.compile("<input[^>]*>", Pattern.CASE_INSENSITIVE);

	private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

	private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

	private final SSLContext sslContext;

	private final Consumer<String> messages;

	SandboxBrowser(SSLContext sslContext, Consumer<String> messages) {
		this.sslContext = sslContext;
		this.messages = messages;
	}

	@Override
	public void openBrowser(URL url) {
		this.messages.accept("Sandbox: signing in through the sandbox sign-in page (no browser needed).");
		Thread browser = new Thread(() -> signIn(url), "sandbox-browser");
		browser.setDaemon(true);
		browser.start();
	}

	private void signIn(URL url) {
		try {
			HttpClient client = HttpClient.newBuilder().sslContext(this.sslContext).connectTimeout(Duration.ofSeconds(10)).build();
			String page = client.send(HttpRequest.newBuilder(url.toURI()).GET().build(), HttpResponse.BodyHandlers.ofString())
				.body();
			Matcher form = FORM.matcher(page);
			if (!form.find()) {
				this.messages.accept("Sandbox: the sign-in page returned no form.");
				return;
			}
			HttpRequest post = HttpRequest.newBuilder(URI.create(unescape(form.group(1))))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(formBody(page)))
				.build();
			client.send(post, HttpResponse.BodyHandlers.discarding());
		}
		catch (Exception ex) {
			this.messages.accept("Sandbox: the sign-in page could not be completed: " + ex.getClass().getSimpleName());
		}
	}

	private static String formBody(String page) {
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher input = INPUT.matcher(page);
		while (input.find()) {
			Matcher name = NAME.matcher(input.group());
			Matcher value = VALUE.matcher(input.group());
			if (name.find()) {
				fields.put(unescape(name.group(1)), value.find() ? unescape(value.group(1)) : "");
			}
		}
		return fields.entrySet()
			.stream()
			.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static String unescape(String html) {
		return html.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'")
			.replace("&amp;", "&");
	}

}
