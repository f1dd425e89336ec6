package io.dicomreg.apps;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of adding redirect URIs to a platform.
 *
 * @param app the application
 * @param platform the platform added to
 * @param added the redirect URIs that were missing and are now there
 * @param alreadyPresent those asked for that the platform already had
 * @param redirectUris the platform's redirect URIs now
 * @param changed whether anything was written
 */
public record RedirectUrisAdded(AppRef app, Platform platform, List<String> added, List<String> alreadyPresent,
		List<String> redirectUris, boolean changed) {

	public RedirectUrisAdded {
		added = List.copyOf(added);
		alreadyPresent = List.copyOf(alreadyPresent);
		redirectUris = List.copyOf(redirectUris);
	}

	/** Whether an added redirect URI uses {@code localhost}, for which Microsoft advises 127.0.0.1. */
	public boolean addsLocalhost() {
		return this.added.stream().anyMatch(RedirectUrisAdded::isLocalhost);
	}

	private static boolean isLocalhost(String uri) {
		try {
			String host = URI.create(uri).getHost();
			return host != null && host.toLowerCase(Locale.ROOT).equals("localhost");
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
