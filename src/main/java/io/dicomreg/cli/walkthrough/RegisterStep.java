package io.dicomreg.cli.walkthrough;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.dicomreg.apps.ApplicationService;
import io.dicomreg.apps.RegisteredApplication;
import io.dicomreg.apps.Registration;
import io.dicomreg.apps.ServicePrincipalOutcome;
import io.dicomreg.apps.RegistrationRequest;
import io.dicomreg.cli.walkthrough.WalkthroughProgress.Application;

/**
 * Step 2: registers the application (single tenant, as in the tutorial) under a unique name, so
 * that a resume or a second run finds it instead of registering another.
 */
class RegisterStep implements WalkthroughStep {

	static final String DEFAULT_NAME = "DICOM client";

	private final ApplicationService applications;

	RegisterStep(ApplicationService applications) {
		this.applications = applications;
	}

	@Override
	public String title() {
		return "Register the application";
	}

	@Override
	public String explanation() {
		return "An app registration is the client's identity in Entra ID. As in the tutorial it is single tenant: only "
				+ "accounts of this directory can use it. dicomreg also gives it a unique name, an immutable key by which "
				+ "a resumed walkthrough or a replayed script finds it again instead of registering a second one.";
	}

	@Override
	public void run(StepContext context) {
		Prompts prompts = context.prompts();
		Application recorded = context.progress().getApplication();
		if (recorded != null && recorded.objectId() != null && keepRecorded(prompts, recorded)) {
			this.applications.use(recorded.objectId(), context.plan());
			prompts.say("Working on '" + recorded.displayName() + "' (client ID " + recorded.appId() + ").");
			return;
		}
		String name = prompts.text("Display name", (recorded != null) ? recorded.displayName() : DEFAULT_NAME);
		String uniqueName = prompts.text("Unique name (immutable)",
				(recorded != null && name.equals(recorded.displayName())) ? recorded.uniqueName() : uniqueNameFor(name));
		Optional<RegisteredApplication> taken = this.applications.findByUniqueName(uniqueName);
		if (taken.isPresent()) {
			RegisteredApplication app = taken.get();
			name = app.displayName();
			context.confirm("'" + app.displayName() + "' (client ID " + app.appId() + ") already has the unique name '"
					+ uniqueName + "'. Continue with it? The walkthrough only adds what it lacks (No: choose another name)");
		}
		else {
			context.confirm("Register '" + name + "' as a single-tenant application?");
		}
		context.progress().setApplication(new Application(name, uniqueName, null, null));
		context.save();
		Registration registration = this.applications.register(new RegistrationRequest(name, uniqueName, null, false), context.plan());
		RegisteredApplication app = registration.application();
		if (recorded != null && recorded.objectId() != null && !recorded.objectId().equals(app.objectId())) {
			context.progress().forgetCredentialsAndSettings();
		}
		context.progress().setApplication(new Application(app.displayName(), uniqueName, app.objectId(), app.appId()));
		context.progress().setTenantId(app.tenantId());
		context.save();
		prompts.say(registration.changed() ? "Registered '" + app.displayName() + "': client ID " + app.appId() + "."
				: "'" + app.displayName() + "' was already registered: nothing changed.");
		ServicePrincipalOutcome servicePrincipal = registration.servicePrincipal();
		if (servicePrincipal != null && servicePrincipal.changed() && servicePrincipal.servicePrincipal() != null) {
			prompts.say("Created its service principal (enterprise application), object ID "
					+ servicePrincipal.servicePrincipal().objectId() + ", as the portal does: without it the app cannot "
					+ "sign in, be granted consent or be assigned a DICOM role.");
		}
	}

	private boolean keepRecorded(Prompts prompts, Application recorded) {
		Optional<RegisteredApplication> existing = this.applications.findByUniqueName(recorded.uniqueName());
		if (existing.isEmpty() || !existing.get().objectId().equals(recorded.objectId())) {
			prompts.say("'" + recorded.displayName() + "', registered earlier in this walkthrough, is no longer in the "
					+ "tenant: register it again.");
			return false;
		}
		prompts.say("This walkthrough registered '" + recorded.displayName() + "' (client ID " + recorded.appId() + ").");
		return prompts.choose("Which application?", List.of(Choice.of("Go on with '" + recorded.displayName() + "'", true),
				Choice.of("Register another application", false)));
	}

	/** A unique name made from a display name: lower case letters, digits and dashes. */
	static String uniqueNameFor(String displayName) {
		String key = displayName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (key.length() > 120) {
			key = key.substring(0, 120);
		}
		return key.isEmpty() ? "dicom-client" : key;
	}

}
