package io.dicomreg.apps;

import com.microsoft.graph.models.Application;

/**
 * What reading an application a dry run only planned finds: its name, the default audience, and
 * nothing set yet, so that every later line of the dry run plans its whole change.
 */
public final class PlannedApplications {

	private PlannedApplications() {
	}

	/** An empty application object named like {@code app}. */
	public static Application of(AppRef app) {
		Application application = new Application();
		application.setDisplayName(app.displayName());
		application.setSignInAudience(Audience.SINGLE_TENANT.signInAudience());
		return application;
	}

}
