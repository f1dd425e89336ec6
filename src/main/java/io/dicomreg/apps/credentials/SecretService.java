package io.dicomreg.apps.credentials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.microsoft.graph.models.PasswordCredential;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import io.dicomreg.apps.AppRef;
import io.dicomreg.apps.Change;
import io.dicomreg.apps.ApplicationsGateway;
import io.dicomreg.config.OwnerOnlyFiles;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.config.DicomregHome;
import io.dicomreg.config.DryRun;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.Echo;
import io.dicomreg.error.TextRules;
import io.dicomreg.error.Subject;

/**
 * Client secrets of an application, as the portal's "Certificates &amp; secrets" page handles them:
 * added one at a time with Graph's {@code addPassword} (never by replacing the collection, so other
 * secrets are never lost), listed by hint, removed by key ID.
 */
@Service
public class SecretService {

	private static final Subject SAVE_TO = Subject.SECRET_FILE;

	private final ApplicationsGateway applications;

	private final Clock clock;

	private final SecretIntents intents;

	/** A secret that an intent names counts as added by that run when it started at most this long before. */
	private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	@Autowired
	public SecretService(ApplicationsGateway applications, DicomregHome home, ConnectionTarget target) {
		this(applications, Clock.systemUTC(), SecretIntents.in(home, target));
	}

	public SecretService(ApplicationsGateway applications) {
		this(applications, Clock.systemUTC());
	}

	public SecretService(ApplicationsGateway applications, Clock clock) {
		this(applications, clock, SecretIntents.inMemory());
	}

	public SecretService(ApplicationsGateway applications, Clock clock, SecretIntents intents) {
		this.applications = applications;
		this.clock = clock;
		this.intents = intents;
	}

	/**
	 * Adds a client secret. With {@link SecretRequest#saveTo()} the value is written to that new file
	 * (mode 0600) and not returned; the file and its folder are checked before Graph is called.
	 * @throws DicomregException (usage) for a bad lifetime or file, before any Graph call; (failure)
	 * when Graph refuses or the file cannot be written (the new secret is then removed again)
	 */
	public AddedSecret addSecret(AppRef app, SecretRequest request, DryRun plan) {
		OffsetDateTime end = SecretLifetime.endOf(request.expires(), this.clock);
		String description = description(request.description());
		if (request.ifMissing()) {
			Path wanted = (request.saveTo() != null) ? SaveTarget.absolute(request.saveTo(), SAVE_TO) : null;
			Optional<ClientSecret> existing = validSecretDescribed(app, description);
			if (existing.isPresent()) {
				Optional<AddedSecret> kept = keepOrReplace(app, existing.get(), description, wanted, plan);
				if (kept.isPresent()) {
					return kept.get();
				}
			}
		}
		Path saveTo = (request.saveTo() != null) ? SaveTarget.newFile(request.saveTo(), SAVE_TO) : null;
		if (!plan.active()) {
			// Written down first: if this run dies before the value is kept, the next one knows.
			this.intents.record(app, description, saveTo, this.clock.instant());
		}
		PasswordCredential credential = new PasswordCredential();
		credential.setDisplayName(description(request.description()));
		credential.setEndDateTime(end);
		Optional<PasswordCredential> added = this.applications.addPassword(app, credential, Change.of(plan,
				"add a client secret '" + description(request.description()) + "' valid until " + end.toLocalDate()
						+ ((saveTo != null) ? ", its value written to " + saveTo : ", its value shown once"),
				"Adding the client secret"));
		if (added.isEmpty()) {
			return new AddedSecret(app, new ClientSecret(null, description(request.description()), null, null, end,
					CredentialStatus.daysLeft(end, this.clock.instant()), CredentialStatus.VALID), saveTo, null, true);
		}
		PasswordCredential created = added.get();
		ClientSecret secret = toSecret(created);
		if (saveTo == null) {
			this.intents.clear(app, description, null);
			return new AddedSecret(app, secret, null, created.getSecretText(), true);
		}
		try {
			save(app, secret, saveTo, created.getSecretText());
		}
		finally {
			this.intents.clear(app, description, saveTo);
		}
		return new AddedSecret(app, secret, saveTo, null, true);
	}

	/**
	 * What to do with the valid secret already described so, when a secret is to be added only if
	 * missing: keep it when its value is where it was asked for (its file exists, or it was shown);
	 * replace it when an earlier run of dicomreg added it and died before keeping its value (nobody
	 * has it); refuse when its value is not in the file and no run here was adding it.
	 * @return the secret kept, or empty when it was removed and a new one is to be added
	 */
	private Optional<AddedSecret> keepOrReplace(AppRef app, ClientSecret existing, String description, Path file,
			DryRun plan) {
		Optional<Instant> intended = this.intents.find(app, description, file);
		if (file != null && SaveTarget.exists(file)) {
			this.intents.clear(app, description, file);
			return Optional.of(new AddedSecret(app, existing, null, null, false));
		}
		boolean lost = intended.isPresent() && existing.start() != null
				&& !existing.start().toInstant().isBefore(intended.get().minus(CLOCK_SKEW));
		if (lost) {
			// Added by a run that died before its value was kept: take it away, then add one whose value is kept.
			this.applications.removePassword(app, existing.keyId(), Change.of(plan, removal(existing)
					+ ", whose value an interrupted run never kept", "Removing the client secret whose value was lost"));
			return Optional.empty();
		}
		if (file == null) {
			return Optional.of(new AddedSecret(app, existing, null, null, false));
		}
		throw DicomregException.failure("A valid secret described '" + description + "' is already on '"
				+ app.displayName() + "' (key ID " + existing.keyId() + "), but its value is not in " + file
				+ " and no run of dicomreg here was adding it: remove it ('secret remove " + existing.keyId()
				+ "') to add a new one, or put its value in that file.");
	}

	/**
	 * Checks a request without calling Graph: its lifetime, and that {@code saveTo} is a new file in a
	 * writable folder. {@link #addSecret} checks again; commands call this first so that bad input is
	 * reported before the application is even looked up.
	 * @throws DicomregException (usage) naming the option at fault
	 */
	public void validate(SecretRequest request) {
		SecretLifetime.endOf(request.expires(), this.clock);
		if (request.ifMissing() && description(request.description()) == null) {
			throw needsDescription();
		}
		if (request.saveTo() != null && request.ifMissing()) {
			// The file of an earlier run may be there: only a secret that is really added needs a new file.
			SaveTarget.checkWritableFolder(SaveTarget.absolute(request.saveTo(), SAVE_TO).getParent(), SAVE_TO);
		}
		else if (request.saveTo() != null) {
			SaveTarget.newFile(request.saveTo(), SAVE_TO);
		}
	}

	private static DicomregException needsDescription() {
		return DicomregException.invalid(Subject.SECRET_DESCRIPTION, " is needed to add a secret only when missing: the "
				+ "description is how an existing secret is recognised.");
	}

	/** The still valid secret of {@code app} with this description, if there is one. */
	public Optional<ClientSecret> validSecretDescribed(AppRef app, String description) {
		String wanted = description(description);
		if (wanted == null) {
			throw needsDescription();
		}
		return listSecrets(app).stream()
			.filter(secret -> wanted.equals(secret.description()) && secret.status() != CredentialStatus.EXPIRED)
			.findFirst();
	}

	/** The application's client secrets, the first to expire first. */
	public List<ClientSecret> listSecrets(AppRef app) {
		List<PasswordCredential> credentials = this.applications
			.read(app, "Reading the client secrets", "id", "passwordCredentials")
			.getPasswordCredentials();
		return (credentials == null) ? List.of()
				: credentials.stream().map(this::toSecret)
					.sorted(Comparator.comparing(ClientSecret::end, Comparator.nullsLast(Comparator.naturalOrder())))
					.toList();
	}

	/**
	 * Removes one client secret with Graph's {@code removePassword}; the others stay. A key ID the
	 * application does not have (any more) is no error: nothing is removed, and the result says so,
	 * so that a rerun of a removal that took effect (after an interruption, in a script) succeeds.
	 */
	public RemovedSecret removeSecret(AppRef app, UUID keyId, DryRun plan) {
		Optional<ClientSecret> secret = listSecrets(app).stream()
			.filter(candidate -> keyId.equals(candidate.keyId()))
			.findFirst();
		if (secret.isEmpty()) {
			return new RemovedSecret(app, keyId, null, false);
		}
		this.applications.removePassword(app, keyId, Change.of(plan, removal(secret.get()), "Removing the client secret"));
		return new RemovedSecret(app, keyId, secret.get(), true);
	}

	/**
	 * Parses a key ID typed by the user.
	 * @throws DicomregException (usage) when it is not a GUID
	 */
	public static UUID keyId(String text) {
		String value = (text != null) ? text.strip() : "";
		if (value.isEmpty()) {
			throw DicomregException.invalidInput("Give the key ID of the secret to remove. Run 'secret list' to see them.");
		}
		try {
			if (value.length() == 36) {
				return UUID.fromString(value);
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		// Echoed whole only when short: a secret value pasted here by mistake is never printed.
		throw DicomregException.invalidInput(Echo.quoted(value) + " is not a key ID (a GUID such as "
				+ "0f8fad5b-d9cb-469f-a165-70867728950e). Run 'secret list' to see them.");
	}

	private void save(AppRef app, ClientSecret secret, Path file, String secretText) {
		try {
			SaveTarget.stillAbsent(file, SAVE_TO);
			OwnerOnlyFiles.write(file, secretText.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException | RuntimeException ex) {
			// A secret whose value nobody can read is only a liability: take it away again.
			this.applications.removePassword(app, secret.keyId(), Change.of(DryRun.off(), removal(secret),
					"Writing " + file + " failed, and removing the new client secret"));
			throw DicomregException.failure("Cannot write the secret to " + file + ": " + reason(ex)
					+ ". The new secret was removed again; nothing changed.");
		}
	}

	/** The removal of {@code secret} in words, for a dry run. */
	private static String removal(ClientSecret secret) {
		return "remove the client secret " + secret.keyId() + " ('" + secret.description() + "')";
	}

	private ClientSecret toSecret(PasswordCredential credential) {
		return ClientSecret.of(credential, this.clock.instant());
	}

	private static String description(String description) {
		return TextRules.description(Subject.SECRET_DESCRIPTION, description);
	}

	private static String reason(Exception ex) {
		return (ex instanceof DicomregException) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

}
