package io.dicomreg.cli.walkthrough;

import java.nio.file.Path;
import java.util.Optional;

import io.dicomreg.apps.AppRef;
import io.dicomreg.apps.credentials.AddedSecret;
import io.dicomreg.apps.credentials.ClientSecret;
import io.dicomreg.apps.credentials.SecretRequest;
import io.dicomreg.apps.credentials.SecretService;
import io.dicomreg.cli.walkthrough.WalkthroughProgress.Secret;
import io.dicomreg.error.DicomregException;

/**
 * Adds the client secret of step 5: its value goes to a file the person names (0600) or to the
 * screen once, never into the progress or the script.
 */
class SecretPart {

	static final String DEFAULT_DESCRIPTION = "dicomreg walkthrough";

	private final SecretService secrets;

	SecretPart(SecretService secrets) {
		this.secrets = secrets;
	}

	void run(StepContext context) {
		Prompts prompts = context.prompts();
		AppRef app = context.app();
		Secret previous = context.progress().getSecret();
		Optional<ClientSecret> kept = (previous != null && previous.keyId() != null)
				? this.secrets.validSecretDescribed(app, previous.description())
					.filter(secret -> secret.keyId().toString().equals(previous.keyId()))
				: Optional.empty();
		if (kept.isPresent()) {
			prompts.say("The client secret '" + previous.description() + "' (key ID " + previous.keyId()
					+ ") added earlier in this walkthrough is kept.");
			return;
		}
		String description = prompts.text("Secret description",
				(previous != null) ? previous.description() : DEFAULT_DESCRIPTION);
		String expires = prompts.choose("Expires in", AuthenticationStep.ordered((previous != null) ? previous.expires() : "6m",
				Choice.of("6 months (recommended)", "6m"), Choice.of("3 months", "3m"), Choice.of("12 months", "12m"),
				Choice.of("24 months (the longest allowed)", "24m")));
		boolean toFile = prompts.choose("Where should the secret value go?",
				AuthenticationStep.ordered(previous == null || previous.savedTo() != null,
						Choice.of("Into a new file only you can read (recommended)", true),
						Choice.of("On the screen, once: copy it at once", false)));
		Path file = toFile ? file(context, description, expires, previous) : null;
		context.confirm("Add the client secret '" + description + "', valid " + expires.replace("m", " months")
				+ ((file != null) ? ", its value written to " + file : ", its value shown once") + "?");
		context.progress().setSecret(new Secret(description, expires, (file != null) ? file.toString() : null, null, null));
		context.save();
		AddedSecret added = this.secrets.addSecret(app, new SecretRequest(description, expires, file, true));
		ClientSecret secret = added.secret();
		context.progress().setSecret(new Secret(description, expires, (file != null) ? file.toString() : null,
				secret.keyId().toString(), Days.of(secret.end())));
		context.save();
		report(prompts, added);
	}

	private Path file(StepContext context, String description, String expires, Secret previous) {
		String unique = context.progress().getApplication().uniqueName();
		String suggested = (previous != null && previous.savedTo() != null) ? previous.savedTo()
				: Path.of(unique + "-secret.txt").toAbsolutePath().toString();
		while (true) {
			Path file = Path.of(context.prompts().text("File for the secret value", suggested)).toAbsolutePath().normalize();
			// The file of an interrupted attempt may exist: then the secret it belongs to is found, not added again.
			boolean sameAsBefore = previous != null && file.toString().equals(previous.savedTo());
			try {
				this.secrets.validate(new SecretRequest(description, expires, file, sameAsBefore));
				return file;
			}
			catch (DicomregException ex) {
				context.prompts().error(ex.getMessage());
			}
		}
	}

	private static void report(Prompts prompts, AddedSecret added) {
		ClientSecret secret = added.secret();
		if (!added.changed()) {
			prompts.say("A valid client secret '" + secret.description() + "' (key ID " + secret.keyId()
					+ ") is already there: none added.");
		}
		else if (added.savedTo() != null) {
			prompts.say("Added the client secret (key ID " + secret.keyId() + ", expires " + Days.of(secret.end()) + "). Its value is in "
					+ added.savedTo() + ", readable only by you; Entra ID never shows it again.");
		}
		else {
			prompts.say("Added the client secret (key ID " + secret.keyId() + ", expires " + Days.of(secret.end()) + ").");
			prompts.say("Copy its value now: it is shown only this once.");
			prompts.show("  " + added.secretText());
		}
	}

}
