package io.dicomreg.cli.walkthrough;

import io.dicomreg.verify.VerifyService;
import io.dicomreg.verify.VerifyRequest;
import io.dicomreg.verify.Verification;
import io.dicomreg.output.Table;
import io.dicomreg.output.Result;
import io.dicomreg.exports.ExportService;
import io.dicomreg.exports.ExportRequest;
import io.dicomreg.exports.ExportFormat;
import io.dicomreg.exports.Export;
import io.dicomreg.auth.CredentialSource;
import java.util.Optional;
import java.time.Duration;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.dicomreg.apps.AppRef;
import io.dicomreg.apps.AuthenticationService;
import io.dicomreg.apps.AuthenticationSettings;
import io.dicomreg.apps.DicomApi;
import io.dicomreg.apps.Platform;
import io.dicomreg.cli.walkthrough.WalkthroughProgress.Certificate;
import io.dicomreg.cli.walkthrough.WalkthroughProgress.Secret;
import io.dicomreg.error.DicomregException;
import io.dicomreg.output.Details;
import io.dicomreg.cli.PlatformWords;
import io.dicomreg.output.OutputFormat;
import io.dicomreg.output.Renderer;

/**
 * Step 9: what was made (never a secret value), what to do next, and the replayable script.
 */
class SummaryStep implements WalkthroughStep {

	private final AuthenticationService authentication;

	private final Renderer renderer;

	private final Clock clock;

	private final VerifyService verify;

	private final ExportService exports;

	SummaryStep(AuthenticationService authentication, Renderer renderer, Clock clock, VerifyService verify,
			ExportService exports) {
		this.authentication = authentication;
		this.renderer = renderer;
		this.clock = clock;
		this.verify = verify;
		this.exports = exports;
	}

	@Override
	public String title() {
		return "Summary and next steps";
	}

	@Override
	public String explanation() {
		return "Here is what the walkthrough set up, read back from Entra ID where it can be. Access to DICOM data is "
				+ "granted outside the app registration: admin consent for the permission, then an Azure role on the "
				+ "DICOM service.";
	}

	@Override
	public void run(StepContext context) {
		Prompts prompts = context.prompts();
		prompts.show(this.renderer.render(summary(context.progress()), OutputFormat.TABLE));
		prompts.say(nextSteps(context.progress()));
		verify(context);
		offerExport(context);
		saveScript(context);
	}

	/**
	 * Runs {@code verify} with the secret the walkthrough saved, on the DICOM service it assigned a role on, and
	 * offers to wait while a new role takes effect.
	 */
	private void verify(StepContext context) {
		Prompts prompts = context.prompts();
		WalkthroughProgress.Role role = context.progress().getRole();
		WalkthroughProgress.Secret secret = context.progress().getSecret();
		AppRef app = context.progress().appRef();
		if (app == null || role == null || secret == null || secret.savedTo() == null || this.verify == null) {
			return;
		}
		if (!prompts.confirm("Verify now that '" + app.displayName() + "' reads DICOM data on " + role.service()
				+ ", signing in with its secret?", true)) {
			return;
		}
		Duration wait = Duration.ZERO;
		while (true) {
			try {
				Verification verification = this.verify.verify(new VerifyRequest(app.appId(), role.serviceId(),
						CredentialSource.secretFile(Path.of(secret.savedTo())), false, "v2", wait), () -> new char[0],
						prompts::say);
				Table table = Table.of("Link", "link", "Status", "status", "What it means", "detail", "Fix", "fix");
				verification.links().forEach(link -> table.row(link.name(), link.status().word(), link.detail(), link.fix()));
				prompts.show(this.renderer.render(Result.of(table), OutputFormat.TABLE));
				if (verification.ok()) {
					prompts.say("Verified: the client reads DICOM data.");
					return;
				}
				boolean notYet = verification.links().stream()
					.anyMatch(link -> link.fix() != null && link.fix().contains("--wait"));
				if (!notYet || !wait.isZero() || !prompts.confirm("The role is assigned but not effective yet. Wait up to "
						+ "10 minutes for it, asking again meanwhile?", true)) {
					prompts.say("Not verified yet: run 'verify --dicom " + role.service() + " --secret-file "
							+ secret.savedTo() + "' later.");
					return;
				}
				wait = Duration.ofMinutes(10);
			}
			catch (DicomregException ex) {
				prompts.error(ex.getMessage());
				return;
			}
		}
	}

	/** Offers the hand-off files of {@code app export}, without any secret. */
	private void offerExport(StepContext context) {
		Prompts prompts = context.prompts();
		AppRef app = context.progress().appRef();
		if (app == null || this.exports == null) {
			return;
		}
		Optional<ExportFormat> format = prompts.choose("Write the app's IDs for its tools (no secret in them)?", List.of(
				Choice.of("No", Optional.<ExportFormat>empty()),
				Choice.of("A Postman environment (the DICOM workshop's variables)", Optional.of(ExportFormat.POSTMAN)),
				Choice.of("An env file for Azure Identity", Optional.of(ExportFormat.ENV)),
				Choice.of("An MSAL configuration", Optional.of(ExportFormat.MSAL))));
		if (format.isEmpty()) {
			return;
		}
		String unique = (context.progress().getApplication() != null) ? context.progress().getApplication().uniqueName()
				: "dicom-client";
		String suggested = unique + switch (format.get()) {
			case POSTMAN -> ".postman_environment.json";
			case ENV -> ".env";
			case MSAL -> ".msal.json";
		};
		Path file = Path.of(prompts.text("File to write", Path.of(suggested).toAbsolutePath().toString()));
		WalkthroughProgress.Role role = context.progress().getRole();
		try {
			Export export = this.exports.export(new ExportRequest(app.appId(), format.get(),
					(role != null) ? role.serviceId() : null, "v2", file, null, null), context.plan());
			prompts.say("Wrote " + export.file() + ": " + String.join(", ", export.variables()) + ".");
		}
		catch (DicomregException ex) {
			prompts.error(ex.getMessage());
		}
	}

	private Details summary(WalkthroughProgress progress) {
		AppRef app = progress.appRef();
		Details details = Details.create();
		if (app == null) {
			return details.add("Application", "displayName", "none registered (step 2 was skipped)");
		}
		AuthenticationSettings settings = this.authentication.show(app);
		details.add("Display name", "displayName", app.displayName())
			.add("Application (client) ID", "appId", app.appId())
			.add("Directory (tenant) ID", "tenantId", progress.getTenantId())
			.add("Supported account types", "signInAudience", settings.signInAudience())
			.add("Client type", "clientType", settings.clientType());
		for (Platform platform : PlatformWords.inOrder()) {
			List<String> uris = settings.redirectUris().on(platform);
			if (!uris.isEmpty()) {
				details.add("Redirect URIs, " + PlatformWords.wordOf(platform), platform.jsonName() + "RedirectUris", String.join(", ", uris));
			}
		}
		secret(details, progress.getSecret());
		certificate(details, progress.getCertificate());
		details.add("API permission", "permission", (progress.getPermission() != null)
				? progress.getPermission().scope() + " (delegated) of " + progress.getPermission().resourceName() : "none added");
		details.add("Admin consent", "consent", progress.isConsentGranted() ? "granted for all users" : "not granted");
		details.add("DICOM role", "dicomRole", (progress.getRole() != null)
				? progress.getRole().roleName() + " on " + progress.getRole().service() : "none assigned");
		return details;
	}

	private static void secret(Details details, Secret secret) {
		if (secret == null || secret.keyId() == null) {
			details.add("Client secret", "secretKeyId", "none added");
			return;
		}
		details.add("Client secret", "secretKeyId", secret.keyId())
			.add("Secret description", "secretDescription", secret.description())
			.add("Secret expires", "secretEnd", secret.end())
			.add("Secret value", "secretSavedTo", (secret.savedTo() != null) ? "saved to " + secret.savedTo()
					: secret.valueKnown() ? "shown once" : "not saved or shown by this walkthrough");
	}

	private static void certificate(Details details, Certificate certificate) {
		if (certificate == null || certificate.thumbprint() == null) {
			details.add("Certificate", "certificateThumbprint", "none uploaded");
			return;
		}
		details.add("Certificate", "certificateThumbprint", certificate.thumbprint())
			.add("Certificate file", "certificateFile", certificate.file() + (certificate.created() ? " (self-signed)" : ""));
	}

	private static String nextSteps(WalkthroughProgress progress) {
		List<String> steps = new ArrayList<>();
		if (progress.getPermission() != null && !progress.isConsentGranted()) {
			steps.add("Admin consent: an administrator runs 'permission grant' to grant " + DicomApi.SCOPE
					+ " for the organisation.");
		}
		if (progress.getRole() == null) {
			steps.add("Access to the data (Azure RBAC): 'role assign --role owner|reader --dicom SERVICE' for this app's "
					+ "service principal, or '--assignee UPN' for the users of a public client.");
		}
		else {
			steps.add("Users of a public client need a DICOM role themselves: 'role assign --role reader --dicom "
					+ progress.getRole().service() + " --assignee UPN'.");
		}
		steps.add("Check: get a token for " + DicomApi.RESOURCE + " as this client and call GET <service URL>/v2/changefeed?limit=1. "
				+ "200 or 204 means it works; 403 means the role is missing or not applied yet (up to 10 minutes, and "
				+ "the DICOM service caches access for 5 more).");
		List<String> lines = new ArrayList<>(List.of("", "Next steps:"));
		for (int index = 0; index < steps.size(); index++) {
			lines.add("  " + (index + 1) + ". " + steps.get(index));
		}
		lines.add("");
		return String.join(System.lineSeparator(), lines);
	}

	private void saveScript(StepContext context) {
		Prompts prompts = context.prompts();
		String chosen = context.progress().getScriptFile();
		if (chosen == null && !prompts.confirm("Save these steps as a dicomreg script to replay in another tenant?", true)) {
			return;
		}
		List<String> lines = WalkthroughScript.lines(context.progress(), LocalDate.now(this.clock));
		while (true) {
			Path file = (chosen != null) ? Path.of(chosen) : Path.of(prompts.text("Script file", defaultScript(context)))
				.toAbsolutePath()
				.normalize();
			try {
				WalkthroughScript.write(file, lines);
				prompts.say("Wrote the script " + file + ": the commands that redo this walkthrough in another tenant.");
				return;
			}
			catch (DicomregException ex) {
				prompts.error(ex.getMessage());
				chosen = null;
			}
		}
	}

	private static String defaultScript(StepContext context) {
		String unique = (context.progress().getApplication() != null) ? context.progress().getApplication().uniqueName()
				: "walkthrough";
		return Path.of(unique + ".dicomreg").toAbsolutePath().toString();
	}

}
