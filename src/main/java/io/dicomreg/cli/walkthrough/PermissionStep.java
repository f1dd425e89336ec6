package io.dicomreg.cli.walkthrough;

import io.dicomreg.apps.ApiDirectory;
import io.dicomreg.apps.ApiResource;
import io.dicomreg.apps.AppRef;
import io.dicomreg.apps.DicomApi;
import io.dicomreg.apps.PermissionChange;
import io.dicomreg.apps.PermissionService;
import io.dicomreg.cli.walkthrough.WalkthroughProgress.Permission;

/**
 * Step 6: the delegated permission {@value DicomApi#SCOPE} of the DICOM API.
 */
class PermissionStep implements WalkthroughStep {

	private final PermissionService permissions;

	private final ApiDirectory apis;

	PermissionStep(PermissionService permissions, ApiDirectory apis) {
		this.permissions = permissions;
		this.apis = apis;
	}

	@Override
	public String title() {
		return "API permission " + DicomApi.SCOPE;
	}

	@Override
	public String explanation() {
		return "The client may call the DICOM service on behalf of the signed-in user only with the delegated permission "
				+ DicomApi.SCOPE + " of the '" + DicomApi.DISPLAY_NAME + "' API. That API appears in a tenant once a DICOM "
				+ "service is deployed there. Adding the permission asks for it; an administrator's consent grants it.";
	}

	@Override
	public void run(StepContext context) {
		AppRef app = context.app();
		String api = this.apis.dicomApi().map(ApiResource::displayName).orElse(DicomApi.DISPLAY_NAME);
		context.confirm("Add the delegated permission " + DicomApi.SCOPE + " of '" + api + "' to '" + app.displayName() + "'?");
		PermissionChange change = this.permissions.addDicomScope(app, DicomApi.SCOPE, context.plan());
		ApiResource resource = change.resource();
		context.progress().setPermission(new Permission(resource.appId(), resource.displayName(), DicomApi.SCOPE));
		context.prompts().say(change.changed() ? "Added " + DicomApi.SCOPE + " of '" + resource.displayName() + "'."
				: DicomApi.SCOPE + " was already there: nothing changed.");
	}

}
