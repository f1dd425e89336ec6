package io.dicomreg.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.dicomreg.sandbox.arm.DicomServiceUrls;
import io.dicomreg.sandbox.directory.AzureResources;
import io.dicomreg.sandbox.directory.AzureSubscription;
import io.dicomreg.sandbox.directory.DicomService;
import io.dicomreg.sandbox.directory.HealthcareWorkspace;
import io.dicomreg.sandbox.directory.ResourceGroup;
import io.dicomreg.sandbox.directory.RoleAssignment;
import io.dicomreg.sandbox.directory.TenantStore;

/**
 * The Azure side of a running sandbox for tests: the provisioned subscription, resources to add, and role assignments
 * to read or make without going through ARM's authorization. Each call reads or writes the tenant afresh, through
 * the state file when there is one.
 */
public final class SandboxAzure {

	private final TenantStore store;

	private final String baseUrl;

	private final Clock clock;

	SandboxAzure(TenantStore store, String baseUrl, Clock clock) {
		this.store = store;
		this.baseUrl = baseUrl;
		this.clock = clock;
	}

	/**
	 * The id of the subscription the tenant was provisioned with (named {@value SandboxDirectory#SUBSCRIPTION_DISPLAY_NAME}).
	 * @return a GUID
	 */
	public String subscriptionId() {
		return this.store.read((tenant) -> tenant.azure().subscriptions().get(0).subscriptionId());
	}

	public List<AzureSubscription> subscriptions() {
		return this.store.read((tenant) -> List.copyOf(tenant.azure().subscriptions()));
	}

	/**
	 * The provisioned DICOM service: {@value SandboxDirectory#DICOM_SERVICE} in workspace
	 * {@value SandboxDirectory#WORKSPACE}, resource group {@value SandboxDirectory#RESOURCE_GROUP}.
	 * @return the DICOM service
	 */
	public DicomService dicomService() {
		return this.store.read((tenant) -> tenant.azure().dicomServices().get(0));
	}

	public List<DicomService> dicomServices() {
		return this.store.read((tenant) -> List.copyOf(tenant.azure().dicomServices()));
	}

	/**
	 * The URL a DICOM service is served at on this running server, as ARM answers it in {@code serviceUrl}.
	 * @param service the DICOM service
	 * @return e.g. https://127.0.0.1:PORT/dicom/contosohealth-dicom1
	 */
	public String serviceUrl(DicomService service) {
		return DicomServiceUrls.serviceUrl(this.baseUrl, service);
	}

	/**
	 * The DICOM service a URL of this server is for.
	 * @param url a service URL, or one under it such as {@code {serviceUrl}/v2/studies}
	 * @return the DICOM service
	 */
	public Optional<DicomService> serviceOf(String url) {
		String path = url.startsWith(this.baseUrl) ? url.substring(this.baseUrl.length()) : url;
		return this.store.read((tenant) -> DicomServiceUrls.serviceOf(tenant.azure(), path));
	}

	/**
	 * Adds a subscription with a new random id.
	 * @param displayName its display name
	 * @return its id
	 * @throws IllegalArgumentException when the display name is blank
	 */
	public String addSubscription(String displayName) {
		String subscriptionId = UUID.randomUUID().toString();
		this.store.write((tenant) -> {
			tenant.azure().add(new AzureSubscription(subscriptionId, displayName));
			return null;
		});
		return subscriptionId;
	}

	/**
	 * Adds a resource group.
	 * @param subscriptionId an existing subscription
	 * @param name the name, by ARM's rules
	 * @param location the region, such as westus2
	 * @return the resource group
	 * @throws IllegalArgumentException when ARM would refuse it
	 */
	public ResourceGroup addResourceGroup(String subscriptionId, String name, String location) {
		ResourceGroup group = new ResourceGroup(subscriptionId, name, location);
		this.store.write((tenant) -> {
			tenant.azure().add(group);
			return null;
		});
		return group;
	}

	/**
	 * Adds a workspace in its resource group's region.
	 * @param group an existing resource group
	 * @param name the name, 3 to 24 lower-case letters, digits and hyphens
	 * @return the workspace
	 * @throws IllegalArgumentException when ARM would refuse it
	 */
	public HealthcareWorkspace addWorkspace(ResourceGroup group, String name) {
		HealthcareWorkspace workspace = new HealthcareWorkspace(group.subscriptionId(), group.name(), name,
				group.location(), AzureResources.etag(UUID.randomUUID().toString()));
		this.store.write((tenant) -> {
			tenant.azure().add(workspace);
			return null;
		});
		return workspace;
	}

	/**
	 * Adds a DICOM service in its workspace's region.
	 * @param workspace an existing workspace
	 * @param name the name, 3 to 24 lower-case letters, digits and hyphens
	 * @return the DICOM service
	 * @throws IllegalArgumentException when ARM would refuse it, or its host name {@code {workspace}-{name}} is taken
	 */
	public DicomService addDicomService(HealthcareWorkspace workspace, String name) {
		DicomService service = new DicomService(workspace.subscriptionId(), workspace.resourceGroup(),
				workspace.name(), name, workspace.location(), AzureResources.etag(UUID.randomUUID().toString()));
		this.store.write((tenant) -> {
			tenant.azure().add(service);
			return null;
		});
		return service;
	}

	/**
	 * Every role assignment of the tenant.
	 * @return the assignments, oldest first
	 */
	public List<RoleAssignment> roleAssignments() {
		return this.store.read((tenant) -> List.copyOf(tenant.azure().roleAssignments()));
	}

	/**
	 * Assigns a role directly, as someone with the right to would through ARM, without checking the principal. It is
	 * created now by the sandbox's clock, so a DICOM data role takes effect after the sandbox's role effect delay.
	 * @param principalId the object id of a user or service principal
	 * @param principalType User or ServicePrincipal
	 * @param roleDefinitionId a role definition GUID, such as {@link SandboxDirectory#READER_ROLE_ID}
	 * @param scope an ARM resource id, such as a DICOM service's {@link DicomService#id()}
	 * @return the assignment
	 */
	public RoleAssignment assignRole(String principalId, String principalType, String roleDefinitionId,
			String scope) {
		Instant now = this.clock.instant();
		RoleAssignment assignment = new RoleAssignment(UUID.randomUUID().toString(), scope, roleDefinitionId,
				principalId, principalType, null, null, null, now, now, null, null);
		this.store.write((tenant) -> {
			tenant.azure().putRoleAssignment(assignment);
			return null;
		});
		return assignment;
	}

}
