package io.dicomreg.apps;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import com.microsoft.graph.models.AppRole;
import com.microsoft.graph.models.ServicePrincipal;
import com.microsoft.graph.models.ServicePrincipalCollectionResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import io.dicomreg.config.CommandScope;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.Echo;
import io.dicomreg.error.Subject;
import io.dicomreg.graph.GraphClientProvider;
import io.dicomreg.graph.GraphFailures;

/**
 * The APIs of the tenant an application may ask permissions of, as their service principals
 * describe them: found by Application ID or display name, with the delegated (scopes) and
 * application (roles) permissions they offer, "Azure API for DICOM" among them, and their names
 * for completion. Read only.
 */
@Service
public class ApiDirectory {

	private static final String[] RESOURCE_FIELDS = { "id", "appId", "displayName", "oauth2PermissionScopes",
			"appRoles" };

	/** How many service principals a display-name lookup or a completion asks for. */
	private static final int NAME_LOOKUP_TOP = 20;

	private final GraphClientProvider graph;

	/** The APIs found by Application ID during the current command (app show needs the DICOM API twice). */
	private final Map<String, ApiResource> found;

	/** The same across the lines of a script: dicomreg never changes an API's service principal. */
	private final CommandScope.Memo<String, ApiResource> foundInScript;

	/** A directory that reads Graph at every lookup. */
	public ApiDirectory(GraphClientProvider graph) {
		this.graph = graph;
		this.found = null;
		this.foundInScript = new CommandScope().scriptMemo();
	}

	/** A directory that reads each API once per command, and once per script. */
	@Autowired
	public ApiDirectory(GraphClientProvider graph, CommandScope scope) {
		this.graph = graph;
		this.found = scope.memo();
		this.foundInScript = scope.scriptMemo();
	}

	/** "Azure API for DICOM" as its service principal in the tenant describes it, if it is there. */
	public Optional<ApiResource> dicomApi() {
		Optional<ApiResource> byAppId = byAppId(DicomApi.APP_ID, "Looking up Azure API for DICOM");
		if (byAppId.isPresent()) {
			return byAppId;
		}
		List<ServicePrincipal> named = withDisplayName(DicomApi.DISPLAY_NAME, "Looking up Azure API for DICOM");
		if (named.size() > 1) {
			throw DicomregException.failure(named.size() + " service principals are named '" + DicomApi.DISPLAY_NAME
					+ "' and none has the published application ID " + DicomApi.APP_ID + ": use 'permission add"
					+ " --resource-app APPID --scope " + DicomApi.SCOPE + "' with one of " + appIds(named) + ".");
		}
		return named.stream().findFirst().map(ApiDirectory::toResource);
	}

	/** Why {@link #dicomApi()} found nothing, and what to do. */
	static DicomregException dicomApiMissing() {
		return DicomregException.failure(DicomApi.DISPLAY_NAME
				+ " is not in this tenant: it appears only after a DICOM service has been deployed in an Azure Health"
				+ " Data Services workspace of this tenant, so deploy one first. If your DICOM API is registered as a"
				+ " different application, use 'permission add --resource-app APPID|NAME --scope NAME'.");
	}

	/**
	 * The API {@code resourceApp} names: an Application ID or a display name.
	 * @throws DicomregException (usage) when none or several match
	 */
	public ApiResource resource(String resourceApp) {
		if (Guids.isGuid(resourceApp)) {
			return byAppId(resourceApp, "Looking up the API").orElseThrow(() -> DicomregException.invalidNaming(Subject.API,
					"No API with application ID " + resourceApp + " in this tenant (no service principal has that"
							+ " appId). Check {}, or give its display name: Tab completes names."));
		}
		List<ServicePrincipal> named = withDisplayName(resourceApp, "Looking up the API");
		if (named.size() > 1) {
			throw DicomregException.invalidNaming(Subject.API, named.size() + " service principals are named '" + resourceApp
					+ "': give {} as one of their application IDs (" + appIds(named) + ").");
		}
		if (named.isEmpty()) {
			List<String> similar = resourceNames(resourceApp);
			throw DicomregException.invalidNaming(Subject.API, "No API named " + Echo.quoted(resourceApp) + " in this tenant"
					+ (similar.isEmpty() ? "." : "; did you mean " + String.join(", ", similar) + "?")
					+ " Check {} (Tab completes names).");
		}
		return toResource(named.get(0));
	}

	/**
	 * The API with this Application ID, if the tenant has its service principal.
	 * @param doing what is being done, for the failure's message
	 */
	public Optional<ApiResource> byAppId(String appId, String doing) {
		ApiResource known = (this.found != null) ? this.found.get(appId) : null;
		if (known == null) {
			known = this.foundInScript.get(appId);
		}
		if (known != null) {
			return Optional.of(known);
		}
		try {
			ApiResource resource = toResource(this.graph.client()
				.servicePrincipalsWithAppId(appId)
				.get(get -> get.queryParameters.select = RESOURCE_FIELDS));
			if (this.found != null) {
				this.found.put(appId, resource);
			}
			this.foundInScript.put(appId, resource);
			return Optional.of(resource);
		}
		catch (RuntimeException ex) {
			if (GraphFailures.isNotFound(ex)) {
				return Optional.empty();
			}
			throw GraphFailures.translate(ex, doing);
		}
	}

	/**
	 * Names of the permissions of one kind a resource offers that start with {@code prefix}, for
	 * completion; empty when the resource is not found exactly. One or two small Graph requests.
	 * @param resourceApp the resource's Application ID or display name; {@code null} for the DICOM API
	 */
	public List<String> permissionNames(String resourceApp, PermissionType type, String prefix) {
		Optional<ApiResource> resource;
		if (resourceApp == null) {
			resource = dicomApi();
		}
		else if (Guids.isGuid(resourceApp.strip())) {
			resource = byAppId(resourceApp.strip(), "Completing permission names");
		}
		else {
			List<ServicePrincipal> named = withDisplayName(resourceApp.strip(), "Completing permission names");
			resource = (named.size() == 1) ? Optional.of(toResource(named.get(0))) : Optional.empty();
		}
		String start = prefix.toLowerCase(Locale.ROOT);
		return resource.stream()
			.flatMap(found -> found.offered(type).stream())
			.map(ApiPermission::value)
			.filter(value -> value.toLowerCase(Locale.ROOT).startsWith(start))
			.sorted(String.CASE_INSENSITIVE_ORDER)
			.toList();
	}

	/**
	 * Display names of the tenant's service principals that start with {@code prefix}, for
	 * completion: one Graph request, filtered by the server, a few results.
	 */
	public List<String> resourceNames(String prefix) {
		try {
			ServicePrincipalCollectionResponse page = this.graph.client().servicePrincipals().get(get -> {
				if (!prefix.isEmpty()) {
					get.queryParameters.filter = "startswith(displayName,'" + ODataText.quote(prefix) + "')";
				}
				get.queryParameters.select = new String[] { "displayName" };
				get.queryParameters.top = NAME_LOOKUP_TOP;
			});
			return valuesOf(page).stream()
				.map(ServicePrincipal::getDisplayName)
				.filter(name -> name != null)
				.distinct()
				.sorted(String.CASE_INSENSITIVE_ORDER)
				.toList();
		}
		catch (RuntimeException ex) {
			throw GraphFailures.translate(ex, "Completing API names");
		}
	}

	private List<ServicePrincipal> withDisplayName(String displayName, String doing) {
		try {
			return valuesOf(this.graph.client().servicePrincipals().get(get -> {
				get.queryParameters.filter = "displayName eq '" + ODataText.quote(displayName) + "'";
				get.queryParameters.select = RESOURCE_FIELDS;
				get.queryParameters.top = NAME_LOOKUP_TOP;
			}));
		}
		catch (RuntimeException ex) {
			throw GraphFailures.translate(ex, doing);
		}
	}

	static ApiResource toResource(ServicePrincipal principal) {
		String appId = principal.getAppId();
		String name = principal.getDisplayName();
		List<ApiPermission> scopes = listOf(principal.getOauth2PermissionScopes()).stream()
			.filter(scope -> !Boolean.FALSE.equals(scope.getIsEnabled()) && scope.getValue() != null)
			.map(scope -> new ApiPermission(appId, name, scope.getValue(), PermissionType.DELEGATED, text(scope.getId())))
			.toList();
		List<ApiPermission> roles = listOf(principal.getAppRoles()).stream()
			.filter(ApiDirectory::isApplicationPermission)
			.map(role -> new ApiPermission(appId, name, role.getValue(), PermissionType.APPLICATION, text(role.getId())))
			.toList();
		return new ApiResource(principal.getId(), appId, name, scopes, roles);
	}

	private static boolean isApplicationPermission(AppRole role) {
		return !Boolean.FALSE.equals(role.getIsEnabled()) && role.getValue() != null
				&& listOf(role.getAllowedMemberTypes()).contains("Application");
	}

	private static String appIds(List<ServicePrincipal> principals) {
		return principals.stream().map(ServicePrincipal::getAppId).collect(Collectors.joining(", "));
	}

	private static List<ServicePrincipal> valuesOf(ServicePrincipalCollectionResponse page) {
		return (page != null) ? listOf(page.getValue()) : List.of();
	}

	private static <T> List<T> listOf(List<T> values) {
		return (values != null) ? values : List.of();
	}

	private static String text(UUID id) {
		return (id != null) ? id.toString() : null;
	}

}
