package io.dicomreg.sandbox.identity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.SandboxDirectory;
import io.dicomreg.sandbox.directory.Json;

/**
 * The outcome of reading a scope parameter: one resource, the permissions asked of it, and OpenID scopes.
 *
 * @param resource the resource's service principal
 * @param audience the aud of the access token
 * @param permissions permission values on the resource (scopes or, app-only, roles), canonical case
 * @param openIdScopes the OpenID Connect scopes asked for (openid, profile, email, offline_access)
 */
record ResolvedScopes(ObjectNode resource, String audience, List<String> permissions, Set<String> openIdScopes) {

	boolean isGraph() {
		return SandboxDirectory.GRAPH_APP_ID.equals(Json.text(this.resource, "appId"));
	}

	boolean offlineAccess() {
		return this.openIdScopes.contains("offline_access");
	}

	boolean openId() {
		return this.openIdScopes.contains("openid");
	}

	/**
	 * The scp claim: resource permissions, then the OpenID ones Graph tokens carry.
	 * @return space separated scopes
	 */
	String scpClaim() {
		Set<String> scopes = new LinkedHashSet<>(this.permissions);
		if (isGraph()) {
			this.openIdScopes.stream().filter((s) -> !s.equals("offline_access")).forEach(scopes::add);
		}
		return String.join(" ", scopes);
	}

	/**
	 * The scope field of the token response: Graph scopes short, other resources' as full URIs.
	 * @return space separated scopes
	 */
	String responseScope() {
		List<String> scopes = new ArrayList<>();
		for (String permission : this.permissions) {
			scopes.add(isGraph() ? permission : this.audience + "/" + permission);
		}
		this.openIdScopes.stream().filter((s) -> !s.equals("offline_access")).forEach(scopes::add);
		return String.join(" ", scopes);
	}

}
