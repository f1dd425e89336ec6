package io.dicomreg.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import io.dicomreg.apps.ApiPermission;
import io.dicomreg.apps.AppRef;
import io.dicomreg.apps.ApplicationLocator;
import io.dicomreg.apps.DicomApi;
import io.dicomreg.apps.ConsentChange;
import io.dicomreg.apps.ConsentRequest;
import io.dicomreg.apps.ConsentService;
import io.dicomreg.apps.ConsentState;
import io.dicomreg.apps.PermissionChange;
import io.dicomreg.apps.PermissionRequest;
import io.dicomreg.apps.PermissionType;
import io.dicomreg.apps.PermissionService;
import io.dicomreg.cli.catalogue.OptionValue;
import io.dicomreg.cli.completion.AppNameCompleter;
import io.dicomreg.cli.completion.ApplicationPermissionCompleter;
import io.dicomreg.cli.completion.DelegatedPermissionCompleter;
import io.dicomreg.cli.completion.ResourceAppCompleter;
import io.dicomreg.error.Subject;
import io.dicomreg.output.Details;
import io.dicomreg.output.Result;
import io.dicomreg.output.Shown;
import io.dicomreg.output.Table;

/**
 * API permission commands (tutorial step 5): {@code Dicom.ReadWrite} on Azure API for DICOM, and
 * any other API's permissions by name.
 */
@Component
public class PermissionCommands {

	private static final String GROUP = "API permissions (step 5)";


	private static final String CONSENT_NEXT = "Next step: admin consent ('permission grant'); adding a permission does "
			+ "not grant it.";

	private final PermissionService permissions;

	private final ApplicationLocator locator;

	private final ConsentService consent;

	public PermissionCommands(PermissionService permissions, ApplicationLocator locator, ConsentService consent) {
		this.permissions = permissions;
		this.locator = locator;
		this.consent = consent;
	}

	@Command(name = { "permission", "add-dicom" }, group = GROUP,
			description = "Add the delegated permission Dicom.ReadWrite of Azure API for DICOM to the app (tutorial step 5)",
			availabilityProvider = "signedIn")
	public Result addDicom(CommandRun run,
			@Option(longName = "scope", defaultValue = DicomApi.SCOPE,
					description = "delegated permission of Azure API for DICOM to add (default: Dicom.ReadWrite)")
			@OptionValue(completion = DelegatedPermissionCompleter.class, subject = Subject.DELEGATED_PERMISSION) String scope,
			@Option(longName = "app", description = AppOption.DESCRIPTION)
			@OptionValue(completion = AppNameCompleter.class, subject = Subject.APPLICATION) String app) {
		String name = PermissionRequest.permissionName(PermissionType.DELEGATED, scope);
		PermissionChange change = this.permissions.addDicomScope(this.locator.resolve(app, run.plan()), name, run.plan());
		return renderAdded(change);
	}

	@Command(name = { "permission", "add" }, group = GROUP,
			description = "Add delegated (--scope) or application (--role) permissions of an API to the app, by name (tutorial step 5)",
			availabilityProvider = "signedIn")
	public Result add(CommandRun run,
			@Option(longName = "resource-app", required = true,
					description = "the API: its application ID or display name (Tab completes names)")
			@OptionValue(completion = ResourceAppCompleter.class, subject = Subject.API) String resourceApp,
			@Option(longName = "scope",
					description = "delegated permission name, e.g. User.Read; repeat for several (Tab completes)")
			@OptionValue(repeatable = true, completion = DelegatedPermissionCompleter.class,
					subject = Subject.DELEGATED_PERMISSION) List<String> scopes,
			@Option(longName = "role",
					description = "application permission name, e.g. Application.Read.All; repeat for several (Tab completes)")
			@OptionValue(repeatable = true, completion = ApplicationPermissionCompleter.class,
					subject = Subject.APPLICATION_PERMISSION) List<String> roles,
			@Option(longName = "app", description = AppOption.DESCRIPTION)
			@OptionValue(completion = AppNameCompleter.class, subject = Subject.APPLICATION) String app) {
		PermissionRequest request = new PermissionRequest(resourceApp, scopes, roles);
		return renderAdded(this.permissions.add(this.locator.resolve(app, run.plan()), request, run.plan()));
	}

	@Command(name = { "permission", "list" }, group = GROUP,
			description = "List the app's API permissions: API, permission, type, id and admin consent (tutorial step 5)",
			availabilityProvider = "signedIn")
	public Result list(CommandRun run,
			@Option(longName = "app", description = AppOption.DESCRIPTION)
			@OptionValue(completion = AppNameCompleter.class, subject = Subject.APPLICATION) String app) {
		ConsentChange list = this.consent.list(this.locator.resolve(app, run.plan()));
		Table table = Table.of("API", "resourceDisplayName", "API application ID", "resourceAppId", "Permission",
				"permission", "Type", "type", "Permission ID", "permissionId", "Admin consent", "consent");
		list.permissions().forEach(state -> table.row(state.permission().resourceDisplayName(),
				state.permission().resourceAppId(), state.permission().value(), state.permission().type().label(),
				state.permission().permissionId(), state.label()));
		List<String> notInTenant = list.permissions().stream().map(ConsentState::permission)
			.filter(permission -> permission.resourceDisplayName() == null)
			.map(ApiPermission::resourceAppId)
			.distinct()
			.toList();
		String note = list.note();
		if (!notInTenant.isEmpty()) {
			note += " Not in this tenant, so shown by id only: " + String.join(", ", notInTenant) + ".";
		}
		return Result.of(table).note(note);
	}

	@Command(name = { "permission", "grant" }, group = GROUP,
			description = "Grant tenant-wide admin consent for the app's configured permissions (all, or those named); adds, never removes",
			availabilityProvider = "signedIn")
	public Result grant(CommandRun run,
			@Option(longName = "api", description = "only the permissions of this API: its application ID or display name (Tab completes names)")
			@OptionValue(completion = ResourceAppCompleter.class, subject = Subject.API) String api,
			@Option(longName = "scope", description = "only this delegated permission, e.g. Dicom.ReadWrite; repeat for several (Tab completes)")
			@OptionValue(repeatable = true, completion = DelegatedPermissionCompleter.class,
					subject = Subject.DELEGATED_PERMISSION) List<String> scopes,
			@Option(longName = "role", description = "only this application permission; repeat for several (Tab completes)")
			@OptionValue(repeatable = true, completion = ApplicationPermissionCompleter.class,
					subject = Subject.APPLICATION_PERMISSION) List<String> roles,
			@Option(longName = "app", description = AppOption.DESCRIPTION)
			@OptionValue(completion = AppNameCompleter.class, subject = Subject.APPLICATION) String app) {
		return renderConsent(this.consent.grant(this.locator.resolve(app, run.plan()), new ConsentRequest(api, scopes, roles),
				run.plan()), "granted now", "granted already");
	}

	@Command(name = { "permission", "revoke" }, group = GROUP,
			description = "Revoke admin consent for the permissions named, and for nothing else; other grants stay",
			availabilityProvider = "signedIn")
	public Result revoke(CommandRun run,
			@Option(longName = "api", description = "the API the permissions belong to: its application ID or display name (Tab completes names)")
			@OptionValue(completion = ResourceAppCompleter.class, subject = Subject.API) String api,
			@Option(longName = "scope", description = "delegated permission to revoke consent for; repeat for several (Tab completes)")
			@OptionValue(repeatable = true, completion = DelegatedPermissionCompleter.class,
					subject = Subject.DELEGATED_PERMISSION) List<String> scopes,
			@Option(longName = "role", description = "application permission to revoke; repeat for several (Tab completes)")
			@OptionValue(repeatable = true, completion = ApplicationPermissionCompleter.class,
					subject = Subject.APPLICATION_PERMISSION) List<String> roles,
			@Option(longName = "app", description = AppOption.DESCRIPTION)
			@OptionValue(completion = AppNameCompleter.class, subject = Subject.APPLICATION) String app) {
		return renderConsent(this.consent.revoke(this.locator.resolve(app, run.plan()), new ConsentRequest(api, scopes, roles),
				run.plan()), "revoked now", "not granted");
	}

	private static Result renderConsent(ConsentChange change, String changedWord, String unchangedWord) {
		Table table = Table.of("API", "resourceDisplayName", "Permission", "permission", "Type", "type", "Admin consent",
				"consent", "Changed", "changed");
		change.permissions().forEach(state -> table.row(state.permission().resourceDisplayName(), state.permission().value(),
				state.permission().type().label(), state.changed() ? changedWord : unchangedWord, state.changed()));
		return Result.of(table).changed(change.changed()).note(change.note());
	}

	@Command(name = { "permission", "remove" }, group = GROUP,
			description = "Remove API permissions from the app, by name; every other permission stays (tutorial step 5)",
			availabilityProvider = "signedIn")
	public Result remove(CommandRun run,
			@Option(longName = "resource-app", required = true,
					description = "the API: its application ID or display name (Tab completes names)")
			@OptionValue(completion = ResourceAppCompleter.class, subject = Subject.API) String resourceApp,
			@Option(longName = "scope",
					description = "delegated permission name to remove (its id, for an API no longer in the tenant); repeat for several (Tab completes)")
			@OptionValue(repeatable = true, completion = DelegatedPermissionCompleter.class,
					subject = Subject.DELEGATED_PERMISSION) List<String> scopes,
			@Option(longName = "role",
					description = "application permission name to remove (its id, for an API no longer in the tenant); repeat for several (Tab completes)")
			@OptionValue(repeatable = true, completion = ApplicationPermissionCompleter.class,
					subject = Subject.APPLICATION_PERMISSION) List<String> roles,
			@Option(longName = "app", description = AppOption.DESCRIPTION)
			@OptionValue(completion = AppNameCompleter.class, subject = Subject.APPLICATION) String app) {
		PermissionRequest request = new PermissionRequest(resourceApp, scopes, roles);
		PermissionChange change = this.permissions.remove(this.locator.resolve(app, run.plan()), request, run.plan());
		Details details = describe(change, "Removed", "removed", "Not configured", "notConfigured")
			.add("API entry removed", "resourceEntryRemoved", change.resourceEntryRemoved());
		String note = change.changed()
				? "Removed " + names(change.changedPermissions()) + " of " + change.resource().displayName()
						+ (change.resourceEntryRemoved() ? "; the API had no permission left and is no longer listed." : ".")
						+ " Consent already granted is not revoked by this."
				: "No change: " + names(change.unchangedPermissions()) + " " + verb(change.unchangedPermissions())
						+ " not configured for " + change.resource().displayName() + ".";
		return Result.of(details).changed(change.changed()).note(note);
	}

	private static Result renderAdded(PermissionChange change) {
		Details details = describe(change, "Added", "added", "Already there", "alreadyThere");
		String note = change.changed()
				? "Added " + names(change.changedPermissions()) + " of " + change.resource().displayName() + " to '"
						+ change.app().displayName() + "'. " + CONSENT_NEXT
				: "No change: " + names(change.unchangedPermissions()) + " of " + change.resource().displayName() + " "
						+ verb(change.unchangedPermissions())
						+ " already configured. If not done yet, the next step is admin consent (\"Grant admin consent\" in the portal).";
		return Result.of(details).changed(change.changed()).note(note);
	}

	private static Details describe(PermissionChange change, String changedLabel, String changedName, String unchangedLabel,
			String unchangedName) {
		AppRef app = change.app();
		return Details.create()
			.add("Application", "displayName", app.displayName())
			.add("Application (client) ID", "appId", app.appId())
			.add("API", "resourceDisplayName", change.resource().displayName())
			.add("API application ID", "resourceAppId", change.resource().appId())
			.add(changedLabel, changedName, permissionsValue(change.changedPermissions()))
			.add(unchangedLabel, unchangedName, permissionsValue(change.unchangedPermissions()));
	}

	/** Permissions as one line of text, or as JSON objects with stable names. */
	private static Shown permissionsValue(List<ApiPermission> permissions) {
		String text = permissions.stream()
			.map(permission -> permission.describe() + " " + permission.permissionId())
			.collect(Collectors.joining(", "));
		return Shown.as(text, permissions.stream().map(permission -> {
			Map<String, Object> object = new LinkedHashMap<>();
			object.put("permission", permission.value());
			object.put("type", permission.type().label());
			object.put("permissionId", permission.permissionId());
			return object;
		}).toList());
	}

	private static String names(List<ApiPermission> permissions) {
		return permissions.stream().map(ApiPermission::describe).collect(Collectors.joining(", "));
	}

	private static String verb(List<ApiPermission> permissions) {
		return (permissions.size() == 1) ? "is" : "are";
	}

}
