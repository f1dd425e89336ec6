package io.dicomreg.apps;

import java.util.List;

/**
 * The outcome of removing one redirect URI.
 *
 * @param app the application
 * @param redirectUri the redirect URI asked for, exactly as given
 * @param removedFrom the platforms it was removed from; empty when no platform had it
 * @param differingInCase redirect URIs of the application equal to it but for case (never
 * removed: Entra ID compares redirect URIs case-sensitively)
 * @param changed whether anything was written
 */
public record RedirectUriRemoval(AppRef app, String redirectUri, List<Platform> removedFrom,
		List<String> differingInCase, boolean changed) {

	public RedirectUriRemoval {
		removedFrom = List.copyOf(removedFrom);
		differingInCase = List.copyOf(differingInCase);
	}

}
