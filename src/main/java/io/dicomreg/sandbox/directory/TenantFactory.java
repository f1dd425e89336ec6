package io.dicomreg.sandbox.directory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.SandboxDirectory.Permission;
import io.dicomreg.sandbox.SandboxDirectory;
import io.dicomreg.sandbox.crypto.Secrets;

/**
 * Creates a fresh tenant: new ids and signing key, one administrator, one member, the first-party service principals
 * of Microsoft Graph, the DICOM API, Azure Resource Manager and the Graph command line tools, and the Azure
 * resources the administrator owns ({@link AzureResources#provisioned}).
 */
public final class TenantFactory {

	private static final List<String> GRAPH_SERVICE_PRINCIPAL_NAMES = List.of(
			"00000003-0000-0000-c000-000000000000/ags.windows.net", SandboxDirectory.GRAPH_APP_ID,
			"https://canary.graph.microsoft.com", SandboxDirectory.GRAPH_RESOURCE, "https://ags.windows.net",
			"https://graph.microsoft.us", SandboxDirectory.GRAPH_RESOURCE + "/", "https://dod-graph.microsoft.us");

	private TenantFactory() {
	}

	/**
	 * Creates a new tenant.
	 * @param clock the sandbox clock
	 * @return the tenant
	 */
	public static Tenant fresh(Clock clock) {
		AdminUser admin = new AdminUser(UUID.randomUUID().toString(), SandboxDirectory.ADMIN_USER_PRINCIPAL_NAME,
				"Sandbox Administrator", "Sandbox", "Administrator");
		Tenant tenant = new Tenant(UUID.randomUUID().toString(), clock.instant(), SigningKey.generate(), admin);
		tenant.setOwnerSecret(newOwnerSecret());
		tenant.putServicePrincipal(graph());
		tenant.putServicePrincipal(dicom());
		tenant.putServicePrincipal(graphCommandLineTools());
		tenant.putServicePrincipal(resourceManager(IdSource.random()));
		tenant.setAzure(AzureResources.provisioned(admin.objectId(), tenant.createdDateTime(), IdSource.random()));
		tenant.addMember(member(UUID.randomUUID().toString()));
		tenant.setTls(io.dicomreg.sandbox.crypto.TlsIdentity.generate(clock.instant()));
		return tenant;
	}

	/**
	 * The service principal of Azure Resource Manager, which tokens for {@code https://management.azure.com} are
	 * issued for; tenants saved before it existed get it when they are loaded.
	 * @param ids the source of its object id
	 * @return a new service principal object
	 */
	static ObjectNode resourceManager(IdSource ids) {
		ObjectNode sp = ServicePrincipals.firstParty(SandboxDirectory.ARM_APP_ID, SandboxDirectory.ARM_DISPLAY_NAME,
				SandboxDirectory.MICROSOFT_SERVICES_TENANT_ID);
		sp.put("id", ids.id("servicePrincipal/" + SandboxDirectory.ARM_APP_ID));
		ArrayNode names = sp.withArray("servicePrincipalNames");
		SandboxDirectory.ARM_AUDIENCES.forEach(names::add);
		sp.putArray("oauth2PermissionScopes")
			.add(scope(new Permission(SandboxDirectory.ARM_SCOPE, SandboxDirectory.ARM_SCOPE_ID,
					"Access Azure Service Management as organization users (preview)",
					"Allows the application to access Azure Service Management as organization users.", false)));
		return sp;
	}

	private static ObjectNode graph() {
		ObjectNode sp = ServicePrincipals.firstParty(SandboxDirectory.GRAPH_APP_ID,
				SandboxDirectory.GRAPH_DISPLAY_NAME, SandboxDirectory.MICROSOFT_SERVICES_TENANT_ID);
		ArrayNode names = sp.putArray("servicePrincipalNames");
		GRAPH_SERVICE_PRINCIPAL_NAMES.forEach(names::add);
		ArrayNode scopes = sp.putArray("oauth2PermissionScopes");
		SandboxDirectory.GRAPH_DELEGATED_PERMISSIONS.forEach((p) -> scopes.add(scope(p)));
		ArrayNode roles = sp.putArray("appRoles");
		SandboxDirectory.GRAPH_APPLICATION_PERMISSIONS.forEach((p) -> roles.add(appRole(p)));
		return sp;
	}

	private static ObjectNode dicom() {
		ObjectNode sp = ServicePrincipals.firstParty(SandboxDirectory.DICOM_APP_ID,
				SandboxDirectory.DICOM_DISPLAY_NAME, SandboxDirectory.MICROSOFT_SERVICES_TENANT_ID);
		ArrayNode names = sp.withArray("servicePrincipalNames");
		names.add(SandboxDirectory.DICOM_RESOURCE);
		names.add(SandboxDirectory.DICOM_RESOURCE + "/");
		sp.putArray("oauth2PermissionScopes")
			.add(scope(new Permission(SandboxDirectory.DICOM_SCOPE, SandboxDirectory.DICOM_SCOPE_ID,
					"Read and write DICOM", "Allows the app to read and write DICOM data on behalf of the signed-in user.",
					false)));
		return sp;
	}

	private static ObjectNode graphCommandLineTools() {
		ObjectNode sp = ServicePrincipals.firstParty(SandboxDirectory.GRAPH_CLI_APP_ID,
				SandboxDirectory.GRAPH_CLI_DISPLAY_NAME, SandboxDirectory.MICROSOFT_SERVICES_TENANT_ID);
		sp.put("signInAudience", "AzureADandPersonalMicrosoftAccount");
		ArrayNode replyUrls = sp.putArray("replyUrls");
		replyUrls.add("http://localhost");
		replyUrls.add("https://login.microsoftonline.com/common/oauth2/nativeclient");
		return sp;
	}

	/**
	 * The seeded member: a user without a directory role, who signs in but may not consent for the tenant.
	 * @param objectId the member's object id
	 * @return the member
	 */
	public static DirectoryUser member(String objectId) {
		return new DirectoryUser(objectId, SandboxDirectory.MEMBER_USER_PRINCIPAL_NAME,
				SandboxDirectory.MEMBER_DISPLAY_NAME, "Sandbox", "User", false);
	}

	/**
	 * The member's object id in a tenant whose state file was written before there were members: derived from the
	 * tenant id, so that it is the same at every reading of that file.
	 * @param tenantId the tenant id
	 * @return the object id
	 */
	static String memberIdForEarlierState(String tenantId) {
		return UUID.nameUUIDFromBytes(("dicomreg-sandbox-member:" + tenantId).getBytes(StandardCharsets.UTF_8))
			.toString();
	}

	/**
	 * A new owner secret: 32 random bytes, base64url.
	 * @return the secret
	 */
	public static String newOwnerSecret() {
		return Secrets.newToken(32);
	}

	static ObjectNode scope(Permission permission) {
		ObjectNode scope = Json.object();
		scope.put("adminConsentDescription", permission.description());
		scope.put("adminConsentDisplayName", permission.displayName());
		scope.put("id", permission.id());
		scope.put("isEnabled", true);
		scope.put("type", permission.adminConsentRequired() ? "Admin" : "User");
		scope.put("userConsentDescription", permission.description());
		scope.put("userConsentDisplayName", permission.displayName());
		scope.put("value", permission.value());
		return scope;
	}

	static ObjectNode appRole(Permission permission) {
		ObjectNode role = Json.object();
		role.putArray("allowedMemberTypes").add("Application");
		role.put("description", permission.description());
		role.put("displayName", permission.displayName());
		role.put("id", permission.id());
		role.put("isEnabled", true);
		role.put("origin", "Application");
		role.put("value", permission.value());
		return role;
	}

}
