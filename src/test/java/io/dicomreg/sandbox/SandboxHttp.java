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
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A small HTTP client for protocol-level tests against a {@link Sandbox}, trusting only its certificate.
 */
public final class SandboxHttp {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private final Sandbox server;

	private final HttpClient client;

	public SandboxHttp(Sandbox server) {
		this.server = server;
		this.client = HttpClient.newBuilder()
			.sslContext(server.clientSslContext())
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	public HttpClient client() {
		return this.client;
	}

	public Response get(String path, String token) {
		return send(builder(path, token).GET());
	}

	public Response post(String path, String token, Object body) {
		return send(builder(path, token).POST(json(body)).header("Content-Type", "application/json"));
	}

	public Response patch(String path, String token, Object body) {
		return send(builder(path, token).method("PATCH", json(body)).header("Content-Type", "application/json"));
	}

	public Response patch(String path, String token, Object body, String prefer) {
		return send(builder(path, token).method("PATCH", json(body))
			.header("Content-Type", "application/json")
			.header("Prefer", prefer));
	}

	public Response put(String path, String token, Object body) {
		return send(builder(path, token).PUT(json(body)).header("Content-Type", "application/json"));
	}

	public Response delete(String path, String token) {
		return send(builder(path, token).DELETE());
	}

	/**
	 * Posts an HTML form, as OAuth token requests are sent.
	 * @param path the path
	 * @param form the fields
	 * @return the response
	 */
	public Response postForm(String path, Map<String, String> form) {
		String body = form.entrySet().stream()
			.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(builder(path, null).POST(HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/x-www-form-urlencoded"));
	}

	public Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.client.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(response.statusCode(), response, response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public HttpRequest.Builder builder(String path, String token) {
		URI uri = path.startsWith("https://") ? URI.create(path) : URI.create(this.server.graphEndpoint() + path);
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	private static HttpRequest.BodyPublisher json(Object body) {
		try {
			String text = (body instanceof String string) ? string : MAPPER.writeValueAsString(body);
			return HttpRequest.BodyPublishers.ofString(text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * A response with its body parsed as JSON when it is JSON.
	 *
	 * @param status the status code
	 * @param raw the underlying response
	 * @param text the body text
	 */
	public record Response(int status, HttpResponse<String> raw, String text) {

		public JsonNode json() {
			try {
				return MAPPER.readTree(this.text);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Not JSON: " + this.text, ex);
			}
		}

		public String header(String name) {
			return this.raw.headers().firstValue(name).orElse(null);
		}

		public String errorCode() {
			return json().path("error").path("code").asText();
		}

		public String errorMessage() {
			return json().path("error").path("message").asText();
		}

	}

}
