package io.dicomreg.sandbox.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.SandboxDirectory;
import io.dicomreg.sandbox.directory.DirectoryUser;
import io.dicomreg.sandbox.directory.GraphSchema;
import io.dicomreg.sandbox.directory.Json;
import io.dicomreg.sandbox.directory.Tenant;
import io.dicomreg.sandbox.directory.Times;
import io.dicomreg.sandbox.http.SandboxResponse;

/**
 * {@code /v1.0/organization} and {@code /v1.0/me}.
 */
final class DirectoryEndpoints {

	SandboxResponse organizations(GraphCall call) {
		ObjectNode organization = call.context().store().read(DirectoryEndpoints::organization);
		ObjectNode response = Json.object();
		response.put("@odata.context", call.metadata("organization"));
		response.putArray("value").add(organization);
		return GraphResponses.json(200, response);
	}

	SandboxResponse organization(GraphCall call, String objectId) {
		ObjectNode organization = call.context().store().read(DirectoryEndpoints::organization);
		if (!objectId.equalsIgnoreCase(Json.text(organization, "id"))) {
			throw GraphError.notFound(objectId);
		}
		ObjectNode response = Json.object();
		response.put("@odata.context", call.metadata("organization/$entity"));
		response.setAll(organization);
		return GraphResponses.json(200, response);
	}

	SandboxResponse me(GraphCall call) {
		if (!call.caller().isDelegated()) {
			throw GraphError.odataBadRequest("/me request is only valid with delegated authentication flow.");
		}
		Permissions.require(call.caller(), Permissions.READ_ME);
		DirectoryUser user = call.context().store().read((tenant) -> tenant.user(call.caller().userObjectId()))
			.orElseThrow(() -> GraphError.notFound(call.caller().userObjectId()));
		ObjectNode response = Json.object();
		response.put("@odata.context", call.metadata("users/$entity"));
		response.putArray("businessPhones");
		response.put("displayName", user.displayName());
		response.put("givenName", user.givenName());
		response.putNull("jobTitle");
		response.put("mail", user.userPrincipalName());
		response.putNull("mobilePhone");
		response.putNull("officeLocation");
		response.put("preferredLanguage", "en-US");
		response.put("surname", user.surname());
		response.put("userPrincipalName", user.userPrincipalName());
		response.put("id", user.objectId());
		return GraphResponses.json(200, response);
	}

	/**
	 * One user, by object id or user principal name: 404 Request_ResourceNotFound when the tenant has none.
	 * @param call the call
	 * @param key the object id or user principal name
	 * @return the user's basic profile
	 */
	SandboxResponse user(GraphCall call, String key) {
		DirectoryUser user = call.context().store().read((tenant) -> tenant.user(key)
			.or(() -> tenant.userByPrincipalName(key)))
			.orElseThrow(() -> GraphError.notFound(key));
		ObjectNode response = Json.object();
		response.put("@odata.context", call.metadata("users/$entity"));
		response.putArray("businessPhones");
		response.put("displayName", user.displayName());
		response.put("givenName", user.givenName());
		response.put("mail", user.userPrincipalName());
		response.put("surname", user.surname());
		response.put("userPrincipalName", user.userPrincipalName());
		response.put("id", user.objectId());
		return GraphResponses.json(200, response);
	}

	private static ObjectNode organization(Tenant tenant) {
		ObjectNode organization = GraphSchema.get().defaults("organization");
		organization.put("id", tenant.tenantId());
		organization.put("createdDateTime", Times.format(tenant.createdDateTime()));
		organization.put("displayName", SandboxDirectory.TENANT_DISPLAY_NAME);
		organization.put("countryLetterCode", "US");
		organization.put("preferredLanguage", "en");
		organization.put("tenantType", "AAD");
		ObjectNode domain = organization.putArray("verifiedDomains").addObject();
		domain.put("capabilities", "Email, OfficeCommunicationsOnline");
		domain.put("isDefault", true);
		domain.put("isInitial", true);
		domain.put("name", SandboxDirectory.TENANT_DOMAIN);
		domain.put("type", "Managed");
		return organization;
	}

}
