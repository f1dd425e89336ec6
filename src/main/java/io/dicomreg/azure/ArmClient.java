package io.dicomreg.azure;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import io.dicomreg.auth.SignInService;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.config.Endpoints;
import io.dicomreg.config.HttpConnections;
import io.dicomreg.error.DicomregException;

/**
 * Azure Resource Manager's REST API, with tokens for ARM from the signed-in context (a user's from the same account,
 * asked for silently; a service principal's from its credential). Built on first use, like the Graph client. GETs
 * follow {@code nextLink}; 429, 503 and 504 are retried after their {@code Retry-After} (every request it sends is
 * idempotent: reads, PUTs of a named resource and DELETEs). Failures become one line with ARM's code, message and
 * request id.
 */
public class ArmClient {

	/** The delegated scope of ARM a user's token needs. */
	static final String USER_IMPERSONATION = "user_impersonation";

	private static final Set<Integer> RETRIED = Set.of(429, 503, 504);

	private static final int ATTEMPTS = 4;

	private static final Duration LONGEST_RETRY_AFTER = Duration.ofSeconds(30);

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final MediaType JSON_TYPE = MediaType.get("application/json");

	private final ConnectionTarget target;

	private final SignInService signIn;

	private OkHttpClient http;

	public ArmClient(ConnectionTarget target, SignInService signIn) {
		this.target = target;
		this.signIn = signIn;
	}

	/** A query parameter's value, encoded for a URL. */
	public static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** GETs {@code path} (with its query), which must exist. */
	public JsonNode get(String path) {
		return send("GET", path, null).orElseThrow();
	}

	/** GETs {@code path}; empty when ARM answers 404. */
	public Optional<JsonNode> find(String path) {
		try {
			return send("GET", path, null);
		}
		catch (ArmException ex) {
			if (ex.status() == 404) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	/** Every item of a list, following {@code nextLink}. */
	public List<JsonNode> list(String path) {
		List<JsonNode> items = new ArrayList<>();
		String next = path;
		while (next != null) {
			JsonNode page = get(next);
			page.path("value").forEach(items::add);
			String link = page.path("nextLink").asText(null);
			next = (link != null && !link.isBlank()) ? relative(link) : null;
		}
		return items;
	}

	/** PUTs {@code body} to {@code path}. */
	public JsonNode put(String path, JsonNode body) {
		return send("PUT", path, body).orElseGet(JSON::createObjectNode);
	}

	/** DELETEs {@code path}; the deleted resource when ARM answers with it, empty for 204 (already gone). */
	public Optional<JsonNode> delete(String path) {
		return send("DELETE", path, null);
	}

	private Optional<JsonNode> send(String method, String path, JsonNode body) {
		Endpoints endpoints = this.target.endpoints();
		URI uri = URI.create(endpoints.armEndpoint().toString().replaceAll("/+$", "") + path);
		for (int attempt = 1;; attempt++) {
			Request.Builder request = new Request.Builder().url(uri.toString())
				.header("Authorization", "Bearer " + this.signIn.resourceToken(endpoints.armResource(), USER_IMPERSONATION)
					.value())
				.header("Accept", "application/json");
			if (body != null) {
				request.method(method, RequestBody.create(body.toString(), JSON_TYPE));
			}
			else {
				request.method(method, "GET".equals(method) ? null : RequestBody.create(new byte[0]));
			}
			Answer response;
			this.target.requests().arm();
			try (Response sent = http(endpoints).newCall(request.build()).execute()) {
				response = new Answer(sent.code(), sent.header("x-ms-request-id"), sent.header("Retry-After"),
						sent.body().string());
			}
			catch (IOException ex) {
				throw network(ex);
			}
			if (RETRIED.contains(response.status()) && attempt < ATTEMPTS) {
				pause(retryAfter(response));
				continue;
			}
			return answer(response);
		}
	}

	/** What ARM answered: status, request id, {@code Retry-After} and body. */
	private record Answer(int status, String requestId, String retryAfter, String body) {
	}

	private static Optional<JsonNode> answer(Answer response) {
		String requestId = response.requestId();
		int status = response.status();
		JsonNode json = null;
		if (response.body() != null && !response.body().isBlank()) {
			try {
				json = JSON.readTree(response.body());
			}
			catch (IOException ex) {
				json = null;
			}
		}
		if (status >= 200 && status < 300) {
			return Optional.ofNullable((status == 204) ? null : json);
		}
		JsonNode error = (json != null) ? json.path("error") : null;
		String code = (error != null && error.hasNonNull("code")) ? error.path("code").asText() : "HTTP " + status;
		String message = (error != null && error.hasNonNull("message"))
				? error.path("message").asText().strip().replaceAll("\\s+", " ") : "no message";
		throw new ArmException(status, code, message, requestId);
	}

	private static Duration retryAfter(Answer response) {
		Optional<String> header = Optional.ofNullable(response.retryAfter());
		try {
			Duration wait = Duration.ofSeconds(Long.parseLong(header.orElse("1").strip()));
			return (wait.compareTo(LONGEST_RETRY_AFTER) > 0) ? LONGEST_RETRY_AFTER : wait;
		}
		catch (NumberFormatException ex) {
			return Duration.ofSeconds(1);
		}
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw DicomregException.failure("Interrupted while waiting for Azure Resource Manager.", ex);
		}
	}

	static DicomregException network(IOException failure) {
		if (Thread.currentThread().isInterrupted()) {
			return DicomregException.failure("Interrupted while waiting for Azure Resource Manager.", failure);
		}
		if (failure instanceof ConnectException || failure instanceof UnknownHostException
				|| failure instanceof NoRouteToHostException) {
			return DicomregException.failure("Cannot connect to Azure Resource Manager. Check the network, or the "
					+ "endpoint given with --arm-endpoint.", failure);
		}
		if (failure instanceof InterruptedIOException) {
			return DicomregException.failure("Azure Resource Manager did not answer in time. Run the command again: it "
					+ "looks at what is there first.", failure);
		}
		return DicomregException.failure("The connection to Azure Resource Manager ended before an answer came. Run the "
				+ "command again: it looks at what is there first.", failure);
	}

	/** {@code nextLink} as a path and query on the same host. */
	private static String relative(String link) {
		URI uri = URI.create(link);
		return uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
	}

	private synchronized OkHttpClient http(Endpoints endpoints) {
		if (this.http == null) {
			this.http = HttpConnections.client(endpoints, Duration.ofSeconds(30), Duration.ofSeconds(60));
		}
		return this.http;
	}

	/** Closes the connections to ARM (the context calls it when it closes). */
	public synchronized void close() {
		HttpConnections.close(this.http);
		this.http = null;
	}

	/** One line for a failed ARM call: what was being done, ARM's code and message, and the request id. */
	public static DicomregException translate(RuntimeException failure, String doing) {
		if (failure instanceof DicomregException dicomreg) {
			return dicomreg;
		}
		if (failure instanceof ArmException arm) {
			return DicomregException.service(doing + " failed: " + arm.code() + ": " + arm.getMessage()
					+ ((arm.requestId() != null) ? " (request-id: " + arm.requestId() + ")" : ""), arm.requestId(), arm);
		}
		return DicomregException.failure(doing + " failed: " + failure.getMessage(), failure);
	}

}
