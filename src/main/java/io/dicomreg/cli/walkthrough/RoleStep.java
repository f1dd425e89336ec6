package io.dicomreg.cli.walkthrough;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.dicomreg.apps.AppRef;
import io.dicomreg.azure.DicomRole;
import io.dicomreg.azure.DicomService;
import io.dicomreg.azure.DicomServiceDirectory;
import io.dicomreg.azure.RoleChange;
import io.dicomreg.azure.RoleService;

/**
 * Optional last step of the tutorial: a DICOM data role for the app's service principal on a DICOM service chosen
 * from those Azure Resource Manager lists, with the service {@code role assign} uses.
 */
class RoleStep implements WalkthroughStep {

	private final DicomServiceDirectory services;

	private final RoleService roles;

	RoleStep(DicomServiceDirectory services, RoleService roles) {
		this.services = services;
		this.roles = roles;
	}

	@Override
	public String title() {
		return "Azure role on the DICOM service";
	}

	@Override
	public String explanation() {
		return "Data in a DICOM service is reached through Azure RBAC: the app's service principal (for an app that signs "
				+ "in as itself) needs DICOM Data Owner (read, write, delete) or DICOM Data Reader (read and search) on "
				+ "the DICOM service. Assigning it needs Owner, User Access Administrator or Role Based Access Control "
				+ "Administrator there. Users of a public client need the role themselves: 'role assign --assignee UPN'.";
	}

	@Override
	public void run(StepContext context) {
		AppRef app = context.app();
		List<DicomService> found = this.services.list(null);
		if (found.isEmpty()) {
			context.prompts().say("This account sees no DICOM service in Azure, so this step is skipped: deploy one, or "
					+ "sign in with an account that can see it, then run 'role assign --role owner --dicom SERVICE'.");
			throw Navigation.skip();
		}
		List<Choice<Optional<DicomService>>> choices = new ArrayList<>();
		found.forEach(service -> choices.add(Choice.of(service.qualifiedName() + " (" + service.location() + ", "
				+ service.serviceUrl() + ")", Optional.of(service))));
		choices.add(Choice.of("None: skip this step", Optional.empty()));
		Optional<DicomService> service = context.prompts().choose("Which DICOM service?", choices);
		if (service.isEmpty()) {
			throw Navigation.skip();
		}
		DicomRole role = context.prompts().choose("Which role?", List.of(
				Choice.of("DICOM Data Owner: read, write and delete DICOM data", DicomRole.OWNER),
				Choice.of("DICOM Data Reader: read and search DICOM data", DicomRole.READER)));
		context.confirm("Assign " + role.displayName() + " on " + service.get().qualifiedName() + " to the service "
				+ "principal of '" + app.displayName() + "'?");
		RoleChange change = this.roles.assign(role.word(), service.get().id(), app.appId(), context.plan());
		context.progress().setRole(new WalkthroughProgress.Role(role.word(), role.displayName(),
				service.get().qualifiedName(), service.get().id()));
		context.prompts().say(change.note());
	}

}
