package io.dicomreg.sandbox.arm;

import java.time.Duration;
import java.util.stream.Collectors;

import io.dicomreg.sandbox.SandboxDirectory;
import io.dicomreg.sandbox.directory.AzureResources;
import io.dicomreg.sandbox.directory.ResourceGroup;
import io.dicomreg.sandbox.http.Endpoints;
import io.dicomreg.sandbox.http.SandboxRequest;
import io.dicomreg.sandbox.http.SandboxResponse;

/**
 * Serves Azure Resource Manager requests ({@code /subscriptions...}, {@code /tenants},
 * {@code /providers/Microsoft.Authorization/roleDefinitions...}) in ARM's order: the token, then the path, the
 * api-version and the method, then the endpoint, which checks existence and the caller's roles.
 */
public final class ArmEndpoints implements Endpoints {

	private final ArmContext context;

	private final ArmAuthenticator authenticator;

	private final SubscriptionsEndpoint subscriptions = new SubscriptionsEndpoint();

	private final HealthcareEndpoint healthcare = new HealthcareEndpoint();

	private final RoleDefinitionsEndpoint roleDefinitions = new RoleDefinitionsEndpoint();

	private final RoleAssignmentsEndpoint roleAssignments = new RoleAssignmentsEndpoint();

	public ArmEndpoints(ArmContext context) {
		this.context = context;
		this.authenticator = new ArmAuthenticator(context);
	}

	@Override
	public SandboxResponse handle(SandboxRequest request) {
		SandboxResponse response;
		try {
			ArmCaller caller = this.authenticator.authenticate(request);
			ArmRoute route = ArmRoute.parse(request.path())
				.orElseThrow(() -> ArmError.notEmulated(request.method(), request.path()));
			checkApiVersion(request, route);
			response = dispatch(new ArmCall(request, caller, this.context), route);
		}
		catch (ArmError error) {
			response = ArmResponses.error(error);
		}
		return ArmResponses.withHeaders(request, response, this.context.clock().instant());
	}

	@Override
	public SandboxResponse fault(SandboxRequest request, int status, Duration retryAfter) {
		ArmError error = switch (status) {
			case 404 -> notFound(request);
			case 429 -> new ArmError(429, "TooManyRequests",
					"The request is being throttled as the limit has been reached for operation type.");
			case 500 -> new ArmError(500, "InternalServerError", "Encountered internal server error.");
			case 503 -> new ArmError(503, "ServiceUnavailable", "The service is currently unavailable.");
			case 504 -> new ArmError(504, "GatewayTimeout",
					"The gateway did not receive a response within the specified time period.");
			default -> new ArmError(status, "UnknownError", "Injected fault.");
		};
		SandboxResponse response = ArmResponses.withHeaders(request, ArmResponses.error(error),
				this.context.clock().instant());
		return (retryAfter != null) ? response.withHeader("Retry-After", Long.toString(retryAfter.toSeconds()))
				: response;
	}

	@Override
	public SandboxResponse failure(SandboxRequest request, RuntimeException failure) {
		ArmError error = new ArmError(500, "InternalServerError", Endpoints.failureMessage(failure));
		return ArmResponses.withHeaders(request, ArmResponses.error(error), this.context.clock().instant());
	}

	/** The 404 an injected fault answers, as ARM would for what the path names. */
	private static ArmError notFound(SandboxRequest request) {
		ArmRoute route = ArmRoute.parse(request.path()).orElse(null);
		if (route != null && route.kind() == ArmRoute.Kind.ROLE_ASSIGNMENT) {
			return new ArmError(404, "RoleAssignmentNotFound", "The role assignment '" + route.name()
					+ "' is not found.");
		}
		if (route != null && route.kind() == ArmRoute.Kind.SUBSCRIPTION) {
			return ArmError.subscriptionNotFound(route.scope().subscriptionId());
		}
		return new ArmError(404, "ResourceNotFound", "The Resource '" + request.path().substring(1)
				+ "' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix");
	}

	private void checkApiVersion(SandboxRequest request, ArmRoute route) {
		String apiVersion = request.query().get("api-version");
		ApiType type = route.kind().apiType();
		if (!type.isResourceProvider() || (apiVersion != null && type.versions().contains(apiVersion))) {
			type.check(apiVersion, null, null);
			return;
		}
		this.context.store().read((tenant) -> {
			AzureResources azure = tenant.azure();
			Scope scope = route.scope();
			String location = (scope.resourceGroup() == null) ? SandboxDirectory.LOCATION
					: azure.resourceGroup(scope.subscriptionId(), scope.resourceGroup()).map(ResourceGroup::location)
						.orElse(SandboxDirectory.LOCATION);
			String locations = azure.resourceGroups().stream().map(ResourceGroup::location).distinct().sorted()
				.collect(Collectors.joining(", "));
			type.check(apiVersion, location, locations);
			return null;
		});
	}

	private SandboxResponse dispatch(ArmCall call, ArmRoute route) {
		String method = call.request().method();
		if (route.kind() == ArmRoute.Kind.ROLE_ASSIGNMENT) {
			return switch (method) {
				case "GET" -> this.roleAssignments.get(call, route.scope(), route.name());
				case "PUT" -> this.roleAssignments.put(call, route.scope(), route.name());
				case "DELETE" -> this.roleAssignments.delete(call, route.scope(), route.name());
				default -> throw ArmError.methodNotAllowed(method);
			};
		}
		if (!method.equals("GET")) {
			throw ArmError.methodNotAllowed(method);
		}
		return switch (route.kind()) {
			case TENANTS -> this.subscriptions.tenants(call);
			case SUBSCRIPTIONS -> this.subscriptions.list(call);
			case SUBSCRIPTION -> this.subscriptions.get(call, route.scope().subscriptionId());
			case WORKSPACES -> this.healthcare.listWorkspaces(call, route.scope());
			case WORKSPACE -> this.healthcare.getWorkspace(call, route.scope());
			case DICOM_SERVICES -> this.healthcare.listDicomServices(call, route.scope());
			case DICOM_SERVICE -> this.healthcare.getDicomService(call, route.scope());
			case ROLE_ASSIGNMENTS -> this.roleAssignments.list(call, route.scope());
			case ROLE_DEFINITIONS -> this.roleDefinitions.list(call, route.scope());
			case ROLE_DEFINITION -> this.roleDefinitions.get(call, route.scope(), route.name());
			case ROLE_ASSIGNMENT -> throw new IllegalStateException("handled above");
		};
	}

}
