package io.dicomreg.sandbox.arm;

import java.util.regex.Pattern;

import io.dicomreg.sandbox.directory.AzureResources;
import io.dicomreg.sandbox.directory.AzureSubscription;
import io.dicomreg.sandbox.directory.DicomService;
import io.dicomreg.sandbox.directory.HealthcareWorkspace;
import io.dicomreg.sandbox.directory.ResourceGroup;

/**
 * Finds what a scope names, failing as ARM does: a malformed or unknown subscription first, then (after the caller's
 * authorization was checked) a missing resource group or resource.
 */
final class AzureLookup {

	private static final Pattern GUID = Pattern
		.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

	private AzureLookup() {
	}

	/**
	 * The subscription of a scope.
	 * @param azure the tenant's resources
	 * @param subscriptionId the id in the path
	 * @return the subscription
	 * @throws ArmError 400 InvalidSubscriptionId, 404 SubscriptionNotFound
	 */
	static AzureSubscription subscription(AzureResources azure, String subscriptionId) {
		if (!GUID.matcher(subscriptionId).matches()) {
			throw ArmError.invalidSubscriptionId(subscriptionId);
		}
		return azure.subscription(subscriptionId).orElseThrow(() -> ArmError.subscriptionNotFound(subscriptionId));
	}

	/**
	 * The id of what a scope names, with the names as they were created.
	 * @param azure the tenant's resources
	 * @param scope the scope
	 * @return its ARM resource id
	 * @throws ArmError 404 SubscriptionNotFound, ResourceGroupNotFound or ResourceNotFound
	 */
	static String existing(AzureResources azure, Scope scope) {
		if (scope.isRoot()) {
			return "/";
		}
		AzureSubscription subscription = subscription(azure, scope.subscriptionId());
		if (scope.resourceGroup() == null) {
			return subscription.id();
		}
		ResourceGroup group = resourceGroup(azure, scope);
		if (scope.workspace() == null) {
			return group.id();
		}
		HealthcareWorkspace workspace = workspace(azure, scope);
		if (scope.dicomService() == null) {
			return workspace.id();
		}
		return dicomService(azure, scope).id();
	}

	static ResourceGroup resourceGroup(AzureResources azure, Scope scope) {
		return azure.resourceGroup(scope.subscriptionId(), scope.resourceGroup())
			.orElseThrow(() -> ArmError.resourceGroupNotFound(scope.resourceGroup()));
	}

	static HealthcareWorkspace workspace(AzureResources azure, Scope scope) {
		ResourceGroup group = resourceGroup(azure, scope);
		return azure.workspace(group.subscriptionId(), group.name(), scope.workspace())
			.orElseThrow(() -> ArmError.resourceNotFound(HealthcareWorkspace.TYPE + "/" + scope.workspace(),
					scope.resourceGroup()));
	}

	static DicomService dicomService(AzureResources azure, Scope scope) {
		HealthcareWorkspace workspace = workspace(azure, scope);
		return azure.dicomService(workspace.subscriptionId(), workspace.resourceGroup(), workspace.name(),
				scope.dicomService())
			.orElseThrow(() -> ArmError.resourceNotFound(HealthcareWorkspace.TYPE + "/" + scope.workspace()
					+ "/dicomservices/" + scope.dicomService(), scope.resourceGroup()));
	}

}
