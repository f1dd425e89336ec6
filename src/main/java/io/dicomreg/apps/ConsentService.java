package io.dicomreg.apps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.microsoft.graph.models.AppRoleAssignment;
import com.microsoft.graph.models.OAuth2PermissionGrant;

import io.dicomreg.config.DryRun;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.Echo;
import io.dicomreg.error.Subject;

/**
 * Admin consent for an application's configured API permissions, tenant-wide, as "Grant admin consent" in the
 * portal does it but additively: delegated permissions go into the one {@code AllPrincipals} grant of the app's
 * service principal for each API (created when missing, otherwise its scopes are united with the new ones), and
 * application permissions become app role assignments. No scope is ever removed but those named to revoke, no other
 * grant is deleted, and user ({@code Principal}) grants are never touched.
 */
public class ConsentService {

	private final PermissionService permissions;

	private final ApiDirectory directory;

	private final ServicePrincipalService servicePrincipals;

	private final ConsentGateway consent;

	public ConsentService(PermissionService permissions, ApiDirectory directory, ServicePrincipalService servicePrincipals,
			ConsentGateway consent) {
		this.permissions = permissions;
		this.directory = directory;
		this.servicePrincipals = servicePrincipals;
		this.consent = consent;
	}

	/**
	 * The application's configured permissions with their consent state.
	 * @throws DicomregException when the app has no service principal to read the consent of (the states are then
	 * all "not granted", which is said without failing)
	 */
	public ConsentChange list(AppRef app) {
		return list(app, this.permissions.list(app).permissions(), this.servicePrincipals.find(app));
	}

	/**
	 * Like {@link #list(AppRef)}, for an app whose configured permissions and service principal were read already
	 * ({@code app show}): only the grants are read.
	 */
	public ConsentChange list(AppRef app, List<ApiPermission> configured, Optional<ClientServicePrincipal> client) {
		if (client.isEmpty()) {
			return new ConsentChange(app, null, configured.stream().map(p -> new ConsentState(p, false, false)).toList(),
					false, "'" + app.displayName() + "' has no service principal, so nothing can be consented for it: run "
							+ "'app sp create', then 'permission grant'.");
		}
		Granted granted;
		try {
			granted = granted(client.get().objectId(), configured);
		}
		catch (DicomregException ex) {
			if (ex.getMessage() == null || !ex.getMessage().contains("Authorization_RequestDenied")) {
				throw ex;
			}
			// Reading the permissions needs less than reading the grants: show them, and say why consent is not shown.
			return new ConsentChange(app, client.get().objectId(), configured.stream().map(ConsentState::unknown).toList(),
					false, configured.size() + " permission(s) for '" + app.displayName() + "'; their consent is unknown: "
							+ "the signed-in account may not read consent grants (it needs DelegatedPermissionGrant."
							+ "ReadWrite.All or Directory.Read.All).");
		}
		List<ConsentState> states = configured.stream().map(p -> new ConsentState(p, granted.covers(p), false)).toList();
		long missing = states.stream().filter(state -> !state.granted()).count();
		return new ConsentChange(app, client.get().objectId(), states, false, configured.size() + " permission(s) on "
				+ configured.stream().map(p -> p.resourceAppId().toLowerCase(Locale.ROOT)).distinct().count()
				+ " API(s) for '" + app.displayName() + "'"
				+ ((missing == 0) ? (configured.isEmpty() ? "." : ", all granted for all users.")
						: "; " + missing + " not granted: 'permission grant' grants admin consent."));
	}

	/**
	 * Grants admin consent for the permissions {@code request} selects (all configured ones by default). Running it
	 * again changes nothing.
	 * @throws DicomregException for a selection the app is not configured with, an app without its service
	 * principal, or a Graph refusal (403 says who may consent)
	 */
	public ConsentChange grant(AppRef app, ConsentRequest request, DryRun plan) {
		List<ApiPermission> selected = select(app, request);
		String client = requireClient(app, plan);
		List<ConsentState> states = new ArrayList<>();
		Granted granted = (client != null) ? granted(client, selected) : Granted.NONE;
		for (Map.Entry<String, List<ApiPermission>> api : byApi(selected).entrySet()) {
			ApiResource resource = resource(api.getKey());
			List<ApiPermission> scopes = ofType(api.getValue(), PermissionType.DELEGATED);
			List<ApiPermission> newScopes = scopes.stream().filter(p -> !granted.covers(p)).toList();
			scopes.stream().filter(granted::covers).forEach(p -> states.add(new ConsentState(p, true, false)));
			if (!newScopes.isEmpty()) {
				Optional<OAuth2PermissionGrant> grant = granted.grant(resource.servicePrincipalId());
				Change change = Change.of(plan, "grant admin consent for " + names(newScopes) + " of '"
						+ resource.displayName() + "' to '" + app.displayName() + "' (all users)", "Granting admin consent");
				if (grant.isPresent()) {
					Set<String> union = new LinkedHashSet<>(split(grant.get().getScope()));
					newScopes.forEach(p -> union.add(p.value()));
					this.consent.updateScope(grant.get().getId(), String.join(" ", union), change);
				}
				else {
					createOrUnite(client, resource, newScopes, change);
				}
				newScopes.forEach(p -> states.add(new ConsentState(p, true, true)));
			}
			for (ApiPermission role : ofType(api.getValue(), PermissionType.APPLICATION)) {
				if (granted.covers(role)) {
					states.add(new ConsentState(role, true, false));
					continue;
				}
				this.consent.assignAppRole(client, resource.servicePrincipalId(), role.permissionId(), Change.of(plan,
						"grant the application permission " + role.value() + " of '" + resource.displayName() + "' to '"
								+ app.displayName() + "'", "Granting an application permission"));
				states.add(new ConsentState(role, true, true));
			}
		}
		boolean changed = states.stream().anyMatch(ConsentState::changed);
		String note = changed ? (plan.active() ? "Dry run: no consent was granted."
				: "Granted admin consent for " + names(changedOnes(states)) + " to '" + app.displayName()
						+ "', for all users of the tenant.")
				: "No change: admin consent for " + names(selected) + " was granted already.";
		return new ConsentChange(app, client, states, changed, note);
	}

	/**
	 * Revokes admin consent for the permissions named, and for nothing else: other scopes of the grant stay, a grant
	 * left with no scope is deleted, user grants are never touched. Running it again changes nothing.
	 * @throws DicomregException when nothing is named, for names the app is not configured with, or a Graph refusal
	 */
	public ConsentChange revoke(AppRef app, ConsentRequest request, DryRun plan) {
		if (!request.named()) {
			throw DicomregException.invalidInput("Name the permissions to revoke consent for: --scope NAME or --role NAME "
					+ "(repeat for several; with --api when the app asks permissions of several APIs).");
		}
		List<ApiPermission> selected = select(app, request);
		Optional<ClientServicePrincipal> client = this.servicePrincipals.find(app);
		if (client.isEmpty()) {
			return new ConsentChange(app, null, selected.stream().map(p -> new ConsentState(p, false, false)).toList(),
					false, "No change: '" + app.displayName() + "' has no service principal, so no consent to revoke.");
		}
		Granted granted = granted(client.get().objectId(), selected);
		List<ConsentState> states = new ArrayList<>();
		for (Map.Entry<String, List<ApiPermission>> api : byApi(selected).entrySet()) {
			ApiResource resource = resource(api.getKey());
			List<ApiPermission> scopes = ofType(api.getValue(), PermissionType.DELEGATED);
			List<ApiPermission> revoked = scopes.stream().filter(granted::covers).toList();
			scopes.stream().filter(p -> !granted.covers(p)).forEach(p -> states.add(new ConsentState(p, false, false)));
			Optional<OAuth2PermissionGrant> grant = granted.grant(resource.servicePrincipalId());
			if (!revoked.isEmpty() && grant.isPresent()) {
				Set<String> names = revoked.stream().map(p -> p.value().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
				List<String> left = split(grant.get().getScope()).stream()
					.filter(scope -> !names.contains(scope.toLowerCase(Locale.ROOT)))
					.toList();
				Change change = Change.of(plan, "revoke admin consent for " + names(revoked) + " of '"
						+ resource.displayName() + "' from '" + app.displayName() + "'", "Revoking admin consent");
				if (left.isEmpty()) {
					this.consent.deleteGrant(grant.get().getId(), change);
				}
				else {
					this.consent.updateScope(grant.get().getId(), String.join(" ", left), change);
				}
				revoked.forEach(p -> states.add(new ConsentState(p, false, true)));
			}
			for (ApiPermission role : ofType(api.getValue(), PermissionType.APPLICATION)) {
				Optional<AppRoleAssignment> assignment = granted.assignment(role);
				if (assignment.isEmpty()) {
					states.add(new ConsentState(role, false, false));
					continue;
				}
				this.consent.removeAppRole(resource.servicePrincipalId(), assignment.get().getId(), Change.of(plan,
						"revoke the application permission " + role.value() + " of '" + resource.displayName() + "' from '"
								+ app.displayName() + "'", "Revoking an application permission"));
				states.add(new ConsentState(role, false, true));
			}
		}
		boolean changed = states.stream().anyMatch(ConsentState::changed);
		String note = changed ? (plan.active() ? "Dry run: no consent was revoked."
				: "Revoked admin consent for " + names(changedOnes(states)) + " from '" + app.displayName()
						+ "'; every other grant stays.")
				: "No change: admin consent for " + names(selected) + " was not granted.";
		return new ConsentChange(app, client.get().objectId(), states, changed, note);
	}

	/**
	 * Creates the AllPrincipals grant; when Graph answers 409 (it exists after all: made meanwhile, or a replica
	 * that had not shown it), reads it again and unites its scopes with the new ones instead.
	 */
	private void createOrUnite(String client, ApiResource resource, List<ApiPermission> newScopes, Change change) {
		try {
			this.consent.createGrant(client, resource.servicePrincipalId(), newScopes.stream()
				.map(ApiPermission::value).collect(Collectors.joining(" ")), change);
		}
		catch (DicomregException ex) {
			if (!ConsentGateway.grantExists(ex)) {
				throw ex;
			}
			OAuth2PermissionGrant existing = this.consent.allPrincipalsGrant(client, resource.servicePrincipalId())
				.orElseThrow(() -> ex);
			Set<String> union = new LinkedHashSet<>(split(existing.getScope()));
			newScopes.forEach(p -> union.add(p.value()));
			if (union.size() > split(existing.getScope()).size()) {
				this.consent.updateScope(existing.getId(), String.join(" ", union), change);
			}
		}
	}

	/** The configured permissions the request selects, in the app's order. */
	private List<ApiPermission> select(AppRef app, ConsentRequest request) {
		List<ApiPermission> configured = this.permissions.list(app).permissions();
		List<ApiPermission> candidates = configured;
		if (request.api() != null) {
			ApiResource api = this.directory.resource(request.api());
			candidates = configured.stream().filter(p -> p.resourceAppId().equalsIgnoreCase(api.appId())).toList();
			if (candidates.isEmpty()) {
				throw DicomregException.invalidNaming(Subject.API, "'" + app.displayName() + "' asks no permission of "
						+ api.displayName() + " ({}): add them first with 'permission add'.");
			}
		}
		if (!request.named()) {
			List<ApiPermission> grantable = candidates.stream().filter(p -> p.value() != null).toList();
			if (grantable.isEmpty()) {
				throw DicomregException.invalidInput("'" + app.displayName() + "' asks no API permission that can be "
						+ "consented to: add one first ('permission add-dicom' for Dicom.ReadWrite).");
			}
			return grantable;
		}
		List<ApiPermission> selected = new ArrayList<>();
		selected.addAll(named(app, candidates, request.scopes(), PermissionType.DELEGATED, Subject.DELEGATED_PERMISSION));
		selected.addAll(named(app, candidates, request.roles(), PermissionType.APPLICATION, Subject.APPLICATION_PERMISSION));
		return selected;
	}

	private static List<ApiPermission> named(AppRef app, List<ApiPermission> candidates, List<String> names,
			PermissionType type, Subject subject) {
		List<ApiPermission> found = new ArrayList<>();
		for (String name : names) {
			List<ApiPermission> matches = candidates.stream()
				.filter(p -> p.type() == type && p.value() != null && p.value().equalsIgnoreCase(name.strip()))
				.toList();
			if (matches.isEmpty()) {
				throw DicomregException.invalidNaming(subject, Echo.quoted(name) + " given for {} is not among the "
						+ type.label() + " permissions '" + app.displayName() + "' asks for: add it first with 'permission "
						+ "add', or see 'permission list'.");
			}
			if (matches.stream().map(ApiPermission::resourceAppId).distinct().count() > 1) {
				throw DicomregException.invalidNaming(subject, Echo.quoted(name) + " given for {} is a permission of "
						+ "several APIs the app asks permissions of: say which with --api.");
			}
			matches.stream().filter(p -> !found.contains(p)).forEach(found::add);
		}
		return found;
	}

	/** The app's service principal, which the grants name; a dry run of a registration plans one. */
	private String requireClient(AppRef app, DryRun plan) {
		Optional<ClientServicePrincipal> client = this.servicePrincipals.find(app);
		if (client.isPresent()) {
			return client.get().objectId();
		}
		if (app.planned() && plan.active()) {
			return null;
		}
		throw DicomregException.failure("'" + app.displayName() + "' has no service principal, and consent is granted to "
				+ "one: run 'app sp create --app " + app.appId() + "' first.");
	}

	private ApiResource resource(String resourceAppId) {
		return this.directory.byAppId(resourceAppId, "Looking up the API")
			.orElseThrow(() -> DicomregException.failure("The API " + resourceAppId + " is not in this tenant: consent "
					+ "cannot be granted for it until its service principal is."));
	}

	/** What is granted already to the client for these permissions' APIs: one read per API, one for app roles. */
	private Granted granted(String clientId, List<ApiPermission> of) {
		Map<String, Optional<OAuth2PermissionGrant>> grants = new LinkedHashMap<>();
		Map<String, String> resourceIds = new LinkedHashMap<>();
		for (ApiPermission permission : of) {
			String appId = permission.resourceAppId().toLowerCase(Locale.ROOT);
			if (!resourceIds.containsKey(appId)) {
				Optional<ApiResource> resource = this.directory.byAppId(permission.resourceAppId(), "Looking up the API");
				resourceIds.put(appId, resource.map(ApiResource::servicePrincipalId).orElse(null));
				if (resource.isPresent() && of.stream().anyMatch(p -> p.type() == PermissionType.DELEGATED
						&& p.resourceAppId().equalsIgnoreCase(permission.resourceAppId()))) {
					grants.put(resource.get().servicePrincipalId(),
							this.consent.allPrincipalsGrant(clientId, resource.get().servicePrincipalId()));
				}
			}
		}
		List<AppRoleAssignment> assignments = of.stream().anyMatch(p -> p.type() == PermissionType.APPLICATION)
				? this.consent.appRoleAssignments(clientId) : List.of();
		return new Granted(resourceIds, grants, assignments);
	}

	private static Map<String, List<ApiPermission>> byApi(List<ApiPermission> permissions) {
		Map<String, List<ApiPermission>> byApi = new LinkedHashMap<>();
		permissions.forEach(p -> byApi.computeIfAbsent(p.resourceAppId(), key -> new ArrayList<>()).add(p));
		return byApi;
	}

	private static List<ApiPermission> ofType(List<ApiPermission> permissions, PermissionType type) {
		return permissions.stream().filter(p -> p.type() == type).toList();
	}

	private static List<ApiPermission> changedOnes(List<ConsentState> states) {
		return states.stream().filter(ConsentState::changed).map(ConsentState::permission).toList();
	}

	private static String names(List<ApiPermission> permissions) {
		return permissions.stream().map(ApiPermission::describe).collect(Collectors.joining(", "));
	}

	static List<String> split(String scope) {
		List<String> scopes = new ArrayList<>();
		if (scope != null) {
			for (String value : scope.strip().split("\\s+")) {
				if (!value.isEmpty()) {
					scopes.add(value);
				}
			}
		}
		return scopes;
	}

	/**
	 * What the client holds already: its tenant-wide grant per API service principal and its app role assignments.
	 */
	private record Granted(Map<String, String> resourceIds, Map<String, Optional<OAuth2PermissionGrant>> grants,
			List<AppRoleAssignment> assignments) {

		static final Granted NONE = new Granted(Map.of(), Map.of(), List.of());

		Optional<OAuth2PermissionGrant> grant(String resourceServicePrincipalId) {
			return this.grants.getOrDefault(resourceServicePrincipalId, Optional.empty());
		}

		Optional<AppRoleAssignment> assignment(ApiPermission role) {
			String resourceId = this.resourceIds.get(role.resourceAppId().toLowerCase(Locale.ROOT));
			return this.assignments.stream()
				.filter(a -> a.getResourceId() != null && a.getAppRoleId() != null && resourceId != null
						&& a.getResourceId().toString().equalsIgnoreCase(resourceId)
						&& a.getAppRoleId().toString().equalsIgnoreCase(role.permissionId()))
				.findFirst();
		}

		boolean covers(ApiPermission permission) {
			if (permission.type() == PermissionType.APPLICATION) {
				return assignment(permission).isPresent();
			}
			String resourceId = this.resourceIds.get(permission.resourceAppId().toLowerCase(Locale.ROOT));
			return resourceId != null && grant(resourceId)
				.map(grant -> split(grant.getScope()).stream().anyMatch(s -> s.equalsIgnoreCase(permission.value())))
				.orElse(false);
		}

	}

}
