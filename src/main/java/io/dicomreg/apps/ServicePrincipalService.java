package io.dicomreg.apps;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

import io.dicomreg.config.DryRun;
import io.dicomreg.config.Waiting;
import io.dicomreg.error.DicomregException;

/**
 * The application's service principal in its home tenant, which the portal creates when it registers an
 * application and without which the app cannot sign in (AADSTS7000229), be granted consent or be assigned a role.
 * Right after an application is created, Entra ID may refuse its service principal until the application has
 * replicated: the creation is asked again with a growing pause and a progress line, for about three minutes at most.
 */
public class ServicePrincipalService {

	/** How long a new application may take to replicate before its service principal is given up on. */
	public static final Duration REPLICATION_LIMIT = Duration.ofMinutes(3);

	private static final Duration FIRST_PAUSE = Duration.ofSeconds(2);

	private static final Duration LONGEST_PAUSE = Duration.ofSeconds(15);

	private final ServicePrincipalsGateway servicePrincipals;

	private final Waiting waiting;

	private final Consumer<String> progress;

	/**
	 * @param servicePrincipals Graph's service principals
	 * @param waiting the clock and the pause between two requests
	 * @param progress where the progress lines of a wait go
	 */
	public ServicePrincipalService(ServicePrincipalsGateway servicePrincipals, Waiting waiting, Consumer<String> progress) {
		this.servicePrincipals = servicePrincipals;
		this.waiting = waiting;
		this.progress = progress;
	}

	/** The application's service principal, if it has one; none for an application a dry run only planned. */
	public Optional<ClientServicePrincipal> find(AppRef app) {
		if (app.planned()) {
			return Optional.empty();
		}
		return this.servicePrincipals.byAppId(app.appId());
	}

	/**
	 * Makes sure the application has its service principal: looks first, creates it when missing, and waits while
	 * a new application replicates. Running it again changes nothing.
	 * @throws DicomregException when Graph refuses, or still does not see the application after
	 * {@link #REPLICATION_LIMIT}
	 */
	public ServicePrincipalOutcome create(AppRef app, DryRun plan) {
		if (!app.planned()) {
			Optional<ClientServicePrincipal> existing = this.servicePrincipals.byAppId(app.appId());
			if (existing.isPresent()) {
				return new ServicePrincipalOutcome(app, existing.get(), false, 0, "No change: '" + app.displayName()
						+ "' has its service principal already (object ID " + existing.get().objectId() + ").");
			}
		}
		if (plan.skip("create the service principal of '" + app.displayName() + "' (its enterprise application)")) {
			return new ServicePrincipalOutcome(app, null, true, 0, "Dry run: no service principal was created.");
		}
		return createWaitingForReplication(app);
	}

	private ServicePrincipalOutcome createWaitingForReplication(AppRef app) {
		String doing = "Creating the service principal of '" + app.displayName() + "'";
		Instant start = this.waiting.clock().instant();
		Duration pause = FIRST_PAUSE;
		for (int attempt = 1;; attempt++) {
			ServicePrincipalsGateway.Creation creation = this.servicePrincipals.create(app.appId(), doing);
			switch (creation.kind()) {
				case CREATED:
					return new ServicePrincipalOutcome(app, creation.servicePrincipal(), true, attempt,
							"Created the service principal of '" + app.displayName() + "' (object ID "
									+ creation.servicePrincipal().objectId() + "): the app can now sign in, be granted "
									+ "consent and be assigned roles.");
				case EXISTS:
					ClientServicePrincipal existing = this.servicePrincipals.byAppId(app.appId())
						.orElseThrow(() -> DicomregException.failure(doing + " failed: Graph says it exists but does "
								+ "not show it yet. Run 'app sp create --app " + app.appId() + "' again in a minute."));
					return new ServicePrincipalOutcome(app, existing, false, attempt, "No change: '" + app.displayName()
							+ "' has its service principal already (object ID " + existing.objectId() + ").");
				case NOT_REPLICATED:
				default:
					Duration waited = Duration.between(start, this.waiting.clock().instant());
					if (waited.plus(pause).compareTo(REPLICATION_LIMIT) > 0) {
						throw DicomregException.failure(doing + " failed: Entra ID still does not see the new "
								+ "application after " + words(waited) + " (" + refusalReason(creation.refusal(), doing)
								+ "). The application is registered; run 'app sp create --app " + app.appId()
								+ "' in a few minutes.");
					}
					this.progress.accept("Entra ID is still replicating the new application; asking again for its "
							+ "service principal in " + words(pause) + " (attempt " + (attempt + 1) + ", "
							+ words(waited) + " waited of at most " + words(REPLICATION_LIMIT) + ").");
					this.waiting.pause(pause);
					pause = (pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0) ? LONGEST_PAUSE : pause.multipliedBy(2);
			}
		}
	}

	/** Graph's refusal without the "{@code doing} failed: " it was translated with. */
	private static String refusalReason(String refusal, String doing) {
		String prefix = doing + " failed: ";
		return (refusal != null && refusal.startsWith(prefix)) ? refusal.substring(prefix.length()) : refusal;
	}

	private static String words(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds >= 60 && seconds % 60 == 0) {
			return (seconds / 60) + " min";
		}
		return (seconds >= 60) ? (seconds / 60) + " min " + (seconds % 60) + " s" : seconds + " s";
	}

}
