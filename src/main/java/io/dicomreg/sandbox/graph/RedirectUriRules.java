package io.dicomreg.sandbox.graph;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Entra ID's redirect URI rules: https (http only for localhost), custom schemes for public clients, at most 256
 * characters, at most 256 URIs (100 with personal accounts), no {@code ! $ ' ( ) , ;}, no [::1], and wildcards and
 * query strings only for work or school audiences.
 */
final class RedirectUriRules {

	static final List<String> PLATFORMS = List.of("web", "spa", "publicClient");

	private static final int MAX_LENGTH = 256;

	private static final String FORBIDDEN_CHARACTERS = "!$'(),;";

	private static final String OUT_OF_BAND = "urn:ietf:wg:oauth:2.0:oob";

	private RedirectUriRules() {
	}

	static void check(ObjectNode application) {
		boolean personal = ApplicationDefaults.hasPersonalAccounts(application.path("signInAudience").asText());
		int limit = personal ? 100 : 256;
		int count = 0;
		Set<String> seen = new HashSet<>();
		for (String platform : PLATFORMS) {
			for (JsonNode uri : application.path(platform).path("redirectUris")) {
				count++;
				if (count > limit || !isValid(uri.asText(), platform, personal)) {
					throw GraphError.invalidValue(platform, "Application");
				}
				// Entra refuses one URI on two platforms (or twice on one).
				if (!seen.add(uri.asText())) {
					throw GraphError.badRequest("Redirect URIs must have distinct values.");
				}
			}
		}
	}

	static boolean isValid(String uri, String platform, boolean personal) {
		if (uri.isEmpty() || uri.length() > MAX_LENGTH || uri.chars().anyMatch((c) -> FORBIDDEN_CHARACTERS.indexOf(c) >= 0)
				|| uri.contains("#") || uri.contains("[::1]")) {
			return false;
		}
		if (uri.contains("*")) {
			return !personal && hasWebScheme(uri);
		}
		if (platform.equals("publicClient") && uri.equals(OUT_OF_BAND)) {
			return true;
		}
		URI parsed;
		try {
			parsed = new URI(uri);
		}
		catch (URISyntaxException ex) {
			return false;
		}
		if (parsed.getScheme() == null || (personal && parsed.getRawQuery() != null)) {
			return false;
		}
		return schemeAllowed(parsed, platform);
	}

	private static boolean schemeAllowed(URI uri, String platform) {
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		if (scheme.equals("https")) {
			return uri.getHost() != null;
		}
		if (scheme.equals("http")) {
			return "localhost".equalsIgnoreCase(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
		}
		return platform.equals("publicClient");
	}

	private static boolean hasWebScheme(String uri) {
		String lower = uri.toLowerCase(Locale.ROOT);
		return lower.startsWith("https://");
	}

}
