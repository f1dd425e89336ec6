package io.dicomreg.cli;

import java.util.List;

import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import io.dicomreg.azure.DicomService;
import io.dicomreg.azure.DicomServiceDirectory;
import io.dicomreg.azure.RoleAssignment;
import io.dicomreg.azure.RoleChange;
import io.dicomreg.azure.RoleService;
import io.dicomreg.cli.catalogue.OptionValue;
import io.dicomreg.cli.completion.AppNameCompleter;
import io.dicomreg.cli.completion.DicomServiceCompleter;
import io.dicomreg.error.Subject;
import io.dicomreg.output.Details;
import io.dicomreg.output.Result;
import io.dicomreg.output.Table;

/**
 * Azure RBAC on the DICOM service (tutorial step 6): the DICOM services the account can see, and the DICOM Data
 * Owner and Reader roles on them, through Azure Resource Manager.
 */
@Component
public class RbacCommands {

	private static final String GROUP = "Azure RBAC on the DICOM service (step 6)";

	private static final String DICOM = "the DICOM service: its name (Tab completes), workspace/name, service URL or resource id";

	private static final String ASSIGNEE = "an app (display name, client ID or object ID: its service principal is assigned) or a user (UPN or object ID); default: the selected app";

	private final DicomServiceDirectory services;

	private final RoleService roles;

	public RbacCommands(DicomServiceDirectory services, RoleService roles) {
		this.services = services;
		this.roles = roles;
	}

	@Command(name = { "dicom", "list" }, group = GROUP,
			description = "List the DICOM services the signed-in account can see, with resource id and service URL",
			availabilityProvider = "signedIn")
	public Result list(
			@Option(longName = "subscription", description = "only this subscription (its ID)")
			@OptionValue(label = "ID", subject = Subject.SUBSCRIPTION) String subscription) {
		List<DicomService> found = this.services.list(subscription);
		Table table = Table.of("Name", "name", "Workspace", "workspace", "Resource group", "resourceGroup", "Subscription",
				"subscriptionId", "Service URL", "serviceUrl", "Location", "location", "State", "provisioningState",
				"Resource ID", "id");
		found.forEach(service -> table.row(service.name(), service.workspace(), service.resourceGroup(),
				service.subscriptionId(), service.serviceUrl(), service.location(), service.provisioningState(),
				service.id()));
		return Result.of(table).note(found.size() + " DICOM service(s).");
	}

	@Command(name = { "role", "assign" }, group = GROUP,
			description = "Assign DICOM Data Owner or Reader on a DICOM service to the app's service principal or a user (tutorial step 6)",
			availabilityProvider = "signedIn")
	public Result assign(CommandRun run,
			@Option(longName = "role", required = true, description = "owner (DICOM Data Owner) or reader (DICOM Data Reader)")
			@OptionValue(label = "ROLE", choices = { "owner", "reader" }, subject = Subject.DICOM_ROLE) String role,
			@Option(longName = "dicom", required = true, description = DICOM)
			@OptionValue(label = "SERVICE", completion = DicomServiceCompleter.class, subject = Subject.DICOM_SERVICE) String dicom,
			@Option(longName = "assignee", description = ASSIGNEE)
			@OptionValue(label = "APP|USER", completion = AppNameCompleter.class, subject = Subject.ASSIGNEE) String assignee) {
		return render(this.roles.assign(role, dicom, assignee, run.plan()));
	}

	@Command(name = { "role", "remove" }, group = GROUP,
			description = "Remove a DICOM role assigned on a DICOM service to the app's service principal or a user; others stay",
			availabilityProvider = "signedIn")
	public Result remove(CommandRun run,
			@Option(longName = "role", required = true, description = "owner (DICOM Data Owner) or reader (DICOM Data Reader)")
			@OptionValue(label = "ROLE", choices = { "owner", "reader" }, subject = Subject.DICOM_ROLE) String role,
			@Option(longName = "dicom", required = true, description = DICOM)
			@OptionValue(label = "SERVICE", completion = DicomServiceCompleter.class, subject = Subject.DICOM_SERVICE) String dicom,
			@Option(longName = "assignee", description = ASSIGNEE)
			@OptionValue(label = "APP|USER", completion = AppNameCompleter.class, subject = Subject.ASSIGNEE) String assignee) {
		return render(this.roles.remove(role, dicom, assignee, run.plan()));
	}

	@Command(name = { "role", "list" }, group = GROUP,
			description = "List the role assignments that reach a DICOM service (inherited ones marked), for everyone or one assignee",
			availabilityProvider = "signedIn")
	public Result roles(CommandRun run,
			@Option(longName = "dicom", required = true, description = DICOM)
			@OptionValue(label = "SERVICE", completion = DicomServiceCompleter.class, subject = Subject.DICOM_SERVICE) String dicom,
			@Option(longName = "assignee", description = "only this app's service principal or user (UPN or object ID)")
			@OptionValue(label = "APP|USER", completion = AppNameCompleter.class, subject = Subject.ASSIGNEE) String assignee) {
		List<RoleAssignment> assignments = this.roles.list(dicom, assignee, run.plan());
		Table table = Table.of("Role", "roleName", "Principal ID", "principalId", "Principal type", "principalType", "Scope",
				"scope", "Inherited", "inherited", "Assignment ID", "id");
		assignments.forEach(assignment -> table.row(assignment.roleName(), assignment.principalId(),
				assignment.principalType(), assignment.scope(), assignment.inherited(), assignment.id()));
		return Result.of(table).note(assignments.size() + " role assignment(s) reach the DICOM service"
				+ (assignments.stream().anyMatch(RoleAssignment::inherited) ? "; inherited ones come from above it." : "."));
	}

	private static Result render(RoleChange change) {
		return Result.of(Details.create()
			.add("DICOM service", "dicomService", change.service().qualifiedName())
			.add("Resource ID", "dicomServiceId", change.service().id())
			.add("Role", "role", change.role().displayName())
			.add("Role definition ID", "roleDefinitionId", change.role().id())
			.add("Assignee", "assignee", change.assignee().displayName())
			.add("Principal ID", "principalId", change.assignee().objectId())
			.add("Principal type", "principalType", change.assignee().principalType())
			.add("Assignments", "assignments", change.assignments().stream()
				.map(assignment -> assignment.scope() + (assignment.inherited() ? " (inherited)" : ""))
				.toList()))
			.changed(change.changed())
			.note(change.note());
	}

}
