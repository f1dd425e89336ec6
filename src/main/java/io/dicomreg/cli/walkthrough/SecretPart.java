package io.dicomreg.cli.walkthrough;

import java.nio.file.Files;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.dicomreg.apps.AppRef;
import io.dicomreg.apps.credentials.AddedSecret;
import io.dicomreg.apps.credentials.ClientSecret;
import io.dicomreg.apps.credentials.CredentialStatus;
import io.dicomreg.apps.credentials.SecretRequest;
import io.dicomreg.apps.credentials.SecretService;
import io.dicomreg.cli.walkthrough.WalkthroughProgress.Secret;
import io.dicomreg.error.DicomregException;

/**
 * Adds the client secret of step 5: its value goes to a file the person names (0600) or to the
 * screen once, never into the progress or the script. A secret found already there (added just
 * before an interruption) is never passed off as one whose value was saved.
 */
class SecretPart {

	private final SecretService secrets;

	SecretPart(SecretService secrets) {
		this.secrets = secrets;
	}

	void run(StepContext context) {
		Prompts prompts = context.prompts();
		AppRef app = context.app();
		Secret previous = context.progress().getSecret();
		if (previous != null && previous.keyId() != null && stillValid(app, previous.keyId())) {
			prompts.say("The client secret '" + previous.description() + "' (key ID " + previous.keyId()
					+ ") added earlier in this walkthrough is kept.");
			return;
		}
		String description = prompts.text("Secret description",
				(previous != null) ? previous.description() : defaultDescription(context.progress()));
		String expires = prompts.choose("Expires in", Choice.ordered((previous != null) ? previous.expires() : "6m",
				Choice.of("6 months (recommended)", "6m"), Choice.of("3 months", "3m"), Choice.of("12 months", "12m"),
				Choice.of("24 months (the longest allowed)", "24m")));
		boolean toFile = prompts.choose("Where should the secret value go?",
				Choice.ordered(previous == null || previous.savedTo() != null,
						Choice.of("Into a new file only you can read (recommended)", true),
						Choice.of("On the screen, once: copy it at once", false)));
		Path file = toFile ? file(context, description, expires, previous) : null;
		context.confirm("Add the client secret '" + description + "', valid " + expires.replace("m", " months")
				+ ((file != null) ? ", its value written to " + file : ", its value shown once") + "?");
		context.progress().setSecret(Secret.pending(description, expires, file));
		context.save();
		Optional<ClientSecret> existing = this.secrets.validSecretDescribed(app, description);
		if (existing.isPresent()) {
			alreadyThere(context, app, new AddedSecret(app, existing.get(), null, null, false), previous);
			return;
		}
		AddedSecret added = this.secrets.addSecret(app, new SecretRequest(description, expires, file), context.plan());
		record(context, added, true);
		report(prompts, added);
	}

	/**
	 * A valid secret with this description was there. If this walkthrough was adding it when it was
	 * interrupted and its file is there, that is the one; otherwise nobody here knows its value, and
	 * the person chooses between replacing and keeping it.
	 */
	private void alreadyThere(StepContext context, AppRef app, AddedSecret found, Secret previous) {
		Prompts prompts = context.prompts();
		ClientSecret secret = found.secret();
		Secret pending = context.progress().getSecret();
		boolean interruptedHere = previous != null && previous.keyId() == null
				&& previous.description().equals(pending.description());
		if (interruptedHere && pending.savedTo() != null && Files.exists(Path.of(pending.savedTo()))) {
			record(context, new AddedSecret(app, secret, Path.of(pending.savedTo()), null, false), true);
			prompts.say("The client secret '" + secret.description() + "' (key ID " + secret.keyId() + ") was added before "
					+ "the interruption; its value is in " + pending.savedTo() + ".");
			return;
		}
		prompts.say("A valid client secret '" + secret.description() + "' (key ID " + secret.keyId() + ") is already there, "
				+ "but this walkthrough neither saved nor showed its value.");
		boolean replace = prompts.choose("What should happen to it?", List.of(
				Choice.of("Remove it and add a new one (sign-ins with the old value stop working)", true),
				Choice.of("Keep it: you have its value", false)));
		if (!replace) {
			record(context, new AddedSecret(app, secret, null, null, false), false);
			return;
		}
		this.secrets.removeSecret(app, secret.keyId(), context.plan());
		Path file = (pending.savedTo() != null) ? Path.of(pending.savedTo()) : null;
		AddedSecret added = this.secrets.addSecret(app, new SecretRequest(pending.description(), pending.expires(), file), context.plan());
		record(context, added, true);
		report(prompts, added);
	}

	private static void record(StepContext context, AddedSecret added, boolean valueKnown) {
		Secret pending = context.progress().getSecret();
		ClientSecret secret = added.secret();
		context.progress().setSecret(new Secret(pending.description(), pending.expires(),
				(added.savedTo() != null) ? added.savedTo().toString() : null, secret.keyId().toString(), Days.of(secret.end()),
				valueKnown));
		context.save();
	}

	private boolean stillValid(AppRef app, String keyId) {
		Optional<ClientSecret> secret = this.secrets.listSecrets(app)
			.stream()
			.filter(candidate -> candidate.keyId().equals(UUID.fromString(keyId)))
			.findFirst();
		return secret.isPresent() && secret.get().status() != CredentialStatus.EXPIRED;
	}

	/** A description of this walkthrough's own, so that a secret of an earlier one is never taken for it. */
	private static String defaultDescription(WalkthroughProgress progress) {
		String started = (progress.getStartedAt() != null) ? progress.getStartedAt() : "";
		return ("dicomreg walkthrough " + started.replace('T', ' ')).strip();
	}

	private Path file(StepContext context, String description, String expires, Secret previous) {
		String unique = context.progress().getApplication().uniqueName();
		String suggested = (previous != null && previous.savedTo() != null) ? previous.savedTo() : newFileName(Path.of("").toAbsolutePath(), unique);
		while (true) {
			Path file = Path.of(context.prompts().text("File for the secret value", suggested)).toAbsolutePath().normalize();
			// The file of an interrupted attempt may exist: then the secret it belongs to is found, not added again.
			boolean sameAsBefore = previous != null && previous.keyId() == null && file.toString().equals(previous.savedTo());
			try {
				this.secrets.validate(new SecretRequest(description, expires, file, sameAsBefore));
				return file;
			}
			catch (DicomregException ex) {
				context.prompts().error(ex.getMessage());
			}
		}
	}

	/**
	 * A file name in {@code folder} that does not exist yet: {@code UNIQUE-secret.txt}, else
	 * {@code UNIQUE-secret-2.txt} and so on (a second walkthrough in the same folder must not be
	 * offered a name it will refuse).
	 */
	static String newFileName(Path folder, String unique) {
		Path file = folder.resolve(unique + "-secret.txt");
		for (int n = 2; Files.exists(file, LinkOption.NOFOLLOW_LINKS); n++) {
			file = folder.resolve(unique + "-secret-" + n + ".txt");
		}
		return file.toString();
	}

	private static void report(Prompts prompts, AddedSecret added) {
		ClientSecret secret = added.secret();
		if (added.savedTo() != null) {
			prompts.say("Added the client secret (key ID " + secret.keyId() + ", expires " + Days.of(secret.end())
					+ "). Its value is in " + added.savedTo() + ", readable only by you; Entra ID never shows it again.");
			return;
		}
		prompts.say("Added the client secret (key ID " + secret.keyId() + ", expires " + Days.of(secret.end()) + ").");
		prompts.say("Copy its value now: it is shown only this once.");
		prompts.show("  " + added.secretText());
	}

}
