package io.dicomreg.apps;

import java.util.List;

/**
 * Which of an application's configured API permissions {@code permission grant} and {@code permission revoke} are
 * about.
 *
 * @param api the API (application ID or display name), or {@code null} for every API the app asks permissions of
 * @param scopes delegated permission names; none (with no roles) for all those configured
 * @param roles application permission names; none (with no scopes) for all those configured
 */
public record ConsentRequest(String api, List<String> scopes, List<String> roles) {

	public ConsentRequest {
		scopes = (scopes != null) ? List.copyOf(scopes) : List.of();
		roles = (roles != null) ? List.copyOf(roles) : List.of();
	}

	/** Whether named permissions were asked for, rather than all those configured. */
	public boolean named() {
		return !this.scopes.isEmpty() || !this.roles.isEmpty();
	}

}
