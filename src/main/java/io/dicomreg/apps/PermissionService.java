package io.dicomreg.apps;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.microsoft.graph.models.Application;
import com.microsoft.graph.models.RequiredResourceAccess;
import com.microsoft.graph.models.ResourceAccess;
import org.springframework.stereotype.Service;

import io.dicomreg.config.DryRun;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.Echo;

/**
 * Tutorial step 5, API permissions: adds, lists and removes the permissions an application asks
 * for ({@code requiredResourceAccess}), by name, merging with what is there. The APIs and the
 * permissions they offer come from the {@link ApiDirectory}. It never grants consent.
 */
@Service
public class PermissionService {


	private static final String[] APPLICATION_FIELDS = { "id", "appId", "displayName", "requiredResourceAccess" };

	/** How many names an error message lists at most. */
	private static final int LISTED_NAMES = 15;

	private final ApplicationsGateway applications;

	private final ApiDirectory directory;

	public PermissionService(ApplicationsGateway applications, ApiDirectory directory) {
		this.applications = applications;
		this.directory = directory;
	}

	/**
	 * Adds a delegated permission of "Azure API for DICOM", found in the tenant, to the application.
	 * @param scope the permission's name, e.g. {@value DicomApi#SCOPE}
	 * @throws DicomregException (usage) for a blank scope, an id or a name the API does not offer;
	 * (failure) when the DICOM API is not in the tenant or Graph fails
	 */
	public PermissionChange addDicomScope(AppRef app, String scope, DryRun plan) {
		String name = PermissionRequest.permissionName(PermissionType.DELEGATED, scope);
		ApiResource dicom = this.directory.dicomApi().orElseThrow(ApiDirectory::dicomApiMissing);
		return addPermissions(app, dicom, named(dicom, PermissionType.DELEGATED, List.of(name)), plan);
	}

	/**
	 * Adds delegated permissions of a resource application to the application.
	 * @param resourceApp the resource's Application ID or display name
	 * @param scopes permission names
	 */
	public PermissionChange addScopes(AppRef app, String resourceApp, List<String> scopes, DryRun plan) {
		return add(app, PermissionRequest.scopes(resourceApp, scopes), plan);
	}

	/**
	 * Adds the delegated and application permissions named in {@code request}, keeping every other
	 * permission; what is already there is left alone, and nothing is written when all of it is.
	 * @throws DicomregException (usage) for an unknown resource or permission name; (failure) when
	 * Graph fails
	 */
	public PermissionChange add(AppRef app, PermissionRequest request, DryRun plan) {
		request.scopes().forEach(name -> PermissionRequest.requireName(PermissionType.DELEGATED, name));
		request.roles().forEach(name -> PermissionRequest.requireName(PermissionType.APPLICATION, name));
		ApiResource resource = this.directory.resource(request.resourceApp());
		return addPermissions(app, resource, named(resource, request), plan);
	}

	/**
	 * Removes delegated permissions of a resource application from the application.
	 * @param resourceApp the resource's Application ID or display name
	 * @param scopes permission names
	 */
	public PermissionChange removeScopes(AppRef app, String resourceApp, List<String> scopes, DryRun plan) {
		return remove(app, PermissionRequest.scopes(resourceApp, scopes), plan);
	}

	/**
	 * Removes the permissions named in {@code request}, and the resource's entry when it has none
	 * left; other resources and permissions stay. Nothing is written when none of them is there.
	 * Consent already granted is not revoked. An API that is not in the tenant (given by its
	 * Application ID) is known by its permissions' ids only: they are removed by id.
	 * @throws DicomregException (usage) for an unknown resource or permission name; (failure) when
	 * Graph fails
	 */
	public PermissionChange remove(AppRef app, PermissionRequest request, DryRun plan) {
		if (Guids.isGuid(request.resourceApp())) {
			Optional<ApiResource> known = this.directory.byAppId(request.resourceApp(), "Looking up the API");
			if (known.isEmpty()) {
				return remove(app, ApiResource.notInTenant(request.resourceApp()), byIds(request), plan);
			}
			return remove(app, known.get(), named(known.get(), request), plan);
		}
		ApiResource resource = this.directory.resource(request.resourceApp());
		return remove(app, resource, named(resource, request), plan);
	}

	private PermissionChange remove(AppRef app, ApiResource resource, List<ApiPermission> wanted, DryRun plan) {
		RequiredAccess current = requiredAccess(app);
		List<ApiPermission> present = wanted.stream()
			.filter(permission -> current.contains(resource.appId(), RequiredAccess.Access.of(permission)))
			.toList();
		List<ApiPermission> absent = wanted.stream().filter(permission -> !present.contains(permission)).toList();
		if (present.isEmpty()) {
			return new PermissionChange(app, resource, List.of(), absent, false);
		}
		present.forEach(permission -> current.remove(resource.appId(), RequiredAccess.Access.of(permission)));
		boolean entryRemoved = current.removeEmpty(resource.appId());
		write(app, current, plan, "Removing the API permissions", "remove the API permission(s) " + describe(present) + " of '"
				+ resource.displayName() + "' from '" + app.displayName() + "'");
		return new PermissionChange(app, resource, present, absent, entryRemoved);
	}

	/**
	 * The application's API permissions, named from the resources' service principals (one Graph
	 * request per resource).
	 */
	public PermissionList list(AppRef app) {
		return named(app, requiredAccess(app));
	}

	/**
	 * The API permissions of an application already read ({@code requiredResourceAccess}), named
	 * from the resources' service principals.
	 */
	public PermissionList named(AppRef app, List<RequiredResourceAccess> requiredResourceAccess) {
		return named(app, RequiredAccess.of(requiredResourceAccess));
	}

	private PermissionList named(AppRef app, RequiredAccess current) {
		Map<String, Optional<ApiResource>> resources = new LinkedHashMap<>();
		List<ApiPermission> permissions = new ArrayList<>();
		for (RequiredAccess.Resource entry : current.resources()) {
			Optional<ApiResource> resource = resources.computeIfAbsent(entry.resourceAppId().toLowerCase(Locale.ROOT),
					key -> this.directory.byAppId(entry.resourceAppId(), "Reading the API permissions"));
			for (RequiredAccess.Access access : entry.access()) {
				permissions.add(describe(entry.resourceAppId(), resource, access));
			}
		}
		return new PermissionList(app, permissions);
	}

	private PermissionChange addPermissions(AppRef app, ApiResource resource, List<ApiPermission> wanted, DryRun plan) {
		RequiredAccess current = requiredAccess(app);
		List<ApiPermission> present = wanted.stream()
			.filter(permission -> current.contains(resource.appId(), RequiredAccess.Access.of(permission)))
			.toList();
		List<ApiPermission> missing = wanted.stream().filter(permission -> !present.contains(permission)).toList();
		if (missing.isEmpty()) {
			return new PermissionChange(app, resource, List.of(), present, false);
		}
		missing.forEach(permission -> current.add(resource.appId(), RequiredAccess.Access.of(permission)));
		checkLimits(current);
		write(app, current, plan, "Adding the API permissions", "add the API permission(s) " + describe(missing) + " of '"
				+ resource.displayName() + "' to '" + app.displayName() + "'");
		return new PermissionChange(app, resource, missing, present, false);
	}

	/** Entra ID's limits, checked before writing so that the user reads them in words. */
	static void checkLimits(RequiredAccess access) {
		if (access.resourceCount() > RequiredAccess.MAX_RESOURCES) {
			throw DicomregException.invalidInput("The application would ask for permissions on " + access.resourceCount()
					+ " APIs; Entra ID allows at most " + RequiredAccess.MAX_RESOURCES
					+ ". Remove some with 'permission remove' first.");
		}
		if (access.permissionCount() > RequiredAccess.MAX_PERMISSIONS) {
			throw DicomregException.invalidInput("The application would have " + access.permissionCount()
					+ " API permissions; Entra ID allows at most " + RequiredAccess.MAX_PERMISSIONS
					+ ". Remove some with 'permission remove' first.");
		}
	}

	/**
	 * The permissions of an API not in the tenant, which can only be named by their ids, as
	 * {@code permission list} shows them.
	 */
	private static List<ApiPermission> byIds(PermissionRequest request) {
		return Stream.concat(
				request.scopes().stream().map(id -> orphan(request.resourceApp(), PermissionType.DELEGATED, id)),
				request.roles().stream().map(id -> orphan(request.resourceApp(), PermissionType.APPLICATION, id)))
			.toList();
	}

	private static ApiPermission orphan(String resourceAppId, PermissionType type, String id) {
		if (!Guids.isGuid(id)) {
			throw DicomregException.invalidNaming(PermissionRequest.subjectOf(type), "No API with application ID "
					+ resourceAppId + " is in this tenant, so its permissions have no names here: give {} as the "
					+ "permission's id, as 'permission list' shows it.");
		}
		return new ApiPermission(resourceAppId, null, null, type, id.toLowerCase(Locale.ROOT));
	}

	private static List<ApiPermission> named(ApiResource resource, PermissionRequest request) {
		return Stream.concat(named(resource, PermissionType.DELEGATED, request.scopes()).stream(),
				named(resource, PermissionType.APPLICATION, request.roles()).stream())
			.toList();
	}

	/** The permissions {@code names} stand for, without repeats. */
	static List<ApiPermission> named(ApiResource resource, PermissionType type, List<String> names) {
		return names.stream().map(name -> find(resource, type, name)).distinct().toList();
	}

	private static ApiPermission find(ApiResource resource, PermissionType type, String name) {
		PermissionRequest.requireName(type, name);
		List<ApiPermission> offered = resource.offered(type);
		return offered.stream()
			.filter(permission -> permission.value().equals(name))
			.findFirst()
			.or(() -> {
				List<ApiPermission> ignoringCase = offered.stream()
					.filter(permission -> permission.value().equalsIgnoreCase(name))
					.toList();
				return (ignoringCase.size() == 1) ? Optional.of(ignoringCase.get(0)) : Optional.empty();
			})
			.orElseThrow(() -> DicomregException.invalidNaming(PermissionRequest.subjectOf(type),
					unknownPermission(resource, type, name)));
	}

	static String unknownPermission(ApiResource resource, PermissionType type, String name) {
		String kind = type.label() + " permission";
		String start = "{} " + Echo.quoted(name) + ": " + resource.displayName() + " (" + resource.appId() + ") offers no "
				+ kind;
		List<ApiPermission> offered = resource.offered(type);
		if (offered.isEmpty()) {
			PermissionType other = (type == PermissionType.DELEGATED) ? PermissionType.APPLICATION
					: PermissionType.DELEGATED;
			String hint = resource.offered(other).isEmpty() ? "."
					: "; it offers " + other.label() + " permissions: ask for " + (other == PermissionType.DELEGATED ? "a "
							: "an ") + other.label() + " permission instead (--" + ((other == PermissionType.DELEGATED)
									? "scope" : "role") + ").";
			return start + "s" + hint;
		}
		String lower = name.toLowerCase(Locale.ROOT);
		List<String> values = offered.stream()
			.map(ApiPermission::value)
			.sorted(Comparator.comparing((String value) -> !value.toLowerCase(Locale.ROOT).contains(lower))
				.thenComparing(String.CASE_INSENSITIVE_ORDER))
			.toList();
		String listed = String.join(", ", values.subList(0, Math.min(LISTED_NAMES, values.size())));
		String more = (values.size() > LISTED_NAMES)
				? " and " + (values.size() - LISTED_NAMES) + " more (Tab completes them)" : "";
		return start + " of that name. It offers: " + listed + more + ".";
	}

	private RequiredAccess requiredAccess(AppRef app) {
		Application application = this.applications.read(app, "Reading the application's API permissions",
				APPLICATION_FIELDS);
		return RequiredAccess.of(application.getRequiredResourceAccess());
	}

	private static String describe(List<ApiPermission> permissions) {
		return permissions.stream().map(ApiPermission::describe).collect(Collectors.joining(", "));
	}

	/** Sends the whole collection back: a PATCH of {@code requiredResourceAccess} replaces it. */
	private void write(AppRef app, RequiredAccess access, DryRun plan, String what, String planned) {
		List<RequiredResourceAccess> resources = new ArrayList<>();
		for (RequiredAccess.Resource entry : access.resources()) {
			RequiredResourceAccess resource = new RequiredResourceAccess();
			resource.setResourceAppId(entry.resourceAppId());
			resource.setResourceAccess(entry.access().stream().map(PermissionService::toGraph).toList());
			resources.add(resource);
		}
		Application patch = new Application();
		patch.setRequiredResourceAccess(resources);
		this.applications.patch(app, patch, Change.of(plan, planned, what));
	}

	private static ResourceAccess toGraph(RequiredAccess.Access access) {
		ResourceAccess resourceAccess = new ResourceAccess();
		resourceAccess.setId(UUID.fromString(access.id()));
		resourceAccess.setType(access.type());
		return resourceAccess;
	}

	private static ApiPermission describe(String resourceAppId, Optional<ApiResource> resource,
			RequiredAccess.Access access) {
		PermissionType type = PermissionType.ofGraphType(access.type());
		String value = resource.stream()
			.flatMap(found -> found.offered(type).stream())
			.filter(permission -> permission.permissionId().equalsIgnoreCase(access.id()))
			.map(ApiPermission::value)
			.findFirst()
			.orElse(null);
		return new ApiPermission(resourceAppId, resource.map(ApiResource::displayName).orElse(null), value, type,
				access.id());
	}


}
