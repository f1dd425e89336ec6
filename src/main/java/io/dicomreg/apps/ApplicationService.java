package io.dicomreg.apps;

import java.util.List;
import java.util.Comparator;
import java.time.Instant;
import java.time.Clock;
import java.util.Optional;
import java.util.stream.Collectors;

import com.microsoft.graph.models.Application;

import io.dicomreg.apps.credentials.CertificateCredential;
import io.dicomreg.apps.credentials.ClientSecret;
import io.dicomreg.auth.SignInService;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.config.DryRun;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.TextRules;
import io.dicomreg.error.Subject;

/**
 * The application registration steps of the tutorial (register, note the IDs) and the
 * housekeeping around them (list, show, select, delete), done through Microsoft Graph.
 */
public class ApplicationService {

	/** Graph's limit on an application's display name. */
	static final int MAX_DISPLAY_NAME_LENGTH = 256;

	/** The most applications one {@code app list} shows. */
	static final int MAX_LIST = 999;

	/** What a dry run shows for an ID that only registering would assign. */
	static final String NOT_YET = "(assigned when registered)";

	private static final String[] SUMMARY_FIELDS = { "id", "appId", "displayName", "signInAudience", "uniqueName",
			"createdDateTime" };

	private final ApplicationsGateway applications;

	private final SignInService signIn;

	private final ConnectionTarget target;

	private final ApplicationLocator locator;

	private final AppSelection selection;

	private final AppNameIndex names;

	private final PermissionService permissions;

	private final ServicePrincipalService servicePrincipals;

	private final Clock clock;

	public ApplicationService(ApplicationsGateway applications, SignInService signIn, ConnectionTarget target,
			ApplicationLocator locator, AppSelection selection, AppNameIndex names, PermissionService permissions,
			ServicePrincipalService servicePrincipals, Clock clock) {
		this.applications = applications;
		this.signIn = signIn;
		this.target = target;
		this.locator = locator;
		this.selection = selection;
		this.names = names;
		this.permissions = permissions;
		this.servicePrincipals = servicePrincipals;
		this.clock = clock;
	}

	/**
	 * Registers an application and selects it. With a unique name it is an upsert: re-running
	 * changes nothing. Without one, an application with the same display name is not silently
	 * duplicated unless {@code forceNew}. Unless asked not to, the application's service principal is made too, as
	 * the portal does (see {@link ServicePrincipalService#create}).
	 * @throws DicomregException for invalid input, a name already taken, or a failed Graph call
	 */
	public Registration register(RegistrationRequest request, DryRun plan) {
		String name = validDisplayName(request.displayName());
		Registration registration = (request.uniqueName() != null)
				? upsert(name, validUniqueName(request.uniqueName()), request.audience(), plan)
				: create(name, request.audience(), request.forceNew(), plan);
		this.selection.select(registration.application().ref(), plan);
		this.names.invalidate();
		if (request.servicePrincipal()) {
			registration = registration.with(this.servicePrincipals.create(registration.application().ref(), plan));
		}
		return registration;
	}

	/** Registers a new single-tenant application under {@code displayName}. */
	public RegisteredApplication register(String displayName) {
		return register(new RegistrationRequest(displayName, null, Audience.SINGLE_TENANT, true), DryRun.off()).application();
	}

	/**
	 * The application registered under {@code uniqueName}, if there is one.
	 * @throws DicomregException for an invalid unique name or a failed Graph call
	 */
	public Optional<RegisteredApplication> findByUniqueName(String uniqueName) {
		return this.applications.byUniqueName(validUniqueName(uniqueName), SUMMARY_FIELDS).map(this::toRegistered);
	}

	/**
	 * The applications of the tenant, filtered by the server when {@code nameStartsWith} is given.
	 * @param top how many at most, 1 to 999
	 */
	public List<RegisteredApplication> list(String nameStartsWith, int top) {
		if (nameStartsWith != null && nameStartsWith.length() > MAX_DISPLAY_NAME_LENGTH) {
			throw DicomregException.invalid(Subject.NAME_PREFIX, " has " + nameStartsWith.length()
					+ " characters: no display name is longer than " + MAX_DISPLAY_NAME_LENGTH + ".");
		}
		TextRules.requirePlainText(Subject.NAME_PREFIX, nameStartsWith);
		if (top < 1 || top > MAX_LIST) {
			throw DicomregException.invalid(Subject.LIST_SIZE, " must be between 1 and " + MAX_LIST + ".");
		}
		String startsWith = (nameStartsWith != null && !nameStartsWith.isBlank()) ? nameStartsWith : null;
		return this.applications.list(startsWith, top, "Listing the applications", SUMMARY_FIELDS).stream()
			.map(this::toRegistered)
			.toList();
	}

	/**
	 * The application with what the tutorial configured on it: authentication, credentials with
	 * their expiry, permissions by name and its service principal (one read of the application, one per API it
	 * names, one of the service principal).
	 */
	public ApplicationDetails show(AppRef app) {
		Application application = this.applications.read(app, "Reading the application");
		Instant now = this.clock.instant();
		List<ClientSecret> secrets = listOf(application.getPasswordCredentials()).stream()
			.map(credential -> ClientSecret.of(credential, now))
			.sorted(Comparator.comparing(ClientSecret::end, Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
		List<CertificateCredential> certificates = listOf(application.getKeyCredentials()).stream()
			.map(credential -> CertificateCredential.of(credential, now))
			.sorted(Comparator.comparing(CertificateCredential::end, Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
		RegisteredApplication registered = toRegistered(application);
		return new ApplicationDetails(registered, Boolean.TRUE.equals(application.getIsFallbackPublicClient()),
				RedirectUris.of(application), secrets, certificates,
				this.permissions.named(registered.ref(), application.getRequiredResourceAccess()),
				this.servicePrincipals.find(registered.ref()).orElse(null));
	}

	/** Selects the application {@code app} names for the commands that follow. */
	public AppRef use(String app, DryRun plan) {
		if (app == null || app.isBlank()) {
			throw DicomregException.invalidInput("Give the application to use: its display name, client ID or object ID.");
		}
		AppRef ref = this.locator.resolve(app, plan);
		this.selection.select(ref, plan);
		return ref;
	}

	/** Step 2's identifiers: client ID, tenant ID, object ID and the authority URL. */
	public ApplicationIds ids(AppRef app) {
		String tenantId = tenantId();
		String authority = this.target.endpoints().authorityHost() + "/" + tenantId;
		if (app.planned()) {
			return new ApplicationIds(app.displayName(), NOT_YET, tenantId, NOT_YET, authority);
		}
		return new ApplicationIds(app.displayName(), app.appId(), tenantId, app.objectId(), authority);
	}

	/** Deletes the application (Entra keeps it 30 days in deleted items) and forgets it if selected. */
	public AppRef delete(AppRef app, DryRun plan) {
		if (!this.applications.delete(app, Change.of(plan, "delete the application '" + app.displayName() + "' (client ID "
				+ app.appId() + ")", "Deleting the application"))) {
			return app;
		}
		this.selection.current(plan).filter(selected -> selected.objectId().equals(app.objectId()))
			.ifPresent(selected -> this.selection.clear(plan));
		this.names.invalidate();
		return app;
	}

	private Registration upsert(String name, String uniqueName, Audience audience, DryRun plan) {
		Optional<Application> existing = this.applications.byUniqueName(uniqueName, SUMMARY_FIELDS);
		// An audience not given keeps the existing one: re-running a script must not undo what it did not name.
		String signInAudience = (audience != null) ? audience.signInAudience()
				: existing.map(Application::getSignInAudience).orElse(Audience.SINGLE_TENANT.signInAudience());
		if (existing.isPresent() && name.equals(existing.get().getDisplayName())
				&& signInAudience.equals(existing.get().getSignInAudience())) {
			return new Registration(toRegistered(existing.get()), false,
					"No change: the application with unique name '" + uniqueName + "' is already registered as asked.");
		}
		Application body = new Application();
		body.setDisplayName(name);
		body.setSignInAudience(signInAudience);
		Optional<Application> written = this.applications.upsert(uniqueName, body, Change.of(plan,
				(existing.isEmpty() ? "register '" + name + "' (" + signInAudience + ", unique name '" + uniqueName + "')"
						: "update the application with unique name '" + uniqueName + "' to '" + name + "' ("
								+ signInAudience + ")"),
				"Registering the application"), SUMMARY_FIELDS);
		if (written.isEmpty()) {
			return planned(existing, name, uniqueName, signInAudience);
		}
		return new Registration(toRegistered(written.get()), true,
				existing.isEmpty() ? "Registered a new application with unique name '" + uniqueName + "'."
						: "Updated the application with unique name '" + uniqueName + "'.");
	}

	private Registration create(String name, Audience audience, boolean forceNew, DryRun plan) {
		if (!forceNew) {
			List<Application> sameName = this.applications.withDisplayName(name);
			if (!sameName.isEmpty()) {
				throw DicomregException.invalidInput(sameName.size() + " application(s) named '" + name + "' already exist ("
						+ sameName.stream().map(app -> "client ID " + app.getAppId() + ", created " + app.getCreatedDateTime())
							.collect(Collectors.joining("; "))
						+ "). Run 'app use CLIENT_ID' to work on one, or ask for a new one to register another (app register --new).");
			}
		}
		Application request = new Application();
		request.setDisplayName(name);
		request.setSignInAudience(((audience != null) ? audience : Audience.SINGLE_TENANT).signInAudience());
		return this.applications.post(request, Change.of(plan, "register '" + name + "' (" + request.getSignInAudience()
				+ ")", "Registering the application"))
			.map(created -> new Registration(toRegistered(created), true, "Registered a new application."))
			.orElseGet(() -> planned(Optional.empty(), name, null, request.getSignInAudience()));
	}

	/** What a dry run reports instead of registering: the existing application, or one yet to be made. */
	private Registration planned(Optional<Application> existing, String name, String uniqueName, String signInAudience) {
		RegisteredApplication app = existing.map(this::toRegistered)
			.orElseGet(() -> new RegisteredApplication(name, NOT_YET, null, tenantId(), signInAudience, uniqueName, null));
		return new Registration(app, true, "Dry run: nothing was registered.");
	}

	private RegisteredApplication toRegistered(Application application) {
		return new RegisteredApplication(application.getDisplayName(), application.getAppId(), application.getId(),
				tenantId(), application.getSignInAudience(), application.getUniqueName(), application.getCreatedDateTime());
	}

	private String tenantId() {
		return this.signIn.session().map(session -> session.tenantId()).orElse(null);
	}

	private static <T> List<T> listOf(List<T> values) {
		return (values != null) ? values : List.of();
	}

	private static String validDisplayName(String displayName) {
		if (displayName == null || displayName.isBlank()) {
			throw DicomregException.invalid(Subject.DISPLAY_NAME, " is required: give the application's display name.");
		}
		String name = displayName.strip();
		TextRules.requirePlainText(Subject.DISPLAY_NAME, name);
		if (name.length() > MAX_DISPLAY_NAME_LENGTH) {
			throw DicomregException.invalid(Subject.DISPLAY_NAME, " is " + name.length() + " characters long; Entra ID allows "
					+ "at most " + MAX_DISPLAY_NAME_LENGTH + ".");
		}
		return name;
	}

	private static String validUniqueName(String uniqueName) {
		String key = uniqueName.strip();
		if (key.isEmpty() || key.length() > 120 || !key.matches("[A-Za-z0-9._~-]+")) {
			throw DicomregException.invalid(Subject.UNIQUE_NAME,
					" must be 1 to 120 letters, digits or . _ ~ - (it becomes part of a URL and cannot change later).");
		}
		return key;
	}

}
