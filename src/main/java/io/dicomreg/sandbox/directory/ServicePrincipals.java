package io.dicomreg.sandbox.directory;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds servicePrincipal objects the way Entra ID does: from a tenant application, or for a first-party app.
 */
public final class ServicePrincipals {

	private ServicePrincipals() {
	}

	/**
	 * The service principal Graph creates for one of the tenant's own applications.
	 * @param application the application object
	 * @param tenantId the tenant that owns it
	 * @return a new service principal object
	 */
	public static ObjectNode forApplication(ObjectNode application, String tenantId) {
		ObjectNode sp = base(Json.text(application, "appId"), Json.text(application, "displayName"), tenantId);
		sp.put("signInAudience", Json.text(application, "signInAudience"));
		sp.put("homepage", Json.text(application.path("web"), "homePageUrl"));
		sp.put("logoutUrl", Json.text(application.path("web"), "logoutUrl"));
		sp.set("info", application.path("info").deepCopy());
		sp.set("appRoles", application.path("appRoles").deepCopy());
		sp.set("oauth2PermissionScopes", application.path("api").path("oauth2PermissionScopes").deepCopy());
		sp.set("tags", application.path("tags").deepCopy());
		sp.set("replyUrls", replyUrls(application));
		ArrayNode names = sp.withArray("servicePrincipalNames");
		application.path("identifierUris").forEach(names::add);
		return sp;
	}

	/**
	 * A first-party (Microsoft-owned) service principal.
	 * @param appId the appId
	 * @param displayName the display name
	 * @param ownerTenantId the owning tenant
	 * @return a new service principal object, to be completed by the caller
	 */
	public static ObjectNode firstParty(String appId, String displayName, String ownerTenantId) {
		ObjectNode sp = base(appId, displayName, ownerTenantId);
		sp.put("signInAudience", "AzureADMultipleOrgs");
		return sp;
	}

	private static ObjectNode base(String appId, String displayName, String ownerTenantId) {
		ObjectNode sp = GraphSchema.get().defaults("servicePrincipal");
		sp.put("id", UUID.randomUUID().toString());
		sp.put("accountEnabled", true);
		sp.put("appDisplayName", displayName);
		sp.put("appId", appId);
		sp.put("appOwnerOrganizationId", ownerTenantId);
		sp.put("appRoleAssignmentRequired", false);
		sp.put("displayName", displayName);
		sp.put("servicePrincipalType", "Application");
		sp.set("verifiedPublisher", verifiedPublisher());
		sp.withArray("servicePrincipalNames").add(appId);
		return sp;
	}

	private static ObjectNode verifiedPublisher() {
		ObjectNode publisher = Json.object();
		publisher.putNull("displayName");
		publisher.putNull("verifiedPublisherId");
		publisher.putNull("addedDateTime");
		return publisher;
	}

	private static ArrayNode replyUrls(JsonNode application) {
		Set<String> urls = new LinkedHashSet<>();
		for (String platform : new String[] { "web", "spa", "publicClient" }) {
			application.path(platform).path("redirectUris").forEach((uri) -> urls.add(uri.asText()));
		}
		ArrayNode array = Json.array();
		urls.forEach(array::add);
		return array;
	}

}
