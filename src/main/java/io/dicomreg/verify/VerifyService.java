package io.dicomreg.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dicomreg.apps.AppRef;
import io.dicomreg.apps.ApplicationDetails;
import io.dicomreg.apps.ApplicationLocator;
import io.dicomreg.apps.ApplicationService;
import io.dicomreg.apps.DicomApi;
import io.dicomreg.apps.credentials.CertificateCredential;
import io.dicomreg.apps.credentials.ClientSecret;
import io.dicomreg.apps.credentials.CredentialStatus;
import io.dicomreg.auth.ClientCredentials;
import io.dicomreg.auth.ClientTokens;
import io.dicomreg.auth.IssuedToken;
import io.dicomreg.auth.SignInService;
import io.dicomreg.azure.DicomRole;
import io.dicomreg.azure.DicomService;
import io.dicomreg.azure.RoleAssignment;
import io.dicomreg.azure.RoleService;
import io.dicomreg.config.DryRun;
import io.dicomreg.config.Waiting;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.Subject;

/**
 * Walks the chain from a registered app to DICOM data and says which link holds: the app, its service principal,
 * the credential (present on the app, not expired), a token for the DICOM service (its audience, client and object
 * IDs, expiry; never the token), consent (as a user), a DICOM role covering the service, and the DICOM service's
 * answer to the client's own requests ({@code changefeed} and a QIDO search). Each failed link says what it means
 * and what fixes it. It only reads: nothing is written to Graph, ARM or the DICOM service.
 */
public class VerifyService {

	static final String APPLICATION = "Application";

	static final String SERVICE_PRINCIPAL = "Service principal";

	static final String CREDENTIAL = "Credential";

	static final String TOKEN = "Token for the DICOM service";

	static final String CONSENT = "Consent";

	static final String ROLE = "DICOM role";

	static final String DICOM = "DICOM service";

	private static final Pattern DESCRIPTION = Pattern.compile("error_description=\"([^\"]*)\"");

	private static final Duration FIRST_RETRY = Duration.ofSeconds(5);

	private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

	private final ApplicationLocator locator;

	private final ApplicationService applications;

	private final RoleService roles;

	private final SignInService signIn;

	private final ClientTokens tokens;

	private final ClientCredentials credentials;

	private final DicomWebProbe dicomWeb;

	private final Waiting waiting;

	private final Consumer<String> progress;

	public VerifyService(ApplicationLocator locator, ApplicationService applications, RoleService roles,
			SignInService signIn, ClientTokens tokens, ClientCredentials credentials, DicomWebProbe dicomWeb,
			Waiting waiting, Consumer<String> progress) {
		this.locator = locator;
		this.applications = applications;
		this.roles = roles;
		this.signIn = signIn;
		this.tokens = tokens;
		this.credentials = credentials;
		this.dicomWeb = dicomWeb;
		this.waiting = waiting;
		this.progress = progress;
	}

	/**
	 * Verifies the chain.
	 * @param pfxPassword asked when a PFX certificate needs a password no variable gives
	 * @throws DicomregException (usage) for bad input: the app, the DICOM service, the version, the credential
	 * options
	 */
	public Verification verify(VerifyRequest request, Supplier<char[]> pfxPassword, Consumer<String> messages) {
		String version = version(request.apiVersion());
		AppRef app = this.locator.resolve(request.app(), DryRun.off());
		DicomService service = this.roles.service(request.dicom());
		if (!request.asUser() && request.credential() == null) {
			throw DicomregException.invalidInput("Give the app's credential to verify with: --secret-file FILE, "
					+ "--secret-env VAR or --certificate FILE; or --as-user to check as a user of a public client.");
		}
		if (request.asUser() && request.credential() != null) {
			throw DicomregException.invalidInput("--as-user signs in as a user, with no secret or certificate: leave out "
					+ "--secret-file, --secret-env and --certificate.");
		}
		String tenant = this.signIn.session().map(session -> session.tenantId()).orElseThrow(DicomregException::notSignedIn);
		List<Link> links = new ArrayList<>();
		links.add(Link.ok(APPLICATION, "'" + app.displayName() + "' (client ID " + app.appId() + ")"));
		ApplicationDetails details = this.applications.show(app);
		boolean servicePrincipal = details.servicePrincipal() != null;
		links.add(servicePrincipal ? Link.ok(SERVICE_PRINCIPAL, "object ID " + details.servicePrincipal().objectId())
				: Link.failed(SERVICE_PRINCIPAL, "'" + app.displayName() + "' has no service principal: it cannot sign in "
						+ "(AADSTS7000229) or hold a role.", "app sp create --app " + app.appId()));
		Link credential = request.asUser() ? publicClient(details, app) : credential(details, request, pfxPassword, app);
		links.add(credential);
		if (!servicePrincipal || credential.status() == Link.Status.FAILED) {
			return stop(links, request.asUser());
		}
		IssuedToken token;
		try {
			token = request.asUser()
					? this.tokens.asUser(app.appId(), tenant, DicomApi.RESOURCE, DicomApi.SCOPE, messages)
					: this.tokens.asApplication(app.appId(), tenant, request.credential(), pfxPassword, DicomApi.RESOURCE);
		}
		catch (DicomregException ex) {
			links.add(tokenFailure(ex, app, request.asUser()));
			if (request.asUser() && ex.getMessage() != null && ex.getMessage().contains("AADSTS65001")) {
				links.add(Link.failed(CONSENT, DicomApi.SCOPE + " is not consented for this user: Entra refused the "
						+ "token (AADSTS65001).", "permission grant --app " + app.appId() + " --scope " + DicomApi.SCOPE));
				links.add(Link.skipped(ROLE, "not checked: no token"));
				links.add(Link.skipped(DICOM, "not called: no token"));
				return new Verification(links, false);
			}
			return stop(links, request.asUser());
		}
		if (!DicomApi.RESOURCE.equalsIgnoreCase(trimSlash(token.audience()))) {
			links.add(Link.failed(TOKEN, "issued, but for the audience " + token.audience() + ", not "
					+ DicomApi.RESOURCE + ": the DICOM service refuses it (401).", "ask for " + DicomApi.RESOURCE
					+ "/.default (or /" + DicomApi.SCOPE + " for a user)"));
			return stop(links, request.asUser());
		}
		links.add(Link.ok(TOKEN, "aud " + token.audience() + ", appid " + token.appId() + ", oid " + token.objectId()
				+ ", expires " + token.expiresOn()));
		if (request.asUser()) {
			links.add(token.scopes().stream().anyMatch(DicomApi.SCOPE::equalsIgnoreCase)
					? Link.ok(CONSENT, DicomApi.SCOPE + " is in the token (scp " + String.join(" ", token.scopes()) + ")")
					: Link.failed(CONSENT, "the token does not carry " + DicomApi.SCOPE + " (scp " + String.join(" ",
							token.scopes()) + ")", "permission grant --app " + app.appId() + " --scope " + DicomApi.SCOPE));
		}
		Link role = role(service, token.objectId());
		links.add(role);
		Link dicom = dicom(service, version, token, role, request.waitFor());
		links.add(dicom);
		return new Verification(links, dicom.status() == Link.Status.OK);
	}

	private static Verification stop(List<Link> links, boolean asUser) {
		List<String> names = new ArrayList<>(List.of(CREDENTIAL, TOKEN));
		if (asUser) {
			names.add(CONSENT);
		}
		names.addAll(List.of(ROLE, DICOM));
		for (String name : names) {
			if (links.stream().noneMatch(link -> link.name().equals(name))) {
				links.add(Link.skipped(name, "not checked: an earlier link failed"));
			}
		}
		return new Verification(links, false);
	}

	private Link credential(ApplicationDetails details, VerifyRequest request, Supplier<char[]> pfxPassword, AppRef app) {
		String identity = this.credentials.identify(request.credential(), pfxPassword);
		String given = (request.credential().secretFile() != null) ? "the secret in the file given by --secret-file"
				: (request.credential().secretEnv() != null) ? "the secret in the variable given by --secret-env"
						: "the certificate given by --certificate";
		boolean secret = request.credential().certificateFile() == null;
		if (secret) {
			List<ClientSecret> matching = details.secrets().stream().filter(s -> identity.equals(s.hint())).toList();
			if (matching.isEmpty()) {
				return Link.failed(CREDENTIAL, given + " is none of the secrets of '" + app.displayName() + "' (none begins "
						+ "as it does): it belongs to another app, or it was removed.", "secret add --app " + app.appId()
						+ " --save-to FILE");
			}
			Optional<ClientSecret> valid = matching.stream().filter(s -> s.status() != CredentialStatus.EXPIRED).findFirst();
			if (valid.isEmpty()) {
				return Link.failed(CREDENTIAL, given + " expired on " + matching.get(0).end() + ".", "secret add --app "
						+ app.appId() + " --save-to FILE");
			}
			return Link.ok(CREDENTIAL, "secret " + describe(valid.get().description()) + "(key ID " + valid.get().keyId()
					+ ", " + days(valid.get().daysLeft()) + ")");
		}
		Optional<CertificateCredential> certificate = details.certificates().stream()
			.filter(c -> identity.equalsIgnoreCase(c.thumbprint()))
			.findFirst();
		if (certificate.isEmpty()) {
			return Link.failed(CREDENTIAL, given + " (thumbprint " + identity + ") is not uploaded to '"
					+ app.displayName() + "'.", "cert upload --app " + app.appId() + " --file FILE");
		}
		if (certificate.get().status() == CredentialStatus.EXPIRED) {
			return Link.failed(CREDENTIAL, given + " expired on " + certificate.get().end() + ".",
					"cert create --subject CN=NAME --out PREFIX, then cert upload");
		}
		return Link.ok(CREDENTIAL, "certificate " + describe(certificate.get().description()) + "(thumbprint " + identity
				+ ", " + days(certificate.get().daysLeft()) + ")");
	}

	private static Link publicClient(ApplicationDetails details, AppRef app) {
		return details.publicClient() ? Link.ok(CREDENTIAL, "none needed: public client flows are allowed")
				: Link.failed(CREDENTIAL, "public client flows are off: a user cannot sign in with a device code through "
						+ "this app.", "auth public-client on --app " + app.appId());
	}

	private static Link tokenFailure(DicomregException ex, AppRef app, boolean asUser) {
		String message = (ex.getMessage() != null) ? ex.getMessage() : "";
		String fix = null;
		String meaning = "Entra ID refused: " + message;
		if (message.contains("AADSTS7000229")) {
			fix = "app sp create --app " + app.appId();
		}
		else if (message.contains("AADSTS7000215") || message.contains("AADSTS7000222")) {
			meaning = "Entra ID refused the secret (invalid or expired): " + message;
			fix = "secret add --app " + app.appId() + " --save-to FILE";
		}
		else if (message.contains("AADSTS700027") || message.contains("AADSTS700024")) {
			meaning = "Entra ID refused the certificate's signed assertion: " + message;
			fix = "cert upload --app " + app.appId() + " --file FILE";
		}
		else if (message.contains("AADSTS65001")) {
			meaning = "no consent for " + DicomApi.SCOPE + ": " + message;
		}
		else if (message.contains("AADSTS500011")) {
			meaning = "Azure API for DICOM is not in this tenant (deploy a DICOM service first): " + message;
		}
		return Link.failed(TOKEN, meaning, fix);
	}

	private Link role(DicomService service, String objectId) {
		List<RoleAssignment> assignments;
		try {
			assignments = this.roles.listFor(service, objectId);
		}
		catch (DicomregException ex) {
			return Link.skipped(ROLE, "cannot read the role assignments with your sign-in: " + ex.getMessage());
		}
		Optional<RoleAssignment> dicomRole = assignments.stream()
			.filter(assignment -> DicomRole.ofDefinition(assignment.roleDefinitionId()).isPresent())
			.findFirst();
		return dicomRole.map(found -> Link.ok(ROLE, found.roleName() + " at " + found.scope()
				+ (found.inherited() ? " (inherited)" : "")))
			.orElseGet(() -> Link.failed(ROLE, "no DICOM Data Owner or Reader covers " + service.qualifiedName()
					+ " for " + objectId + ": the DICOM service answers 403.", "role assign --role reader --dicom "
							+ service.qualifiedName() + " --assignee " + objectId));
	}

	private Link dicom(DicomService service, String version, IssuedToken token, Link role, Duration wait) {
		if (service.serviceUrl() == null) {
			return Link.failed(DICOM, service.qualifiedName() + " has no service URL yet (state "
					+ service.provisioningState() + ").", null);
		}
		String base = trimSlash(service.serviceUrl()) + "/" + version;
		Instant deadline = this.waiting.clock().instant().plus((wait != null) ? wait : Duration.ZERO);
		Duration pause = FIRST_RETRY;
		while (true) {
			DicomWebProbe.Answer feed = this.dicomWeb.get(base + "/changefeed?limit=1", token.value());
			DicomWebProbe.Answer search = feed.ok() ? this.dicomWeb.get(base + "/studies?limit=1", token.value()) : feed;
			if (feed.ok() && search.ok()) {
				return Link.ok(DICOM, "GET " + version + "/changefeed?limit=1 answered " + feed.status() + ", GET "
						+ version + "/studies?limit=1 answered " + search.status());
			}
			DicomWebProbe.Answer failed = feed.ok() ? search : feed;
			if (failed.status() == 403) {
				Instant now = this.waiting.clock().instant();
				if (now.plus(pause).isAfter(deadline)) {
					return forbidden(service, role, wait);
				}
				this.progress.accept("The DICOM service answers 403: waiting " + pause.toSeconds() + " s for the role to "
						+ "take effect (" + Duration.between(now, deadline).toSeconds() + " s left).");
				this.waiting.pause(pause);
				pause = (pause.multipliedBy(2).compareTo(LONGEST_RETRY) > 0) ? LONGEST_RETRY : pause.multipliedBy(2);
				continue;
			}
			if (failed.status() == 401) {
				return unauthorized(failed);
			}
			return Link.failed(DICOM, "the DICOM service answered " + failed.status()
					+ (failed.body().isEmpty() ? "" : ": " + failed.body().lines().findFirst().orElse("")), null);
		}
	}

	private static Link forbidden(DicomService service, Link role, Duration wait) {
		if (role.status() == Link.Status.OK) {
			return Link.failed(DICOM, "403 Authorization failed.: the role is assigned but not effective yet (Azure "
					+ "takes up to 10 minutes, and the DICOM service caches access for 5 more)"
					+ ((wait != null && !wait.isZero()) ? "; still refused after waiting " + wait.toSeconds() + " s." : "."),
					"verify again with --wait 10m");
		}
		return Link.failed(DICOM, "403 Authorization failed.: no DICOM role covers the service for this principal.",
				role.fix());
	}

	/** Closes the connections to the DICOM service (the context calls it when it closes). */
	public void close() {
		this.dicomWeb.close();
	}

	private static Link unauthorized(DicomWebProbe.Answer answer) {
		String challenge = (answer.challenge() != null) ? answer.challenge() : "";
		Matcher description = DESCRIPTION.matcher(challenge);
		String reason = description.find() ? description.group(1) : "the token was refused";
		String lower = reason.toLowerCase(Locale.ROOT);
		String fix = lower.contains("audience") ? "ask for a token for " + DicomApi.RESOURCE
				: lower.contains("expired") ? "get a new token" : null;
		return Link.failed(DICOM, "401: " + reason + " (WWW-Authenticate: " + challenge + ")", fix);
	}

	private static String version(String version) {
		if (version == null) {
			return "v2";
		}
		String value = version.strip().toLowerCase(Locale.ROOT);
		if (!value.equals("v1") && !value.equals("v2")) {
			throw DicomregException.invalidNaming(Subject.API_VERSION, io.dicomreg.error.Echo.quoted(version)
					+ " given for {} is no DICOMweb version: use v1 or v2.");
		}
		return value;
	}

	private static String describe(String description) {
		return (description != null && !description.isBlank()) ? "'" + description + "' " : "";
	}

	private static String days(Long daysLeft) {
		return (daysLeft != null) ? daysLeft + " day(s) left" : "no expiry";
	}

	private static String trimSlash(String value) {
		return (value != null && value.endsWith("/")) ? value.substring(0, value.length() - 1) : value;
	}

}
