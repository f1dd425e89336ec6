package io.dicomreg.sandbox.directory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The whole state of one emulated tenant; not thread-safe, always used under the {@link TenantStore} lock.
 */
public final class Tenant {

	private final String tenantId;

	private final Instant createdDateTime;

	private final SigningKey signingKey;

	private final AdminUser admin;

	private final Map<String, StoredApplication> applications = new LinkedHashMap<>();

	private final Map<String, ObjectNode> servicePrincipals = new LinkedHashMap<>();

	private final Map<String, ObjectNode> grants = new LinkedHashMap<>();

	private final List<RefreshTokenRecord> refreshTokens = new ArrayList<>();

	private String ownerSecret;

	private AzureResources azure = new AzureResources();

	private final List<StoredDicomInstance> dicomInstances = new ArrayList<>();

	private boolean upgraded;

	private io.dicomreg.sandbox.crypto.TlsIdentity tls;

	public Tenant(String tenantId, Instant createdDateTime, SigningKey signingKey, AdminUser admin) {
		this.tenantId = tenantId;
		this.createdDateTime = createdDateTime;
		this.signingKey = signingKey;
		this.admin = admin;
	}

	/**
	 * The secret of the sandbox's owner, which alone signs the administrator in interactively (approving a device
	 * code, completing the browser sign-in page); null in a state file written before there was one.
	 * @return the owner secret
	 */
	public String ownerSecret() {
		return this.ownerSecret;
	}

	public void setOwnerSecret(String ownerSecret) {
		this.ownerSecret = ownerSecret;
	}

	/**
	 * Whether loading this tenant added what a state file of an earlier dicomreg lacked, so that it should be saved.
	 * @return true when it was brought up to date on load
	 */
	public boolean upgraded() {
		return this.upgraded;
	}

	void markUpgraded() {
		this.upgraded = true;
	}

	/**
	 * The TLS identity the sandbox serves this tenant with (a CA and its server certificate), kept so that a client
	 * that trusts the CA keeps trusting it across restarts.
	 * @return the identity
	 */
	public io.dicomreg.sandbox.crypto.TlsIdentity tls() {
		return this.tls;
	}

	public void setTls(io.dicomreg.sandbox.crypto.TlsIdentity tls) {
		this.tls = tls;
	}

	public String tenantId() {
		return this.tenantId;
	}

	public Instant createdDateTime() {
		return this.createdDateTime;
	}

	public SigningKey signingKey() {
		return this.signingKey;
	}

	public AdminUser admin() {
		return this.admin;
	}

	public Collection<StoredApplication> applications() {
		return this.applications.values();
	}

	public Optional<StoredApplication> application(String objectId) {
		return Optional.ofNullable(this.applications.get(objectId.toLowerCase()));
	}

	public Optional<StoredApplication> applicationByAppId(String appId) {
		return applications().stream().filter((app) -> appId.equalsIgnoreCase(app.appId())).findFirst();
	}

	public Optional<StoredApplication> applicationByUniqueName(String uniqueName) {
		return applications().stream().filter((app) -> uniqueName.equalsIgnoreCase(app.uniqueName())).findFirst();
	}

	public void putApplication(StoredApplication application) {
		this.applications.put(application.objectId().toLowerCase(), application);
	}

	public void removeApplication(String objectId) {
		this.applications.remove(objectId.toLowerCase());
	}

	public Collection<ObjectNode> servicePrincipals() {
		return this.servicePrincipals.values();
	}

	public Optional<ObjectNode> servicePrincipal(String objectId) {
		return Optional.ofNullable(this.servicePrincipals.get(objectId.toLowerCase()));
	}

	public Optional<ObjectNode> servicePrincipalByAppId(String appId) {
		return servicePrincipals().stream()
			.filter((sp) -> appId.equalsIgnoreCase(Json.text(sp, "appId")))
			.findFirst();
	}

	/**
	 * Finds the service principal a resource identifier names: its appId or one of its servicePrincipalNames.
	 * @param resource an appId or a URI such as https://graph.microsoft.com
	 * @return the service principal
	 */
	public Optional<ObjectNode> servicePrincipalByName(String resource) {
		for (ObjectNode sp : servicePrincipals()) {
			if (resource.equalsIgnoreCase(Json.text(sp, "appId"))) {
				return Optional.of(sp);
			}
			for (JsonNode name : sp.path("servicePrincipalNames")) {
				if (resource.equalsIgnoreCase(name.asText())) {
					return Optional.of(sp);
				}
			}
		}
		return Optional.empty();
	}

	public void putServicePrincipal(ObjectNode servicePrincipal) {
		this.servicePrincipals.put(Json.text(servicePrincipal, "id").toLowerCase(), servicePrincipal);
	}

	public void removeServicePrincipal(String objectId) {
		this.servicePrincipals.remove(objectId.toLowerCase());
	}

	public Collection<ObjectNode> grants() {
		return this.grants.values();
	}

	public Optional<ObjectNode> grant(String grantId) {
		return Optional.ofNullable(this.grants.get(grantId));
	}

	public void putGrant(ObjectNode grant) {
		this.grants.put(Json.text(grant, "id"), grant);
	}

	public void removeGrant(String grantId) {
		this.grants.remove(grantId);
	}

	/**
	 * The tenant's Azure subscriptions, resources and role assignments, as Azure Resource Manager serves them.
	 * @return the resources, changed in place
	 */
	public AzureResources azure() {
		return this.azure;
	}

	public void setAzure(AzureResources azure) {
		this.azure = azure;
	}

	public List<RefreshTokenRecord> refreshTokens() {
		return this.refreshTokens;
	}

	/**
	 * The DICOM instances clients stored in the tenant's DICOM services (the seeded studies are not kept: they are
	 * derived from each service's id).
	 * @return the instances, oldest first, changed in place
	 */
	public List<StoredDicomInstance> dicomInstances() {
		return this.dicomInstances;
	}

	// Users besides the administrator, and app role assignments (who may consent, and what was consented).

	private final List<DirectoryUser> members = new ArrayList<>();

	private final Map<String, ObjectNode> appRoleAssignments = new LinkedHashMap<>();

	/**
	 * The administrator as a directory user.
	 * @return the administrator
	 */
	public DirectoryUser administrator() {
		return DirectoryUser.of(this.admin);
	}

	/**
	 * Every user: the administrator first, then the members.
	 * @return the users
	 */
	public List<DirectoryUser> users() {
		List<DirectoryUser> users = new ArrayList<>();
		users.add(administrator());
		users.addAll(this.members);
		return users;
	}

	/**
	 * The users without a directory role.
	 * @return the members, in the order they were added
	 */
	public List<DirectoryUser> members() {
		return List.copyOf(this.members);
	}

	public void addMember(DirectoryUser member) {
		this.members.add(member);
	}

	public Optional<DirectoryUser> user(String objectId) {
		return users().stream().filter((user) -> user.objectId().equalsIgnoreCase(objectId)).findFirst();
	}

	public Optional<DirectoryUser> userByPrincipalName(String userPrincipalName) {
		return users().stream()
			.filter((user) -> user.userPrincipalName().equalsIgnoreCase(userPrincipalName))
			.findFirst();
	}

	public Collection<ObjectNode> appRoleAssignments() {
		return this.appRoleAssignments.values();
	}

	public Optional<ObjectNode> appRoleAssignment(String assignmentId) {
		return Optional.ofNullable(this.appRoleAssignments.get(assignmentId));
	}

	public void putAppRoleAssignment(ObjectNode assignment) {
		this.appRoleAssignments.put(Json.text(assignment, "id"), assignment);
	}

	public void removeAppRoleAssignment(String assignmentId) {
		this.appRoleAssignments.remove(assignmentId);
	}

}
