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
import io.dicomreg.cli.completion.CommandCompletions;
import io.dicomreg.error.DicomregException;
import io.dicomreg.output.Details;
import io.dicomreg.output.Notices;
import io.dicomreg.output.OutputFormat;
import io.dicomreg.output.Renderer;
import io.dicomreg.output.Table;

/**
 * Client secret commands (tutorial step 4, "Certificates &amp; secrets").
 */
@Component
public class SecretCommands {

	static final String GROUP = "Certificates & secrets";


	private final SecretService secrets;

	private final ApplicationLocator locator;

	private final Renderer renderer;

	private final Notices notices;

	public SecretCommands(SecretService secrets, ApplicationLocator locator, Renderer renderer, Notices notices) {
		this.secrets = secrets;
		this.locator = locator;
		this.renderer = renderer;
		this.notices = notices;
	}

	@Command(name = { "secret", "add" }, group = GROUP,
			description = "Add a client secret; its value is shown once (tutorial step 4)",
			availabilityProvider = "signedIn", completionProvider = CommandCompletions.BEAN_NAME)
	public String add(
			@Option(longName = "description", description = "description shown in the portal, e.g. \"Postman\"") String description,
			@Option(longName = "expires", description = "3m, 6m, 12m or 24m from now, or a date YYYY-MM-DD (valid through that day, UTC); at most 24 months (default: 6m, the portal's recommendation)") String expires,
			@Option(longName = "save-to", description = "write the value to this new file (mode 0600) instead of showing it") String saveTo,
			@Option(longName = "show-secret", description = "include the value in --output json (table output shows it unless --save-to is given)") boolean showSecret,
			@Option(longName = "if-missing", description = "add nothing when a secret with this --description is still valid (for scripts)") boolean ifMissing,
			@Option(longName = "app", description = AppOption.DESCRIPTION) String app) {
		if (showSecret && saveTo != null) {
			throw DicomregException.invalidInput("--show-secret and --save-to exclude each other: with --save-to the value "
					+ "goes only to the file.");
		}
		if (this.renderer.format() == OutputFormat.JSON && !showSecret && saveTo == null) {
			// A secret whose value nobody ever sees is a live credential nobody can use: refuse before creating it.
			throw DicomregException.invalidInput("With --output json the value must go somewhere: add --save-to FILE, "
					+ "or --show-secret to put it in the JSON.");
		}
		SecretRequest request = new SecretRequest(description, expires, Paths.of(saveTo, "--save-to"), ifMissing);
		this.secrets.validate(request);
		AddedSecret added = this.secrets.addSecret(this.locator.resolve(app), request);
		boolean json = this.renderer.format() == OutputFormat.JSON;
		Details details = Details.create()
			.add("Application", "displayName", added.app().displayName())
			.add("Application (client) ID", "appId", added.app().appId());
		describe(details, added.secret());
		if (added.savedTo() != null) {
			details.add("Saved to", "savedTo", added.savedTo().toString());
		}
		if (added.secretText() != null && (!json || showSecret)) {
			details.add("Value", "secretText", added.secretText());
		}
		details.add("Changed", "changed", added.changed());
		if (!added.changed()) {
			return this.renderer.render(details, "A valid secret described '" + added.secret().description()
					+ "' is already there: nothing was added.");
		}
		if (json) {
			this.notices.println(jsonNotice(added, showSecret));
		}
		return this.renderer.render(details, (added.savedTo() != null)
				? "The value was written to " + added.savedTo() + " (readable only by you) and is not shown. "
						+ "It cannot be retrieved again from Entra ID."
				: "Warning: copy the value now. It is shown only this once and cannot be retrieved again.");
	}

	@Command(name = { "secret", "list" }, group = GROUP,
			description = "List the client secrets, expired and soon expiring ones flagged (tutorial step 4)",
			availabilityProvider = "signedIn", completionProvider = CommandCompletions.BEAN_NAME)
	public String list(@Option(longName = "app", description = AppOption.DESCRIPTION) String app) {
		AppRef ref = this.locator.resolve(app);
		List<ClientSecret> secrets = this.secrets.listSecrets(ref);
		boolean json = this.renderer.format() == OutputFormat.JSON;
		Table table = Table.of("Key ID", "keyId", "Description", "description", "Hint", "hint", "Start", "startDateTime",
				"Expires", "endDateTime", "Days left", "daysLeft", "Status", "status");
		secrets.forEach(secret -> table.row(secret.keyId(), secret.description(), secret.hint(), secret.start(),
				secret.end(), secret.daysLeft(), json ? secret.status() : secret.status().label()));
		return this.renderer.render(table, secrets.isEmpty() ? "'" + ref.displayName()
				+ "' has no client secrets. Add one with 'secret add'." : ExpiryNote.of(secrets.stream().map(ClientSecret::status)
					.toList(), "secret", "'secret add'", "'secret remove KEYID'"));
	}

	@Command(name = { "secret", "remove" }, group = GROUP,
			description = "Remove one client secret by its key ID: secret remove KEYID (tutorial step 4)",
			availabilityProvider = "signedIn", completionProvider = CommandCompletions.BEAN_NAME)
	public String remove(@Argument(index = 0, description = "key ID of the secret (see secret list)") String keyId,
			@Option(longName = "app", description = AppOption.DESCRIPTION) String app) {
		UUID id = SecretService.keyId(keyId);
		RemovedSecret removed = this.secrets.removeSecret(this.locator.resolve(app), id);
		Details details = Details.create()
			.add("Application", "displayName", removed.app().displayName())
			.add("Application (client) ID", "appId", removed.app().appId());
		describe(details, removed.secret());
		details.add("Changed", "changed", removed.changed());
		return this.renderer.render(details, "Removed: anything signing in with this secret now fails.");
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
