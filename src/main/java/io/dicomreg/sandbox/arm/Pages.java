package io.dicomreg.sandbox.arm;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.directory.Json;

/**
 * Pages a list result as ARM does: {@code {"value":[...],"nextLink":"..."}}, the next page named by an opaque
 * {@code $skipToken} in the same query.
 */
final class Pages {

	/** Items per page: fewer than ARM's, so that clients follow nextLink early. */
	static final int PAGE_SIZE = 20;

	private static final String SKIP_TOKEN = "$skipToken";

	private Pages() {
	}

	/**
	 * The page the request asks for.
	 * @param call the request
	 * @param items every item, in order
	 * @return the page, with a nextLink when more items follow
	 * @throws ArmError 400 InvalidSkipToken for a token the sandbox did not make
	 */
	static ObjectNode page(ArmCall call, List<? extends JsonNode> items) {
		int offset = offset(call.query(SKIP_TOKEN));
		ObjectNode page = Json.object();
		ArrayNode value = page.putArray("value");
		items.stream().skip(offset).limit(PAGE_SIZE).forEach(value::add);
		if (offset + PAGE_SIZE < items.size()) {
			page.put("nextLink", nextLink(call, offset + PAGE_SIZE));
		}
		return page;
	}

	private static int offset(String token) {
		if (token == null) {
			return 0;
		}
		try {
			String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
			if (text.startsWith("offset:")) {
				int offset = Integer.parseInt(text.substring("offset:".length()));
				if (offset >= 0) {
					return offset;
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		throw ArmError.badRequest("InvalidSkipToken", "The skip token '" + token + "' is invalid.");
	}

	private static String nextLink(ArmCall call, int offset) {
		String rawQuery = call.request().rawQuery();
		String others = (rawQuery == null) ? "" : Arrays.stream(rawQuery.split("&"))
			.filter((pair) -> !pair.isEmpty() && !pair.toLowerCase(Locale.ROOT).startsWith("$skiptoken=")
					&& !pair.toLowerCase(Locale.ROOT).startsWith("%24skiptoken="))
			.collect(Collectors.joining("&"));
		String token = Base64.getUrlEncoder().withoutPadding()
			.encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
		return call.context().baseUrl() + rawPath(call.request().path()) + "?" + (others.isEmpty() ? "" : others + "&")
				+ SKIP_TOKEN + "=" + token;
	}

	private static String rawPath(String path) {
		try {
			return new URI(null, null, path, null).getRawPath();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("Cannot encode the path " + path, ex);
		}
	}

}
