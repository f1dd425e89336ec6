package io.dicomreg.apps;

import io.dicomreg.config.DryRun;

/**
 * One write a service is about to make: the plan of the run it belongs to, the change in words (a
 * dry run shows "would {@code planned}") and what is being done (a failure says "{@code doing}
 * failed: ...").
 *
 * @param plan the plan of the run
 * @param planned the change, e.g. "add redirect URI https://x to web (Web)"
 * @param doing what is being done, e.g. "Adding the redirect URIs"
 */
public record Change(DryRun plan, String planned, String doing) {

	public static Change of(DryRun plan, String planned, String doing) {
		return new Change(plan, planned, doing);
	}

}
