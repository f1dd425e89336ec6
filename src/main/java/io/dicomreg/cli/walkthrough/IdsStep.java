package io.dicomreg.cli.walkthrough;

import io.dicomreg.apps.ApplicationIds;
import io.dicomreg.apps.ApplicationService;
import io.dicomreg.output.Details;
import io.dicomreg.output.OutputFormat;
import io.dicomreg.output.Renderer;

/**
 * Step 3: shows the IDs a client needs to sign in (tutorial step 2). Changes nothing.
 */
class IdsStep implements WalkthroughStep {

	private final ApplicationService applications;

	private final Renderer renderer;

	IdsStep(ApplicationService applications, Renderer renderer) {
		this.applications = applications;
		this.renderer = renderer;
	}

	@Override
	public String title() {
		return "Note the client and tenant IDs";
	}

	@Override
	public String explanation() {
		return "Every tool that signs in as this client needs two values: the Application (client) ID and the Directory "
				+ "(tenant) ID. Note them now; 'app ids' shows them again at any time.";
	}

	@Override
	public void run(StepContext context) {
		ApplicationIds ids = this.applications.ids(context.app());
		context.prompts().show(this.renderer.render(Details.create()
			.add("Application (client) ID", "appId", ids.appId())
			.add("Directory (tenant) ID", "tenantId", ids.tenantId())
			.add("Object ID", "objectId", ids.objectId())
			.add("Authority", "authority", ids.authority()), OutputFormat.TABLE));
		if (!context.prompts().confirm("Noted? Go on", true)) {
			throw Navigation.redo();
		}
	}

}
