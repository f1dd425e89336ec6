package io.dicomreg.cli;

import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import io.dicomreg.apps.ApplicationService;
import io.dicomreg.apps.RegisteredApplication;
import io.dicomreg.output.Details;
import io.dicomreg.output.Renderer;

/**
 * Application registration commands (tutorial steps 1 and 2).
 */
@Component
public class AppCommands {

	private final ApplicationService applications;

	private final Renderer renderer;

	public AppCommands(ApplicationService applications, Renderer renderer) {
		this.applications = applications;
		this.renderer = renderer;
	}

	@Command(name = { "app", "register" }, group = "Applications",
			description = "Register a new single-tenant application (tutorial step 1)", availabilityProvider = "signedIn")
	public String register(@Option(longName = "name", required = true,
			description = "display name of the application, at most 256 characters") String name) {
		RegisteredApplication app = this.applications.register(name);
		return this.renderer.render(Details.create()
			.add("Display name", "displayName", app.displayName())
			.add("Application (client) ID", "appId", app.appId())
			.add("Directory (tenant) ID", "tenantId", app.tenantId())
			.add("Object ID", "objectId", app.objectId())
			.add("Supported account types", "signInAudience", app.signInAudience())
			.add("Created", "createdDateTime", app.createdDateTime()));
	}

}
