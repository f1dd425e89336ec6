package io.dicomreg.sandbox.arm;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What an ARM request path names: a collection or an item of one of the emulated resource types, at a scope. Path
 * keywords compare ignoring case, as in ARM.
 *
 * @param kind what is named
 * @param scope the scope: the resource itself for a workspace or DICOM service, the parent for a collection, the
 * scope of a role assignment or definition
 * @param name the role assignment's name or role definition's id, else null
 */
record ArmRoute(Kind kind, Scope scope, String name) {

	/** The emulated resource types, each with the api-versions it accepts. */
	enum Kind {

		TENANTS(ApiType.TENANTS), SUBSCRIPTIONS(ApiType.SUBSCRIPTIONS), SUBSCRIPTION(ApiType.SUBSCRIPTIONS),
		WORKSPACES(ApiType.WORKSPACES), WORKSPACE(ApiType.WORKSPACES), DICOM_SERVICES(ApiType.DICOM_SERVICES),
		DICOM_SERVICE(ApiType.DICOM_SERVICES), ROLE_ASSIGNMENTS(ApiType.ROLE_ASSIGNMENTS),
		ROLE_ASSIGNMENT(ApiType.ROLE_ASSIGNMENTS), ROLE_DEFINITIONS(ApiType.ROLE_DEFINITIONS),
		ROLE_DEFINITION(ApiType.ROLE_DEFINITIONS);

		private final ApiType apiType;

		Kind(ApiType apiType) {
			this.apiType = apiType;
		}

		ApiType apiType() {
			return this.apiType;
		}

	}

	/**
	 * Reads a path.
	 * @param path the decoded path
	 * @return the route, empty for a path the sandbox does not emulate
	 */
	static Optional<ArmRoute> parse(String path) {
		List<String> segments = Arrays.stream(path.split("/")).filter((s) -> !s.isEmpty()).toList();
		if (segments.isEmpty()) {
			return Optional.empty();
		}
		if (is(segments, 0, "tenants")) {
			return (segments.size() == 1) ? route(Kind.TENANTS, Scope.ROOT, null) : Optional.empty();
		}
		if (is(segments, 0, "providers")) {
			return extension(segments, 0, Scope.ROOT)
				.filter((route) -> route.kind() == Kind.ROLE_DEFINITION || route.kind() == Kind.ROLE_DEFINITIONS);
		}
		if (!is(segments, 0, "subscriptions")) {
			return Optional.empty();
		}
		if (segments.size() <= 2) {
			return (segments.size() == 1) ? route(Kind.SUBSCRIPTIONS, Scope.ROOT, null)
					: route(Kind.SUBSCRIPTION, Scope.subscription(segments.get(1)), null);
		}
		return inSubscription(segments, segments.get(1));
	}

	private static Optional<ArmRoute> inSubscription(List<String> segments, String subscriptionId) {
		int at = 2;
		String resourceGroup = null;
		if (is(segments, at, "resourceGroups")) {
			if (segments.size() < at + 3) {
				return Optional.empty();
			}
			resourceGroup = segments.get(at + 1);
			at += 2;
		}
		Scope scope = new Scope(subscriptionId, resourceGroup, null, null);
		if (is(segments, at + 1, "Microsoft.Authorization")) {
			return extension(segments, at, scope);
		}
		if (!is(segments, at, "providers") || !is(segments, at + 1, "Microsoft.HealthcareApis")
				|| !is(segments, at + 2, "workspaces")) {
			return Optional.empty();
		}
		at += 3;
		if (segments.size() == at) {
			return route(Kind.WORKSPACES, scope, null);
		}
		if (resourceGroup == null) {
			return Optional.empty();
		}
		return inWorkspace(segments, at + 1, new Scope(subscriptionId, resourceGroup, segments.get(at), null));
	}

	private static Optional<ArmRoute> inWorkspace(List<String> segments, int at, Scope workspace) {
		if (segments.size() == at) {
			return route(Kind.WORKSPACE, workspace, null);
		}
		if (!is(segments, at, "dicomservices")) {
			return extension(segments, at, workspace);
		}
		if (segments.size() == at + 1) {
			return route(Kind.DICOM_SERVICES, workspace, null);
		}
		Scope service = new Scope(workspace.subscriptionId(), workspace.resourceGroup(), workspace.workspace(),
				segments.get(at + 1));
		if (segments.size() == at + 2) {
			return route(Kind.DICOM_SERVICE, service, null);
		}
		return extension(segments, at + 2, service);
	}

	/** {@code providers/Microsoft.Authorization/{roleAssignments|roleDefinitions}[/{name}]} from {@code at}. */
	private static Optional<ArmRoute> extension(List<String> segments, int at, Scope scope) {
		if (!is(segments, at, "providers") || !is(segments, at + 1, "Microsoft.Authorization")
				|| segments.size() < at + 3 || segments.size() > at + 4) {
			return Optional.empty();
		}
		String name = (segments.size() == at + 4) ? segments.get(at + 3) : null;
		if (is(segments, at + 2, "roleAssignments")) {
			return route((name != null) ? Kind.ROLE_ASSIGNMENT : Kind.ROLE_ASSIGNMENTS, scope, name);
		}
		if (is(segments, at + 2, "roleDefinitions")) {
			return route((name != null) ? Kind.ROLE_DEFINITION : Kind.ROLE_DEFINITIONS, scope, name);
		}
		return Optional.empty();
	}

	private static Optional<ArmRoute> route(Kind kind, Scope scope, String name) {
		return Optional.of(new ArmRoute(kind, scope, name));
	}

	private static boolean is(List<String> segments, int index, String keyword) {
		return index < segments.size() && segments.get(index).equalsIgnoreCase(keyword);
	}

}
