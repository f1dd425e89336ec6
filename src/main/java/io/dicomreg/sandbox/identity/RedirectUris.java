package io.dicomreg.sandbox.identity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Objects;

/**
 * Matches a redirect_uri against registered ones with Entra's loopback rule: for http://localhost and
 * http://127.0.0.1 the port is ignored.
 */
final class RedirectUris {

	private RedirectUris() {
	}

	static boolean isLoopback(String uri) {
		URI parsed = parse(uri);
		return parsed != null && "http".equalsIgnoreCase(parsed.getScheme())
				&& ("localhost".equalsIgnoreCase(parsed.getHost()) || "127.0.0.1".equals(parsed.getHost()));
	}

	static boolean isBareLoopback(String uri) {
		URI parsed = parse(uri);
		return isLoopback(uri) && normalizedPath(parsed).equals("/") && parsed.getRawQuery() == null;
	}

	static boolean matchesAny(String requested, List<String> registered) {
		return registered.stream().anyMatch((candidate) -> matches(requested, candidate));
	}

	static boolean matches(String requested, String registered) {
		if (requested.equals(registered)) {
			return true;
		}
		if (!isLoopback(requested) || !isLoopback(registered)) {
			return false;
		}
		URI left = parse(requested);
		URI right = parse(registered);
		return left.getHost().equalsIgnoreCase(right.getHost()) && normalizedPath(left).equals(normalizedPath(right))
				&& Objects.equals(left.getRawQuery(), right.getRawQuery());
	}

	private static String normalizedPath(URI uri) {
		String path = uri.getRawPath();
		return (path == null || path.isEmpty()) ? "/" : path;
	}

	private static URI parse(String uri) {
		try {
			return new URI(uri);
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
