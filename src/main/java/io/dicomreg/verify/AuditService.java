package io.dicomreg.verify;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.dicomreg.apps.AppRef;
import io.dicomreg.apps.ApplicationDetails;
import io.dicomreg.apps.ApplicationLocator;
import io.dicomreg.apps.ApplicationService;
import io.dicomreg.apps.ConsentService;
import io.dicomreg.apps.ConsentState;
import io.dicomreg.apps.Platform;
import io.dicomreg.apps.RegisteredApplication;
import io.dicomreg.apps.credentials.CertificateCredential;
import io.dicomreg.apps.credentials.ClientSecret;
import io.dicomreg.azure.DicomRole;
import io.dicomreg.azure.DicomService;
import io.dicomreg.azure.DicomServiceDirectory;
import io.dicomreg.azure.RoleAssignment;
import io.dicomreg.azure.RoleService;
import io.dicomreg.config.Concurrently;
import io.dicomreg.config.DryRun;
import io.dicomreg.error.DicomregException;

/**
 * {@code app audit}: what keeps an app from working, or soon will: expired or expiring secrets and certificates, no
 * service principal, permissions without admin consent, no DICOM role on any DICOM service the account sees, public
 * client flows on a confidential app, web redirect URIs that are not https. Each finding names the command that
 * fixes it. Reads only.
 */
public class AuditService {

	private final ApplicationLocator locator;

	private final ApplicationService applications;

	private final ConsentService consent;

	private final DicomServiceDirectory services;

	private final RoleService roles;

	private final java.time.Clock clock;

	public AuditService(ApplicationLocator locator, ApplicationService applications, ConsentService consent,
			DicomServiceDirectory services, RoleService roles, java.time.Clock clock) {
		this.locator = locator;
		this.applications = applications;
		this.consent = consent;
		this.services = services;
		this.roles = roles;
		this.clock = clock;
	}

	/**
	 * Audits one app, or every app of the tenant.
	 * @param app the app, or {@code null} for the selected one (ignored with {@code all})
	 * @param all every app of the tenant (at most 999)
	 * @param within how soon an expiry counts as a warning
	 * @return the apps audited and the findings
	 */
	public Audit audit(String app, boolean all, Duration within) {
		List<AppRef> apps = all ? this.applications.list(null, 999).stream().map(RegisteredApplication::ref).toList()
				: List.of(this.locator.resolve(app, DryRun.off()));
		List<DicomService> dicomServices = visibleDicomServices();
		List<Finding> findings = new ArrayList<>();
		for (AppRef ref : apps) {
			findings.addAll(audit(ref, within, dicomServices));
		}
		return new Audit(apps.size(), (dicomServices != null) ? dicomServices.size() : -1, findings);
	}

	/**
	 * Whether one app is ready: its details, the consent of each permission, its DICOM roles on the DICOM services
	 * the account sees, and what an audit finds (expiries within 30 days).
	 */
	public Readiness readiness(AppRef app) {
		// The DICOM services come from ARM and the app from Graph, neither needing the other: read side by side.
		Concurrently.Pending<List<DicomService>> services = Concurrently.supply("dicomreg-arm", this::visibleDicomServices);
		ApplicationDetails details;
		List<ConsentState> consentStates;
		try {
			details = this.applications.show(app);
			consentStates = (details.servicePrincipal() != null) ? this.consent.list(app,
					details.permissions().permissions(), java.util.Optional.of(details.servicePrincipal())).permissions()
					: details.permissions().permissions().stream().map(p -> new ConsentState(p, false, false)).toList();
		}
		catch (RuntimeException ex) {
			services.awaitQuietly();
			throw ex;
		}
		List<DicomService> dicomServices = services.get();
		List<String> dicomRoles = null;
		if (dicomServices != null && details.servicePrincipal() != null) {
			dicomRoles = new ArrayList<>();
			for (DicomService service : dicomServices) {
				for (RoleAssignment assignment : this.roles.listFor(service, details.servicePrincipal().objectId())) {
					if (DicomRole.ofDefinition(assignment.roleDefinitionId()).isPresent()) {
						dicomRoles.add(assignment.roleName() + " on " + service.qualifiedName()
								+ (assignment.inherited() ? " (inherited from " + assignment.scope() + ")" : ""));
					}
				}
			}
		}
		// The findings reuse what was just read: the consent states and the roles are not asked for twice.
		return new Readiness(details, consentStates, dicomRoles, audit(app, details, Duration.ofDays(30), dicomServices,
				consentStates, (dicomRoles != null) ? !dicomRoles.isEmpty() : null));
	}

	private List<Finding> audit(AppRef app, Duration within, List<DicomService> dicomServices) {
		return audit(app, this.applications.show(app), within, dicomServices, null, null);
	}

	/**
	 * @param consentStates the consent of each permission when read already, or {@code null} to read it
	 * @param holdsDicomRole whether the app holds a DICOM role when known already, or {@code null} to look
	 */
	private List<Finding> audit(AppRef app, ApplicationDetails details, Duration within, List<DicomService> dicomServices,
			List<ConsentState> consentStates, Boolean holdsDicomRole) {
		Instant now = this.clock.instant();
		List<Finding> findings = new ArrayList<>();
		String id = app.appId();
		for (ClientSecret secret : details.secrets()) {
			expiry(findings, app, "secret " + name(secret.description()) + "(key ID " + secret.keyId() + ")", secret.end(),
					now, within, "secret add --app " + id + " --save-to FILE, then secret remove " + secret.keyId());
		}
		for (CertificateCredential certificate : details.certificates()) {
			expiry(findings, app, "certificate " + name(certificate.description()) + "(thumbprint "
					+ certificate.thumbprint() + ")", certificate.end(), now, within, "cert create --subject CN=NAME --out "
							+ "PREFIX, cert upload --app " + id + ", then cert remove " + certificate.thumbprint());
		}
		boolean confidential = !details.secrets().isEmpty() || !details.certificates().isEmpty();
		if (details.publicClient() && confidential) {
			findings.add(new Finding(app.displayName(), id, Finding.Severity.WARNING, "public client flows are on, but "
					+ "the app holds secrets or certificates (a confidential client): anyone with its client ID can sign "
					+ "users in through it without a credential.", "auth public-client off --app " + id));
		}
		for (String uri : details.redirectUris().on(Platform.WEB)) {
			if (!isHttpsOrLoopback(uri)) {
				findings.add(new Finding(app.displayName(), id, Finding.Severity.WARNING, "the web redirect URI " + uri
						+ " is not https.", "auth redirect remove " + uri + " --app " + id));
			}
		}
		if (details.servicePrincipal() == null) {
			findings.add(new Finding(app.displayName(), id, Finding.Severity.ERROR, "no service principal: the app cannot "
					+ "sign in (AADSTS7000229), be granted consent or be assigned a role.", "app sp create --app " + id));
			return findings;
		}
		List<ConsentState> states = (consentStates != null) ? consentStates : this.consent.list(app,
				details.permissions().permissions(), java.util.Optional.of(details.servicePrincipal())).permissions();
		for (ConsentState state : states) {
			if (state.known() && !state.granted() && state.permission().value() != null) {
				findings.add(new Finding(app.displayName(), id, Finding.Severity.WARNING, state.permission().describe()
						+ " of " + state.permission().resourceDisplayName() + " has no admin consent.",
						"permission grant --app " + id));
			}
		}
		if (dicomServices != null && !dicomServices.isEmpty() && !((holdsDicomRole != null) ? holdsDicomRole
				: hasDicomRole(details.servicePrincipal().objectId(), dicomServices))) {
			findings.add(new Finding(app.displayName(), id, Finding.Severity.WARNING, "no DICOM Data Owner or Reader on "
					+ "any of the " + dicomServices.size() + " DICOM service(s) this account sees: as itself, the app "
					+ "reads no DICOM data.", "role assign --role reader --dicom SERVICE --assignee " + id));
		}
		return findings;
	}

	private boolean hasDicomRole(String principalId, List<DicomService> dicomServices) {
		for (DicomService service : dicomServices) {
			for (RoleAssignment assignment : this.roles.listFor(service, principalId)) {
				if (DicomRole.ofDefinition(assignment.roleDefinitionId()).isPresent()) {
					return true;
				}
			}
		}
		return false;
	}

	/** The DICOM services this account sees; {@code null} when ARM cannot be read (the role check is then left out). */
	private List<DicomService> visibleDicomServices() {
		try {
			return this.services.list(null);
		}
		catch (DicomregException ex) {
			return null;
		}
	}

	private static void expiry(List<Finding> findings, AppRef app, String what, OffsetDateTime end, Instant now,
			Duration within, String fix) {
		if (end == null) {
			return;
		}
		if (!end.toInstant().isAfter(now)) {
			findings.add(new Finding(app.displayName(), app.appId(), Finding.Severity.ERROR, "the " + what + " expired on "
					+ end.toLocalDate() + ".", fix));
		}
		else if (end.toInstant().isBefore(now.plus(within))) {
			findings.add(new Finding(app.displayName(), app.appId(), Finding.Severity.WARNING, "the " + what
					+ " expires on " + end.toLocalDate() + ", in " + Duration.between(now, end.toInstant()).toDays()
					+ " day(s).", fix));
		}
	}

	private static boolean isHttpsOrLoopback(String uri) {
		try {
			URI parsed = URI.create(uri);
			String host = (parsed.getHost() != null) ? parsed.getHost().toLowerCase(Locale.ROOT) : "";
			return "https".equalsIgnoreCase(parsed.getScheme()) || host.equals("localhost") || host.equals("127.0.0.1");
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static String name(String description) {
		return (description != null && !description.isBlank()) ? "'" + description + "' " : "";
	}

	/**
	 * Whether an app is ready to read DICOM data.
	 *
	 * @param details the app's configuration and credentials
	 * @param consent each permission with its consent state
	 * @param dicomRoles its DICOM roles, one line each; {@code null} when Azure Resource Manager could not be read
	 * @param findings what an audit finds (expiries within 30 days)
	 */
	public record Readiness(ApplicationDetails details, List<ConsentState> consent, List<String> dicomRoles,
			List<Finding> findings) {
	}

	/**
	 * What an audit found.
	 *
	 * @param apps how many apps were audited
	 * @param dicomServices how many DICOM services the role check looked at; -1 when ARM could not be read
	 * @param findings the findings
	 */
	public record Audit(int apps, int dicomServices, List<Finding> findings) {

		public boolean hasErrors() {
			return this.findings.stream().anyMatch(finding -> finding.severity() == Finding.Severity.ERROR);
		}

	}

}
