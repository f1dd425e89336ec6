package io.dicomreg.cli.walkthrough;

import java.util.List;

import io.dicomreg.apps.AppRef;
import io.dicomreg.apps.ConsentChange;
import io.dicomreg.apps.ConsentRequest;
import io.dicomreg.apps.ConsentService;
import io.dicomreg.error.DicomregException;

/**
 * Optional step after the permission: tenant-wide admin consent for it, with the service {@code permission grant}
 * uses. Skipped, with the reason, when no permission was added or the signed-in account may not consent.
 */
class ConsentStep implements WalkthroughStep {

	private final ConsentService consent;

	ConsentStep(ConsentService consent) {
		this.consent = consent;
	}

	@Override
	public String title() {
		return "Admin consent";
	}

	@Override
	public String explanation() {
		return "Users of a public client (Postman, a viewer) sign in with the delegated permission only once it is "
				+ "consented; admin consent grants it for every user of the tenant at once. Only some Entra roles may "
				+ "grant it (Global, Privileged Role, Cloud Application or Application Administrator); without one, "
				+ "skip this step and ask an administrator to run 'permission grant'. An app that signs in as itself needs "
				+ "no consent for DICOM: its access comes from the Azure role of the next step.";
	}

	@Override
	public void run(StepContext context) {
		AppRef app = context.app();
		WalkthroughProgress.Permission permission = context.progress().getPermission();
		if (permission == null) {
			context.prompts().say("No API permission was added in this walkthrough, so there is nothing to consent to.");
			throw Navigation.skip();
		}
		context.confirm("Grant admin consent for " + permission.scope() + " of '" + permission.resourceName() + "' to '"
				+ app.displayName() + "', for all users of the tenant?");
		try {
			ConsentChange change = this.consent.grant(app, new ConsentRequest(null, List.of(permission.scope()), null),
					context.plan());
			context.progress().setConsentGranted(true);
			context.prompts().say(change.note());
		}
		catch (DicomregException ex) {
			if (ex.getMessage() != null && ex.getMessage().contains("Authorization_RequestDenied")) {
				context.prompts().say("The signed-in account may not grant admin consent, so this step is skipped: an "
						+ "administrator can run 'permission grant --app " + app.appId() + "' later. (" + ex.getMessage() + ")");
				throw Navigation.skip();
			}
			throw ex;
		}
	}

}
