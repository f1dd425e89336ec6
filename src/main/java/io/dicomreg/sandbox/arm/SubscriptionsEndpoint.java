package io.dicomreg.sandbox.arm;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.SandboxDirectory;
import io.dicomreg.sandbox.directory.AzureResources;
import io.dicomreg.sandbox.directory.AzureSubscription;
import io.dicomreg.sandbox.directory.Json;
import io.dicomreg.sandbox.directory.Tenant;
import io.dicomreg.sandbox.http.SandboxResponse;

/**
 * {@code /subscriptions} and {@code /tenants} (Microsoft.Resources 2022-12-01): a caller sees the subscriptions it
 * holds any role in, at, above or below the subscription.
 */
final class SubscriptionsEndpoint {

	SandboxResponse list(ArmCall call) {
		List<ObjectNode> visible = call.context().store().read((tenant) -> tenant.azure().subscriptions().stream()
			.filter((subscription) -> visible(tenant.azure(), call.caller(), subscription))
			.map((subscription) -> subscription(tenant, subscription))
			.toList());
		return ArmResponses.json(200, Pages.page(call, visible));
	}

	SandboxResponse get(ArmCall call, String subscriptionId) {
		return ArmResponses.json(200, call.context().store().read((tenant) -> {
			AzureSubscription subscription = AzureLookup.subscription(tenant.azure(), subscriptionId);
			if (!visible(tenant.azure(), call.caller(), subscription)) {
				throw ArmError.subscriptionNotFound(subscriptionId);
			}
			return subscription(tenant, subscription);
		}));
	}

	SandboxResponse tenants(ArmCall call) {
		ObjectNode tenant = call.context().store().read((t) -> {
			ObjectNode node = Json.object();
			node.put("id", "/tenants/" + t.tenantId());
			node.put("tenantId", t.tenantId());
			node.put("countryCode", "US");
			node.put("displayName", SandboxDirectory.TENANT_DISPLAY_NAME);
			node.putArray("domains").add(SandboxDirectory.TENANT_DOMAIN);
			node.put("tenantCategory", "Home");
			node.put("defaultDomain", SandboxDirectory.TENANT_DOMAIN);
			node.put("tenantType", "AAD");
			return node;
		});
		return ArmResponses.json(200, Pages.page(call, List.of(tenant)));
	}

	private static boolean visible(AzureResources azure, ArmCaller caller, AzureSubscription subscription) {
		return RoleBasedAccess.hasAnyRoleAround(azure, caller.objectId(), subscription.id());
	}

	private static ObjectNode subscription(Tenant tenant, AzureSubscription subscription) {
		ObjectNode node = Json.object();
		node.put("id", subscription.id());
		node.put("authorizationSource", "RoleBased");
		node.putArray("managedByTenants");
		node.putObject("tags");
		node.put("subscriptionId", subscription.subscriptionId());
		node.put("tenantId", tenant.tenantId());
		node.put("displayName", subscription.displayName());
		node.put("state", "Enabled");
		ObjectNode policies = node.putObject("subscriptionPolicies");
		policies.put("locationPlacementId", "Public_2014-09-01");
		policies.put("quotaId", "PayAsYouGo_2014-09-01");
		policies.put("spendingLimit", "Off");
		return node;
	}

}
