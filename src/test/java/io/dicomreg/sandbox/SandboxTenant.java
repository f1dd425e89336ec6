package io.dicomreg.sandbox;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.dicomreg.sandbox.directory.Json;
import io.dicomreg.sandbox.directory.TenantStore;
import io.dicomreg.sandbox.graph.Entities;

/**
 * Read access to the sandbox directory for tests: each call returns a fresh copy, as Graph would return it.
 */
public final class SandboxTenant {

	private final TenantStore store;

	SandboxTenant(TenantStore store) {
		this.store = store;
	}

	public String tenantId() {
		return this.store.read((tenant) -> tenant.tenantId());
	}

	/**
	 * All application objects, certificate keys and secret texts removed as Graph does.
	 * @return the applications, oldest first
	 */
	public List<JsonNode> applications() {
		return this.store.read((tenant) -> tenant.applications().stream().map(Entities::application)
			.map(JsonNode.class::cast)
			.toList());
	}

	public Optional<JsonNode> applicationByAppId(String appId) {
		return this.store.read((tenant) -> tenant.applicationByAppId(appId).map(Entities::application));
	}

	public Optional<JsonNode> applicationByDisplayName(String displayName) {
		return applications().stream()
			.filter((application) -> displayName.equals(Json.text(application, "displayName")))
			.findFirst();
	}

	/**
	 * All service principals, the first-party ones included.
	 * @return the service principals, oldest first
	 */
	public List<JsonNode> servicePrincipals() {
		return this.store.read((tenant) -> tenant.servicePrincipals().stream().map(Entities::servicePrincipal)
			.map(JsonNode.class::cast)
			.toList());
	}

	public Optional<JsonNode> servicePrincipalByAppId(String appId) {
		return this.store.read((tenant) -> tenant.servicePrincipalByAppId(appId).map(Entities::servicePrincipal));
	}

	public List<JsonNode> oauth2PermissionGrants() {
		return this.store.read((tenant) -> tenant.grants().stream().map((grant) -> (JsonNode) grant.deepCopy())
			.toList());
	}

	/**
	 * How many client secrets an application has hashes for.
	 * @param appId the application's appId
	 * @return the number of stored secret hashes
	 */
	public int secretCount(String appId) {
		return this.store.read((tenant) -> tenant.applicationByAppId(appId)
			.map((application) -> application.secretHashes().size())
			.orElse(0));
	}

	public int refreshTokenCount() {
		return this.store.read((tenant) -> tenant.refreshTokens().size());
	}

	public String adminObjectId() {
		return this.store.read((tenant) -> tenant.admin().objectId());
	}

	/**
	 * The object id of the seeded member, {@code user@contoso.onmicrosoft.com}, who may not consent.
	 * @return the object id
	 */
	public String memberObjectId() {
		return this.store.read((tenant) -> tenant.userByPrincipalName(SandboxDirectory.MEMBER_USER_PRINCIPAL_NAME)
			.orElseThrow()
			.objectId());
	}

	/**
	 * Every app role assignment, as Graph returns them.
	 * @return the assignments, oldest first
	 */
	public List<JsonNode> appRoleAssignments() {
		return this.store.read((tenant) -> tenant.appRoleAssignments().stream()
			.map((assignment) -> (JsonNode) assignment.deepCopy())
			.toList());
	}

}
