package io.dicomreg.sandbox;

import java.util.List;
import java.util.Optional;

/**
 * Well-known identifiers of the sandbox tenant and of the first-party applications it is provisioned with.
 */
public final class SandboxDirectory {

	/** The tenant's initial and default verified domain. */
	public static final String TENANT_DOMAIN = "contoso.onmicrosoft.com";

	/** The organization's display name. */
	public static final String TENANT_DISPLAY_NAME = "Contoso";

	/** The administrator, whom an interactive sign-in signs in unless another user is named. */
	public static final String ADMIN_USER_PRINCIPAL_NAME = "admin@contoso.onmicrosoft.com";

	/** The seeded member without a directory role, who may not consent for the tenant. */
	public static final String MEMBER_USER_PRINCIPAL_NAME = "user@contoso.onmicrosoft.com";

	/** The member's display name. */
	public static final String MEMBER_DISPLAY_NAME = "Sandbox User";

	/** The Global Administrator directory role's template id, in the administrator's {@code wids} claim. */
	public static final String GLOBAL_ADMINISTRATOR_ROLE_TEMPLATE_ID = "62e90394-69f5-4237-9190-012177145e10";

	/** The template id of the User role every member has, in every user's {@code wids} claim. */
	public static final String USER_ROLE_TEMPLATE_ID = "b79fbf4d-3ef9-4689-8143-76b194e85509";

	/** Tenant that owns Microsoft's first-party applications (appOwnerOrganizationId of their service principals). */
	public static final String MICROSOFT_SERVICES_TENANT_ID = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";

	/** Microsoft Graph's appId. */
	public static final String GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";

	/** Microsoft Graph's display name. */
	public static final String GRAPH_DISPLAY_NAME = "Microsoft Graph";

	/** Microsoft Graph's resource identifier, the audience of its tokens. */
	public static final String GRAPH_RESOURCE = "https://graph.microsoft.com";

	/** The "Azure API for DICOM" appId. */
	public static final String DICOM_APP_ID = "75e725bf-66ce-4cea-9b9a-5c4caae57f33";

	/** The DICOM API's display name. */
	public static final String DICOM_DISPLAY_NAME = "Azure API for DICOM";

	/** The DICOM API's resource identifier, the audience of its tokens. */
	public static final String DICOM_RESOURCE = "https://dicom.healthcareapis.azure.com";

	/** The DICOM API's one delegated scope. */
	public static final String DICOM_SCOPE = "Dicom.ReadWrite";

	/** Id of the {@value #DICOM_SCOPE} scope. */
	public static final String DICOM_SCOPE_ID = "e69ab058-b8ae-4c0f-b687-5d97888ddccb";

	/** "Microsoft Graph Command Line Tools", the public client the shell signs in with by default. */
	public static final String GRAPH_CLI_APP_ID = "14d82eec-204b-4c2f-b7e8-296a70dab67e";

	/** Display name of the Graph command line tools client. */
	public static final String GRAPH_CLI_DISPLAY_NAME = "Microsoft Graph Command Line Tools";

	/** "Windows Azure Service Management API", the resource application of Azure Resource Manager. */
	public static final String ARM_APP_ID = "797f4846-ba00-4fd7-ba43-dac1f8f63013";

	/** Azure Resource Manager's display name. */
	public static final String ARM_DISPLAY_NAME = "Windows Azure Service Management API";

	/** Azure Resource Manager's resource identifier: its scope is {@code https://management.azure.com/.default}. */
	public static final String ARM_RESOURCE = "https://management.azure.com";

	/**
	 * The names Azure Resource Manager's service principal answers to, which are also the audiences ARM accepts, in
	 * the order ARM lists them in its InvalidAuthenticationTokenAudience error.
	 */
	public static final List<String> ARM_AUDIENCES = List.of("https://management.core.windows.net/",
			"https://management.core.windows.net", "https://management.azure.com/", "https://management.azure.com");

	/** Azure Resource Manager's one delegated scope. */
	public static final String ARM_SCOPE = "user_impersonation";

	/** Id of the {@value #ARM_SCOPE} scope of Azure Resource Manager. */
	public static final String ARM_SCOPE_ID = "41094075-9dad-400e-a0bd-54e686782033";

	/** Display name of the Azure subscription a new tenant is provisioned with (its id is random). */
	public static final String SUBSCRIPTION_DISPLAY_NAME = "Sandbox Subscription";

	/** The resource group of the provisioned subscription. */
	public static final String RESOURCE_GROUP = "dicom-rg";

	/** The Azure region of the provisioned resources. */
	public static final String LOCATION = "westus2";

	/** The Azure Health Data Services workspace of the provisioned resource group. */
	public static final String WORKSPACE = "contosohealth";

	/** The DICOM service of the provisioned workspace. */
	public static final String DICOM_SERVICE = "dicom1";

	/** Built-in Azure role "Owner". */
	public static final String OWNER_ROLE_ID = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";

	/** Built-in Azure role "Contributor". */
	public static final String CONTRIBUTOR_ROLE_ID = "b24988ac-6180-42a0-ab88-20f7382dd24c";

	/** Built-in Azure role "Reader". */
	public static final String READER_ROLE_ID = "acdd72a7-3385-48ef-bd42-f606fba81ae7";

	/** Built-in Azure role "User Access Administrator". */
	public static final String USER_ACCESS_ADMINISTRATOR_ROLE_ID = "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9";

	/** Built-in Azure role "Role Based Access Control Administrator". */
	public static final String RBAC_ADMINISTRATOR_ROLE_ID = "f58310d9-a9f6-439a-9e8d-f62e7b41a168";

	/** Built-in Azure role "DICOM Data Owner". */
	public static final String DICOM_DATA_OWNER_ROLE_ID = "58a3b984-7adf-4c20-983a-32417c86fbc8";

	/** Built-in Azure role "DICOM Data Reader". */
	public static final String DICOM_DATA_READER_ROLE_ID = "e89c7a3c-2f64-4fa1-a847-3e4c9ba4283a";

	/** Audience of the proof JWT that addKey and removeKey require. */
	public static final String KEY_PROOF_AUDIENCE = "00000002-0000-0000-c000-000000000000";

	/** Microsoft Graph's delegated permissions (oauth2PermissionScopes) known to the sandbox. */
	public static final List<Permission> GRAPH_DELEGATED_PERMISSIONS = List.of(
			new Permission("User.Read", "e1fe6dd8-ba31-4d61-89e7-88639da4683d", "Sign in and read user profile",
					"Allows users to sign-in to the app, and allows the app to read the profile of signed-in users.",
					false),
			new Permission("User.ReadBasic.All", "b340eb25-3456-403f-be2f-af7a0d370277", "Read all users' basic profiles",
					"Allows the app to read a basic set of profile properties of other users in your organization on behalf of the signed-in user.",
					false),
			new Permission("Application.Read.All", "c79f8feb-a9db-4090-85f9-90d820caa0eb", "Read applications",
					"Allows the app to read applications and service principals on behalf of the signed-in user.",
					true),
			new Permission("Application.ReadWrite.All", "bdfbf15f-ee85-4955-8675-146e8e5296b5",
					"Read and write all applications",
					"Allows the app to create, read, update and delete applications and service principals on behalf of the signed-in user.",
					true),
			new Permission("DelegatedPermissionGrant.ReadWrite.All", "41ce6ca6-6826-4807-84f1-1c82854f7ee5",
					"Manage all delegated permission grants",
					"Allows the app to manage permission grants for delegated permissions exposed by any API, on behalf of the signed-in user.",
					true),
			new Permission("Directory.Read.All", "06da0dbc-49e2-44d2-8312-53f166ab848a", "Read directory data",
					"Allows the app to read data in your organization's directory.", true),
			new Permission("Directory.ReadWrite.All", "c5366453-9fb0-48a5-a156-24f0c49a4b84",
					"Read and write directory data",
					"Allows the app to read and write data in your organization's directory.", true),
			new Permission("Organization.Read.All", "4908d5b9-3fb2-4b1e-9336-1888b7937185",
					"Read organization information",
					"Allows the app to read the organization and related resources, on behalf of the signed-in user.",
					true),
			new Permission("AppRoleAssignment.ReadWrite.All", "84bccea3-f856-4a8a-967b-dbe0a3d53a64",
					"Manage app permission grants and app role assignments",
					"Allows the app to manage permission grants for application permissions to any API and app role assignments for any app, on behalf of the signed-in user.",
					true),
			new Permission("offline_access", "7427e0e9-2fba-42fe-b0c0-848c9e6a8182", "Maintain access to data you have given it access to",
					"Allows the app to see and update the data you gave it access to, even when users are not currently using the app.",
					false),
			new Permission("openid", "37f7f235-527c-4136-accd-4a02d197296e", "Sign users in",
					"Allows users to sign in to the app with their work or school accounts and allows the app to see basic user profile information.",
					false),
			new Permission("profile", "14dad69e-099b-42c9-810b-d002981feec1", "View users' basic profile",
					"Allows the app to see your users' basic profile (e.g., name, picture, user name, email address)",
					false),
			new Permission("email", "64a6cdd6-aab1-4aaf-94b8-3cc8405e90d0", "View users' email address",
					"Allows the app to read your users' primary email address", false));

	/** Microsoft Graph's application permissions (appRoles) known to the sandbox. */
	public static final List<Permission> GRAPH_APPLICATION_PERMISSIONS = List.of(
			new Permission("Application.Read.All", "9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30", "Read all applications",
					"Allows the app to read all applications and service principals without a signed-in user.", true),
			new Permission("Application.ReadWrite.All", "1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9",
					"Read and write all applications",
					"Allows the app to create, read, update and delete applications and service principals without a signed-in user.",
					true),
			new Permission("Application.ReadWrite.OwnedBy", "18a4783c-866b-4cc7-a460-3d5e5662c884",
					"Manage apps that this app creates or owns",
					"Allows the app to create other applications, and fully manage those applications, without a signed-in user.",
					true),
			new Permission("DelegatedPermissionGrant.ReadWrite.All", "8e8e4742-1d95-4f68-9d56-6ee75648c72a",
					"Manage all delegated permission grants",
					"Allows the app to manage permission grants for delegated permissions exposed by any API, without a signed-in user.",
					true),
			new Permission("Directory.Read.All", "7ab1d382-f21e-4acd-a863-ba3e13f7da61", "Read directory data",
					"Allows the app to read data in your organization's directory, without a signed-in user.", true),
			new Permission("Directory.ReadWrite.All", "19dbc75e-c2e2-444c-a770-ec69d8559fc7",
					"Read and write directory data",
					"Allows the app to read and write data in your organization's directory, without a signed-in user.",
					true),
			new Permission("Organization.Read.All", "498476ce-e0fe-48b0-b801-37ba7e2685c6",
					"Read organization information",
					"Allows the app to read the organization and related resources, without a signed-in user.", true),
			new Permission("AppRoleAssignment.ReadWrite.All", "06b708a9-e830-4db3-a914-8e69da51d44f",
					"Manage app permission grants and app role assignments",
					"Allows the app to manage permission grants for application permissions to any API and app role assignments for any app, without a signed-in user.",
					true));

	private SandboxDirectory() {
	}

	/**
	 * The delegated scopes a first-party client holds on a resource without consent, as Microsoft pre-authorizes its
	 * own tools: the Graph command line tools for Azure Resource Manager's {@value #ARM_SCOPE}.
	 * @param clientAppId the client's appId
	 * @param resourceAppId the resource's appId
	 * @return the scope values, empty when the client is not pre-authorized for the resource
	 */
	public static List<String> preAuthorizedScopes(String clientAppId, String resourceAppId) {
		if (GRAPH_CLI_APP_ID.equalsIgnoreCase(clientAppId) && ARM_APP_ID.equalsIgnoreCase(resourceAppId)) {
			return List.of(ARM_SCOPE);
		}
		return List.of();
	}

	/**
	 * Looks up one of Graph's delegated permissions by value.
	 * @param value e.g. User.Read
	 * @return the permission
	 */
	public static Optional<Permission> graphScope(String value) {
		return GRAPH_DELEGATED_PERMISSIONS.stream().filter((p) -> p.value().equals(value)).findFirst();
	}

	/**
	 * Looks up one of Graph's application permissions by value.
	 * @param value e.g. Application.ReadWrite.All
	 * @return the permission
	 */
	public static Optional<Permission> graphRole(String value) {
		return GRAPH_APPLICATION_PERMISSIONS.stream().filter((p) -> p.value().equals(value)).findFirst();
	}

	/**
	 * One permission a resource exposes.
	 *
	 * @param value the value clients request, e.g. User.Read
	 * @param id the permission id used in requiredResourceAccess
	 * @param displayName the consent display name
	 * @param description the consent description
	 * @param adminConsentRequired whether only an administrator can consent
	 */
	public record Permission(String value, String id, String displayName, String description,
			boolean adminConsentRequired) {

	}

}
