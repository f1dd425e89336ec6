package io.dicomreg.apps;

import java.util.List;

/**
 * What granting, revoking or reading admin consent found and did.
 *
 * @param app the application
 * @param clientServicePrincipalId its service principal's object ID, which the grants name
 * @param permissions the permissions concerned, each with its consent state after the run
 * @param changed whether the tenant changed
 * @param note what happened, for people
 */
public record ConsentChange(AppRef app, String clientServicePrincipalId, List<ConsentState> permissions, boolean changed,
		String note) {

	public ConsentChange {
		permissions = List.copyOf(permissions);
	}

}
