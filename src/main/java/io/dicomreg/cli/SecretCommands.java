package io.dicomreg.cli;

import java.util.List;
import java.util.UUID;

import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import io.dicomreg.apps.AppRef;
import io.dicomreg.apps.ApplicationLocator;
import io.dicomreg.apps.credentials.AddedSecret;
import io.dicomreg.apps.credentials.ClientSecret;
import io.dicomreg.apps.credentials.RemovedSecret;
import io.dicomreg.apps.credentials.SecretRequest;
import io.dicomreg.apps.credentials.SecretService;
import io.dicomreg.cli.catalogue.OptionValue;
import io.dicomreg.cli.catalogue.Traits;
import io.dicomreg.cli.completion.AppNameCompleter;
import io.dicomreg.cli.completion.SecretKeyIdCompleter;
import io.dicomreg.error.Subject;
import io.dicomreg.error.DicomregException;
import io.dicomreg.output.Details;
import io.dicomreg.output.Result;
import io.dicomreg.output.Shown;
import io.dicomreg.output.Table;

/**
 * Client secret commands (tutorial step 4, "Certificates &amp; secrets").
 */
@Component
public class SecretCommands {

	static final String GROUP = "Certificates & secrets";

	private final SecretService secrets;

	private final ApplicationLocator locator;

	public SecretCommands(SecretService secrets, ApplicationLocator locator) {
		this.secrets = secrets;
		this.locator = locator;
	}

	@Command(name = { "secret", "add" }, group = GROUP,
			description = "Add a client secret; its value is shown once (tutorial step 4)",
			availabilityProvider = "signedIn")
	@Traits(jsonNeedsOneOf = { "save-to", "show-secret" })
	public Result add(CommandRun run,
			@Option(longName = "description", description = "description shown in the portal, e.g. \"Postman\"")
			@OptionValue(subject = Subject.SECRET_DESCRIPTION) String description,
			@Option(longName = "expires", description = "3m, 6m, 12m or 24m from now, or a date YYYY-MM-DD (valid through that day, UTC); at most 24 months (default: 6m, the portal's recommendation)")
			@OptionValue(subject = Subject.SECRET_LIFETIME) String expires,
			@Option(longName = "save-to", description = "write the value to this new file (mode 0600) instead of showing it")
			@OptionValue(label = "FILE", file = true, subject = Subject.SECRET_FILE) String saveTo,
			@Option(longName = "show-secret", description = "include the value in --output json (table output shows it unless --save-to is given)") boolean showSecret,
			@Option(longName = "if-missing", description = "add nothing when a secret with this --description is still valid (for scripts)") boolean ifMissing,
			@Option(longName = "app", description = AppOption.DESCRIPTION)
			@OptionValue(completion = AppNameCompleter.class, subject = Subject.APPLICATION) String app) {
		if (showSecret && saveTo != null) {
			throw DicomregException.invalidInput("--show-secret and --save-to exclude each other: with --save-to the value "
					+ "goes only to the file.");
		}
		SecretRequest request = new SecretRequest(description, expires, Paths.of(saveTo, "--save-to"), ifMissing);
		this.secrets.validate(request);
		AddedSecret added = this.secrets.addSecret(this.locator.resolve(app, run.plan()), request, run.plan());
		Details details = Details.create()
			.add("Application", "displayName", added.app().displayName())
			.add("Application (client) ID", "appId", added.app().appId());
		describe(details, added.secret());
		if (added.savedTo() != null) {
			details.add("Saved to", "savedTo", added.savedTo().toString());
		}
		if (added.secretText() != null) {
			if (showSecret) {
				details.add("Value", "secretText", added.secretText());
			}
			else {
				details.textOnly("Value", "secretText", added.secretText());
			}
		}
		Result result = Result.of(details).changed(added.changed());
		if (!added.changed()) {
			return result.note("A valid secret described '" + added.secret().description()
					+ "' is already there: nothing was added.");
		}
		return result.noteWithJson(jsonNotice(added, showSecret))
			.note((added.savedTo() != null)
					? "The value was written to " + added.savedTo() + " (readable only by you) and is not shown. "
							+ "It cannot be retrieved again from Entra ID."
					: "Warning: copy the value now. It is shown only this once and cannot be retrieved again.");
	}

	@Command(name = { "secret", "list" }, group = GROUP,
			description = "List the client secrets, expired and soon expiring ones flagged (tutorial step 4)",
			availabilityProvider = "signedIn")
	public Result list(CommandRun run,
			@Option(longName = "app", description = AppOption.DESCRIPTION)
			@OptionValue(completion = AppNameCompleter.class, subject = Subject.APPLICATION) String app) {
		AppRef ref = this.locator.resolve(app, run.plan());
		List<ClientSecret> secrets = this.secrets.listSecrets(ref);
		Table table = Table.of("Key ID", "keyId", "Description", "description", "Hint", "hint", "Start", "startDateTime",
				"Expires", "endDateTime", "Days left", "daysLeft", "Status", "status");
		secrets.forEach(secret -> table.row(secret.keyId(), secret.description(), secret.hint(), secret.start(),
				secret.end(), secret.daysLeft(), Shown.as(secret.status().label(), secret.status())));
		return Result.of(table).note(secrets.isEmpty() ? "'" + ref.displayName()
				+ "' has no client secrets. Add one with 'secret add'." : ExpiryNote.of(secrets.stream().map(ClientSecret::status)
					.toList(), "secret", "'secret add'", "'secret remove KEYID'"));
	}

	@Command(name = { "secret", "remove" }, group = GROUP,
			description = "Remove one client secret by its key ID: secret remove KEYID (tutorial step 4)",
			availabilityProvider = "signedIn")
	public Result remove(CommandRun run,
			@Argument(index = 0, description = "key ID of the secret (see secret list)")
			@OptionValue(completion = SecretKeyIdCompleter.class, subject = Subject.SECRET_KEY_ID) String keyId,
			@Option(longName = "app", description = AppOption.DESCRIPTION)
			@OptionValue(completion = AppNameCompleter.class, subject = Subject.APPLICATION) String app) {
		UUID id = SecretService.keyId(keyId);
		RemovedSecret removed = this.secrets.removeSecret(this.locator.resolve(app, run.plan()), id, run.plan());
		Details details = Details.create()
			.add("Application", "displayName", removed.app().displayName())
			.add("Application (client) ID", "appId", removed.app().appId());
		if (removed.secret() == null) {
			return Result.of(details.add("Key ID", "keyId", removed.keyId())).changed(false)
				.note("No change: '" + removed.app().displayName() + "' has no client secret with key ID "
						+ removed.keyId() + " (removed already, or never there). Run 'secret list' to see its key IDs.");
		}
		describe(details, removed.secret());
		return Result.of(details).changed(removed.changed())
			.note("Removed: anything signing in with this secret now fails.");
	}

	private static String jsonNotice(AddedSecret added, boolean showSecret) {
		if (added.savedTo() != null) {
			return "Note: the secret value was written to " + added.savedTo() + " only.";
		}
		if (showSecret) {
			return "Note: secretText is the secret value. It cannot be retrieved again: store it safely, keep it out of logs.";
		}
		return "Note: the secret value is not in this output (add --show-secret, or --save-to FILE) and cannot be "
				+ "retrieved again. If you need it, remove this secret and add a new one.";
	}

	private static void describe(Details details, ClientSecret secret) {
		details.add("Key ID", "keyId", secret.keyId())
			.add("Description", "description", secret.description())
			.add("Hint", "hint", secret.hint())
			.add("Start", "startDateTime", secret.start())
			.add("Expires", "endDateTime", secret.end());
	}

}
