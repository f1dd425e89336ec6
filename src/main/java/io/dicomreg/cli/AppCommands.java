package io.dicomreg.cli;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import io.dicomreg.apps.ApiPermission;
import io.dicomreg.apps.AppRef;
import io.dicomreg.apps.ApplicationDetails;
import io.dicomreg.apps.ApplicationIds;
import io.dicomreg.apps.ApplicationLocator;
import io.dicomreg.apps.ApplicationService;
import io.dicomreg.apps.Audience;
import io.dicomreg.apps.Platform;
import io.dicomreg.apps.RedirectUris;
import io.dicomreg.apps.RegisteredApplication;
import io.dicomreg.apps.Registration;
import io.dicomreg.apps.ConsentState;
import io.dicomreg.verify.AuditService;
import io.dicomreg.apps.ClientServicePrincipal;
import io.dicomreg.apps.ServicePrincipalOutcome;
import io.dicomreg.apps.ServicePrincipalService;
import io.dicomreg.apps.RegistrationRequest;
import io.dicomreg.apps.credentials.CertificateCredential;
import io.dicomreg.apps.credentials.ClientSecret;
import io.dicomreg.apps.credentials.CredentialStatus;
import io.dicomreg.cli.catalogue.OptionValue;
import io.dicomreg.cli.catalogue.Traits;
import io.dicomreg.cli.completion.AppNameCompleter;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.Echo;
import io.dicomreg.error.Subject;
import io.dicomreg.output.Details;
import io.dicomreg.output.Result;
import io.dicomreg.output.Shown;
import io.dicomreg.output.Table;

/**
 * Application commands: tutorial steps 1 (register) and 2 (note the IDs), and selecting, listing,
 * showing and deleting applications.
 */
@Component
public class AppCommands {

	private static final String GROUP = "Applications (steps 1 and 2)";

	/** The values of {@code --audience}, as Entra names them. */
	private static final Map<String, Audience> AUDIENCES = Map.of("single-tenant", Audience.SINGLE_TENANT,
			"multi-tenant", Audience.MULTI_TENANT);

	private final ApplicationService applications;

	private final ApplicationLocator locator;

	private final ServicePrincipalService servicePrincipals;

	private final AuditService audit;

	public AppCommands(ApplicationService applications, ApplicationLocator locator,
			ServicePrincipalService servicePrincipals, AuditService audit) {
		this.applications = applications;
		this.locator = locator;
		this.servicePrincipals = servicePrincipals;
		this.audit = audit;
	}

	@Command(name = { "app", "register" }, group = GROUP,
			description = "Register an application, single tenant by default, and select it (tutorial step 1)",
			availabilityProvider = "signedIn")
	public Result register(CommandRun run,
			@Option(longName = "name", required = true, description = "display name, at most 256 characters")
			@OptionValue(subject = Subject.DISPLAY_NAME) String name,
			@Option(longName = "unique-name", description = "immutable key to register under: re-running changes nothing")
			@OptionValue(subject = Subject.UNIQUE_NAME) String uniqueName,
			@Option(longName = "audience", description = "single-tenant (this directory only; the default for a new app) or multi-tenant")
			@OptionValue(label = "AUDIENCE", choices = { "single-tenant", "multi-tenant" }, subject = Subject.AUDIENCE) String audience,
			@Option(longName = "new", description = "register a new application even if others have the same name") boolean forceNew,
			@Option(longName = "no-service-principal",
					description = "do not create the app's service principal (enterprise application); 'app sp create' makes it later") boolean noServicePrincipal) {
		Registration registration = this.applications.register(new RegistrationRequest(name, uniqueName,
				(audience != null) ? audience(audience) : null, forceNew, !noServicePrincipal), run.plan());
		Details details = describe(registration.application());
		String note = registration.note() + " It is now the selected app.";
		if (registration.servicePrincipal() != null) {
			details.add("Service principal object ID", "servicePrincipalId",
					servicePrincipalId(registration.servicePrincipal().servicePrincipal()));
			note += registration.servicePrincipal().changed() ? " Its service principal was created too (as the portal does)."
					: " It has its service principal.";
		}
		else {
			details.add("Service principal object ID", "servicePrincipalId", Shown.as("none (not asked for)", null));
			note += " No service principal was created: the app cannot sign in until 'app sp create' makes it.";
		}
		return Result.of(details).changed(registration.changed()).note(note);
	}

	@Command(name = { "app", "sp", "create" }, group = GROUP,
			description = "Create the app's service principal (enterprise application) if it has none; waits while a new app replicates",
			availabilityProvider = "signedIn")
	public Result createServicePrincipal(CommandRun run,
			@Option(longName = "app", description = AppOption.DESCRIPTION)
			@OptionValue(completion = AppNameCompleter.class, subject = Subject.APPLICATION) String app) {
		ServicePrincipalOutcome outcome = this.servicePrincipals.create(this.locator.resolve(app, run.plan()), run.plan());
		return Result.of(Details.create()
			.add("Application", "displayName", outcome.app().displayName())
			.add("Application (client) ID", "appId", outcome.app().appId())
			.add("Service principal object ID", "servicePrincipalId", servicePrincipalId(outcome.servicePrincipal())))
			.changed(outcome.changed())
			.note(outcome.note());
	}

	@Command(name = { "app", "list" }, group = GROUP, description = "List the tenant's applications, filtered by the server",
			availabilityProvider = "signedIn")
	public Result list(
			@Option(longName = "name-starts-with", description = "only applications whose display name starts with TEXT")
			@OptionValue(label = "TEXT", subject = Subject.NAME_PREFIX) String nameStartsWith,
			@Option(longName = "top", defaultValue = "100", description = "how many at most (1 to 999)")
			@OptionValue(subject = Subject.LIST_SIZE) String top) {
		List<RegisteredApplication> found = this.applications.list(nameStartsWith, number("--top", top));
		Table table = Table.of("Display name", "displayName", "Application (client) ID", "appId", "Object ID", "objectId",
				"Account types", "signInAudience", "Created", "createdDateTime");
		found.forEach(app -> table.row(app.displayName(), app.appId(), app.objectId(), app.signInAudience(),
				app.createdDateTime()));
		return Result.of(table).note(found.size() + " application(s).");
	}

	@Command(name = { "app", "show" }, group = GROUP, description = "Show an application and what the tutorial configured on it",
			availabilityProvider = "signedIn")
	public Result show(CommandRun run,
			@Option(longName = "app", description = AppOption.DESCRIPTION)
			@OptionValue(completion = AppNameCompleter.class, subject = Subject.APPLICATION) String app) {
		AuditService.Readiness readiness = this.audit.readiness(this.locator.resolve(app, run.plan()));
		ApplicationDetails details = readiness.details();
		return Result.of(describe(details.application())
			.add("Service principal object ID", "servicePrincipalId", (details.servicePrincipal() != null)
					? Shown.as(details.servicePrincipal().objectId(), details.servicePrincipal().objectId())
					: Shown.as("none: the app cannot sign in, be granted consent or be assigned roles; run 'app sp create'",
							null))
			.add("Public client flows", "isFallbackPublicClient", details.publicClient())
			.add("Redirect URIs", "redirectUris", redirectUris(details.redirectUris()))
			.add("Client secrets", "secrets", secrets(details.secrets()))
			.add("Certificates", "certificates", certificates(details.certificates()))
			.add("API permissions", "permissions", permissions(readiness.consent()))
			.add("DICOM roles", "dicomRoles", (readiness.dicomRoles() == null)
					? Shown.as("not known: Azure Resource Manager could not be read with this sign-in", null)
					: readiness.dicomRoles().isEmpty() ? Shown.as("none: run 'role assign --role reader --dicom SERVICE'",
							List.of()) : Shown.as(readiness.dicomRoles(), readiness.dicomRoles()))
			.add("Ready", "ready", readiness.findings().isEmpty() ? Shown.as("yes: 'verify --dicom SERVICE' proves it", true)
					: Shown.as(readiness.findings().stream().map(f -> f.severity().word() + ": " + f.finding() + " Fix: "
							+ f.fix()).toList(), false))
			.jsonOnly("redirectUriCount", details.redirectUris().all().size())
			.jsonOnly("secretCount", details.secrets().size())
			.jsonOnly("certificateCount", details.certificates().size())
			.jsonOnly("permissionCount", details.permissions().permissions().size()));
	}

	@Command(name = { "app", "use" }, group = GROUP, description = "Select the application later commands work on",
			availabilityProvider = "signedIn")
	public Result use(CommandRun run,
			@Argument(index = 0, description = "display name, client ID or object ID")
			@OptionValue(completion = AppNameCompleter.class, subject = Subject.APPLICATION) String app) {
		AppRef selected = this.applications.use(app, run.plan());
		return Result.of(Details.create()
			.add("Selected app", "displayName", selected.displayName())
			.add("Application (client) ID", "appId", selected.appId())
			.add("Object ID", "objectId", selected.objectId()));
	}

	@Command(name = { "app", "ids" }, group = GROUP,
			description = "Show the Application (client) ID, Directory (tenant) ID, object ID and authority (tutorial step 2)",
			availabilityProvider = "signedIn")
	public Result ids(CommandRun run,
			@Option(longName = "app", description = AppOption.DESCRIPTION)
			@OptionValue(completion = AppNameCompleter.class, subject = Subject.APPLICATION) String app) {
		ApplicationIds ids = this.applications.ids(this.locator.resolve(app, run.plan()));
		return Result.of(Details.create()
			.add("Display name", "displayName", ids.displayName())
			.add("Application (client) ID", "appId", ids.appId())
			.add("Directory (tenant) ID", "tenantId", ids.tenantId())
			.add("Object ID", "objectId", ids.objectId())
			.add("Authority", "authority", ids.authority()));
	}

	@Command(name = { "app", "delete" }, group = GROUP, description = "Delete an application (asks to confirm; --yes in scripts)",
			availabilityProvider = "signedIn")
	@Traits(confirmedBy = "yes")
	public Result delete(CommandRun run,
			@Option(longName = "app", required = true, description = "display name, client ID or object ID")
			@OptionValue(completion = AppNameCompleter.class, subject = Subject.APPLICATION) String app,
			@Option(longName = "yes", description = "do not ask to confirm") boolean yes) {
		AppRef target = this.locator.resolve(app, run.plan());
		if (!yes) {
			Confirmation.require(run, "Delete application '" + target.displayName() + "' (client ID " + target.appId()
					+ ")? Sign-ins with its credentials stop working. Type yes to confirm: ");
		}
		AppRef deleted = this.applications.delete(target, run.plan());
		return Result.of(Details.create()
			.add("Deleted", "displayName", deleted.displayName())
			.add("Application (client) ID", "appId", deleted.appId()))
			.changed(true)
			.note("Entra keeps a deleted application for 30 days; it can be restored in the portal.");
	}

	/** One line per redirect URI, with its platform; by platform in JSON. */
	private static Shown redirectUris(RedirectUris uris) {
		Map<String, List<String>> byPlatform = new LinkedHashMap<>();
		List<String> lines = new ArrayList<>();
		for (Platform platform : PlatformWords.inOrder()) {
			byPlatform.put(platform.jsonName(), uris.on(platform));
			uris.on(platform).forEach(uri -> lines.add(platform.label() + ": " + uri));
		}
		return Shown.as(lines, byPlatform);
	}

	private static Shown secrets(List<ClientSecret> secrets) {
		return Shown.as(secrets.stream().map(secret -> ((secret.description() != null) ? secret.description() + " " : "")
				+ "(key ID " + secret.keyId() + ", " + expiry(secret.end(), secret.daysLeft(), secret.status()) + ")")
			.toList(), secrets.stream().map(secret -> {
				Map<String, Object> object = new LinkedHashMap<>();
				object.put("keyId", secret.keyId());
				object.put("description", secret.description());
				object.put("hint", secret.hint());
				object.put("endDateTime", secret.end());
				object.put("daysLeft", secret.daysLeft());
				object.put("status", secret.status());
				return object;
			}).toList());
	}

	private static Shown certificates(List<CertificateCredential> certificates) {
		return Shown.as(certificates.stream().map(certificate -> ((certificate.description() != null)
				? certificate.description() + " " : "") + "(thumbprint " + certificate.thumbprint() + ", "
				+ expiry(certificate.end(), certificate.daysLeft(), certificate.status()) + ")")
			.toList(), certificates.stream().map(certificate -> {
				Map<String, Object> object = new LinkedHashMap<>();
				object.put("thumbprint", certificate.thumbprint());
				object.put("keyId", certificate.keyId());
				object.put("description", certificate.description());
				object.put("endDateTime", certificate.end());
				object.put("daysLeft", certificate.daysLeft());
				object.put("status", certificate.status());
				return object;
			}).toList());
	}

	private static Shown permissions(List<ConsentState> states) {
		return Shown.as(states.stream().map(state -> ((state.permission().resourceDisplayName() != null)
				? state.permission().resourceDisplayName() : state.permission().resourceAppId()) + ": "
				+ state.permission().describe() + ", admin consent " + state.label())
			.toList(), states.stream().map(state -> {
				ApiPermission permission = state.permission();
				Map<String, Object> object = new LinkedHashMap<>();
				object.put("resourceDisplayName", permission.resourceDisplayName());
				object.put("resourceAppId", permission.resourceAppId());
				object.put("permission", permission.value());
				object.put("type", permission.type().label());
				object.put("permissionId", permission.permissionId());
				object.put("consent", state.label());
				return object;
			}).toList());
	}

	private static String expiry(OffsetDateTime end, Long daysLeft, CredentialStatus status) {
		String date = (end != null) ? end.toLocalDate().toString() : "?";
		return switch (status) {
			case EXPIRED -> "expired " + date;
			default -> "expires " + date + ((daysLeft != null) ? ", " + daysLeft + " days left" : "");
		};
	}

	private static Audience audience(String value) {
		Audience audience = AUDIENCES.get(value.strip().toLowerCase(Locale.ROOT));
		if (audience == null) {
			throw DicomregException.invalidInput("Invalid value " + Echo.quoted(value) + " for --audience: use single-tenant or multi-tenant.");
		}
		return audience;
	}

	private static int number(String option, String value) {
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			throw DicomregException.invalidInput("Invalid value " + Echo.quoted(value) + " for " + option + ": give a whole number.");
		}
	}

	/** The service principal's object ID; a dry run that would create it shows when it is assigned, JSON null. */
	private static Shown servicePrincipalId(ClientServicePrincipal servicePrincipal) {
		return (servicePrincipal != null) ? Shown.as(servicePrincipal.objectId(), servicePrincipal.objectId())
				: Shown.as("(assigned when created)", null);
	}

	private static Details describe(RegisteredApplication app) {
		return Details.create()
			.add("Display name", "displayName", app.displayName())
			.add("Application (client) ID", "appId", app.appId())
			.add("Directory (tenant) ID", "tenantId", app.tenantId())
			.add("Object ID", "objectId", app.objectId())
			.add("Supported account types", "signInAudience", app.signInAudience())
			.add("Unique name", "uniqueName", app.uniqueName())
			.add("Created", "createdDateTime", app.createdDateTime());
	}

	/** Asks the person to confirm a destructive command; refuses when nobody can answer. */
	static final class Confirmation {

		private Confirmation() {
		}

		static void require(CommandRun run, String question) {
			String answer;
			try {
				answer = run.input().readInput(question);
			}
			catch (UnsupportedOperationException ex) {
				throw DicomregException.invalidInput("Nobody to confirm at this terminal: add --yes to go ahead.");
			}
			catch (Exception ex) {
				throw DicomregException.invalidInput("Not confirmed: nothing was changed.");
			}
			if (answer == null) {
				throw DicomregException.invalidInput("No answer to confirm with: nothing was changed. Add --yes to go "
						+ "ahead without being asked.");
			}
			if (!answer.strip().equalsIgnoreCase("yes")) {
				throw DicomregException.invalidInput("Not confirmed: nothing was changed.");
			}
		}

	}

}
