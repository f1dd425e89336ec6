package io.dicomreg.sandbox.graph;

import java.util.Set;

/**
 * Who is calling Graph, read from a validated access token.
 *
 * @param appId the client application (appid claim)
 * @param userObjectId the signed-in user, null for app-only calls
 * @param scopes delegated permissions (scp claim)
 * @param roles application permissions (roles claim)
 */
record Caller(String appId, String userObjectId, Set<String> scopes, Set<String> roles) {

	boolean isDelegated() {
		return this.userObjectId != null;
	}

	/**
	 * Whether the token carries any of the permissions, delegated or application.
	 * @param permissions permission values
	 * @return true when one is present
	 */
	boolean hasAny(Set<String> permissions) {
		Set<String> granted = isDelegated() ? this.scopes : this.roles;
		return permissions.stream().anyMatch(granted::contains);
	}

}
