package io.dicomreg.sandbox.arm;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.SandboxDirectory;
import io.dicomreg.sandbox.directory.AzureResources;
import io.dicomreg.sandbox.directory.DicomService;
import io.dicomreg.sandbox.directory.HealthcareWorkspace;
import io.dicomreg.sandbox.directory.Json;
import io.dicomreg.sandbox.directory.Tenant;
import io.dicomreg.sandbox.http.SandboxResponse;

/**
 * Health Data Services workspaces and DICOM services (Microsoft.HealthcareApis 2024-03-31), read only. A list
 * shows what the caller may read: everything when its roles allow reading at the list's scope, else the items it may
 * read one by one, and 403 when that is nothing.
 */
final class HealthcareEndpoint {

	static final String READ_WORKSPACES = "Microsoft.HealthcareApis/workspaces/read";

	static final String READ_DICOM_SERVICES = "Microsoft.HealthcareApis/workspaces/dicomservices/read";

	SandboxResponse listWorkspaces(ArmCall call, Scope scope) {
		List<ObjectNode> workspaces = call.context().store().read((tenant) -> {
			AzureResources azure = tenant.azure();
			AzureLookup.subscription(azure, scope.subscriptionId());
			if (scope.resourceGroup() != null && allowed(call, azure, READ_WORKSPACES, call.request().path())) {
				AzureLookup.resourceGroup(azure, scope);
			}
			List<HealthcareWorkspace> all = azure.workspaces(scope.subscriptionId(), scope.resourceGroup());
			return readable(call, azure, READ_WORKSPACES, all, HealthcareWorkspace::id,
					HealthcareEndpoint::workspace);
		});
		return ArmResponses.json(200, Pages.page(call, workspaces));
	}

	SandboxResponse getWorkspace(ArmCall call, Scope scope) {
		return ArmResponses.json(200, call.context().store().read((tenant) -> {
			AzureLookup.subscription(tenant.azure(), scope.subscriptionId());
			RoleBasedAccess.require(tenant.azure(), call.caller(), READ_WORKSPACES, scope.id());
			return workspace(AzureLookup.workspace(tenant.azure(), scope));
		}));
	}

	SandboxResponse listDicomServices(ArmCall call, Scope workspace) {
		List<ObjectNode> services = call.context().store().read((tenant) -> {
			AzureResources azure = tenant.azure();
			AzureLookup.subscription(azure, workspace.subscriptionId());
			List<DicomService> all = List.of();
			if (allowed(call, azure, READ_DICOM_SERVICES, call.request().path())) {
				HealthcareWorkspace found = AzureLookup.workspace(azure, workspace);
				all = azure.dicomServices(found.subscriptionId(), found.resourceGroup(), found.name());
			}
			else if (azure.workspace(workspace.subscriptionId(), workspace.resourceGroup(), workspace.workspace())
				.isPresent()) {
				all = azure.dicomServices(workspace.subscriptionId(), workspace.resourceGroup(), workspace.workspace());
			}
			return readable(call, azure, READ_DICOM_SERVICES, all, DicomService::id,
					(d) -> dicomService(call, tenant, d));
		});
		return ArmResponses.json(200, Pages.page(call, services));
	}

	SandboxResponse getDicomService(ArmCall call, Scope scope) {
		return ArmResponses.json(200, call.context().store().read((tenant) -> {
			AzureLookup.subscription(tenant.azure(), scope.subscriptionId());
			RoleBasedAccess.require(tenant.azure(), call.caller(), READ_DICOM_SERVICES, scope.id());
			return dicomService(call, tenant, AzureLookup.dicomService(tenant.azure(), scope));
		}));
	}

	private static boolean allowed(ArmCall call, AzureResources azure, String action, String scopeId) {
		return RoleBasedAccess.allows(azure, call.caller().objectId(), action, scopeId);
	}

	/**
	 * The items the caller may read, as JSON; 403 naming the list's scope when that is none and the caller may not
	 * read at the list's scope.
	 */
	private static <T> List<ObjectNode> readable(ArmCall call, AzureResources azure, String action, List<T> items,
			Function<T, String> id, Function<T, ObjectNode> json) {
		String listScope = call.request().path();
		boolean all = allowed(call, azure, action, listScope);
		List<T> visible = items.stream().filter((item) -> all || allowed(call, azure, action, id.apply(item))).toList();
		if (!all && visible.isEmpty()) {
			throw ArmError.authorizationFailed(call.caller(), action, listScope);
		}
		return visible.stream().map(json).toList();
	}

	private static ObjectNode workspace(HealthcareWorkspace workspace) {
		ObjectNode node = resource(workspace.name(), workspace.id(), HealthcareWorkspace.TYPE, workspace.location(),
				workspace.etag());
		ObjectNode properties = node.putObject("properties");
		properties.put("provisioningState", "Succeeded");
		properties.putArray("privateEndpointConnections");
		properties.put("publicNetworkAccess", "Enabled");
		return node;
	}

	private static ObjectNode dicomService(ArmCall call, Tenant tenant, DicomService service) {
		ObjectNode node = resource(service.name(), service.id(), DicomService.TYPE, service.location(),
				service.etag());
		ObjectNode properties = node.putObject("properties");
		properties.put("provisioningState", "Succeeded");
		ObjectNode authentication = properties.putObject("authenticationConfiguration");
		authentication.put("authority", call.context().baseUrl() + "/" + tenant.tenantId());
		authentication.putArray("audiences").add(SandboxDirectory.DICOM_RESOURCE);
		ObjectNode cors = properties.putObject("corsConfiguration");
		cors.putArray("origins");
		cors.putArray("headers");
		cors.putArray("methods");
		cors.put("allowCredentials", false);
		properties.put("serviceUrl", DicomServiceUrls.serviceUrl(call.context().baseUrl(), service));
		properties.putArray("privateEndpointConnections");
		properties.put("publicNetworkAccess", "Enabled");
		properties.put("eventState", "Disabled");
		return node;
	}

	private static ObjectNode resource(String name, String id, String type, String location, String etag) {
		ObjectNode node = Json.object();
		node.put("name", name);
		node.put("id", id);
		node.put("type", type);
		node.put("location", location);
		node.put("etag", etag);
		node.putObject("tags");
		return node;
	}

}
