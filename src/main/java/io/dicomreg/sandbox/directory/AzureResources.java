package io.dicomreg.sandbox.directory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import io.dicomreg.sandbox.SandboxDirectory;

/**
 * The Azure side of the tenant, as Azure Resource Manager sees it: subscriptions, resource groups, Health Data
 * Services workspaces, DICOM services and role assignments. Names compare ignoring case, as in ARM. Not thread-safe,
 * always used under the {@link TenantStore} lock.
 */
public final class AzureResources {

	/** ARM's rule for workspace and DICOM service names. */
	private static final Pattern SERVICE_NAME = Pattern.compile("^[a-z0-9][a-z0-9-]{1,21}[a-z0-9]$");

	/** ARM's rule for resource group names (1 to 90 characters, not ending in a period). */
	private static final Pattern RESOURCE_GROUP_NAME = Pattern.compile("^[-\\w._()]{0,89}[-\\w_()]$");

	private static final Pattern GUID = Pattern
		.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

	private final List<AzureSubscription> subscriptions = new ArrayList<>();

	private final List<ResourceGroup> resourceGroups = new ArrayList<>();

	private final List<HealthcareWorkspace> workspaces = new ArrayList<>();

	private final List<DicomService> dicomServices = new ArrayList<>();

	private final List<RoleAssignment> roleAssignments = new ArrayList<>();

	/**
	 * What a new tenant is provisioned with: one subscription, resource group, workspace and DICOM service (the names
	 * of {@link SandboxDirectory}), and the administrator as Owner of the subscription.
	 * @param adminObjectId the administrator's object id
	 * @param now when the tenant was created
	 * @param ids the source of the subscription id, the role assignment name and the entity tags
	 * @return the resources
	 */
	public static AzureResources provisioned(String adminObjectId, Instant now, IdSource ids) {
		AzureResources azure = new AzureResources();
		String subscriptionId = ids.id("subscription");
		azure.add(new AzureSubscription(subscriptionId, SandboxDirectory.SUBSCRIPTION_DISPLAY_NAME));
		azure.add(new ResourceGroup(subscriptionId, SandboxDirectory.RESOURCE_GROUP, SandboxDirectory.LOCATION));
		azure.add(new HealthcareWorkspace(subscriptionId, SandboxDirectory.RESOURCE_GROUP, SandboxDirectory.WORKSPACE,
				SandboxDirectory.LOCATION, etag(ids.id("etag/workspace"))));
		azure.add(new DicomService(subscriptionId, SandboxDirectory.RESOURCE_GROUP, SandboxDirectory.WORKSPACE,
				SandboxDirectory.DICOM_SERVICE, SandboxDirectory.LOCATION, etag(ids.id("etag/dicomService"))));
		azure.putRoleAssignment(new RoleAssignment(ids.id("roleAssignment/owner"), "/subscriptions/" + subscriptionId,
				SandboxDirectory.OWNER_ROLE_ID, adminObjectId, "User", null, null, null, now, now, null, null));
		return azure;
	}

	/**
	 * An entity tag as ARM writes them, quotes included.
	 * @param guid a GUID
	 * @return e.g. {@code "1b00fbd4-0000-0700-0000-66a3c0d10000"} in quotes
	 */
	public static String etag(String guid) {
		return "\"" + guid + "\"";
	}

	public List<AzureSubscription> subscriptions() {
		return Collections.unmodifiableList(this.subscriptions);
	}

	public Optional<AzureSubscription> subscription(String subscriptionId) {
		return first(this.subscriptions, (s) -> s.subscriptionId().equalsIgnoreCase(subscriptionId));
	}

	public List<ResourceGroup> resourceGroups() {
		return Collections.unmodifiableList(this.resourceGroups);
	}

	public Optional<ResourceGroup> resourceGroup(String subscriptionId, String name) {
		return first(this.resourceGroups,
				(g) -> g.subscriptionId().equalsIgnoreCase(subscriptionId) && g.name().equalsIgnoreCase(name));
	}

	public List<HealthcareWorkspace> workspaces() {
		return Collections.unmodifiableList(this.workspaces);
	}

	/**
	 * The workspaces of a subscription or of one of its resource groups.
	 * @param subscriptionId the subscription
	 * @param resourceGroup the resource group, or null for the whole subscription
	 * @return the workspaces, oldest first
	 */
	public List<HealthcareWorkspace> workspaces(String subscriptionId, String resourceGroup) {
		return this.workspaces.stream()
			.filter((w) -> w.subscriptionId().equalsIgnoreCase(subscriptionId)
					&& (resourceGroup == null || w.resourceGroup().equalsIgnoreCase(resourceGroup)))
			.toList();
	}

	public Optional<HealthcareWorkspace> workspace(String subscriptionId, String resourceGroup, String name) {
		return first(workspaces(subscriptionId, resourceGroup), (w) -> w.name().equalsIgnoreCase(name));
	}

	public List<DicomService> dicomServices() {
		return Collections.unmodifiableList(this.dicomServices);
	}

	/**
	 * The DICOM services of a workspace.
	 * @param subscriptionId the subscription
	 * @param resourceGroup the resource group
	 * @param workspace the workspace
	 * @return the DICOM services, oldest first
	 */
	public List<DicomService> dicomServices(String subscriptionId, String resourceGroup, String workspace) {
		return this.dicomServices.stream()
			.filter((d) -> d.subscriptionId().equalsIgnoreCase(subscriptionId)
					&& d.resourceGroup().equalsIgnoreCase(resourceGroup) && d.workspace().equalsIgnoreCase(workspace))
			.toList();
	}

	public Optional<DicomService> dicomService(String subscriptionId, String resourceGroup, String workspace,
			String name) {
		return first(dicomServices(subscriptionId, resourceGroup, workspace), (d) -> d.name().equalsIgnoreCase(name));
	}

	/**
	 * Finds a DICOM service by the first label of its host name.
	 * @param hostLabel {@code {workspace}-{name}}
	 * @return the DICOM service
	 */
	public Optional<DicomService> dicomServiceByHostLabel(String hostLabel) {
		return first(this.dicomServices, (d) -> d.hostLabel().equalsIgnoreCase(hostLabel));
	}

	public List<RoleAssignment> roleAssignments() {
		return Collections.unmodifiableList(this.roleAssignments);
	}

	public Optional<RoleAssignment> roleAssignment(String name) {
		return first(this.roleAssignments, (a) -> a.name().equalsIgnoreCase(name));
	}

	/**
	 * Adds a subscription.
	 * @param subscription the subscription
	 * @throws IllegalArgumentException when its id is not a GUID or is taken
	 */
	public void add(AzureSubscription subscription) {
		require(GUID.matcher(subscription.subscriptionId()).matches(),
				"subscription id '" + subscription.subscriptionId() + "' is not a GUID");
		require(subscription(subscription.subscriptionId()).isEmpty(),
				"subscription " + subscription.subscriptionId() + " exists");
		require(!blank(subscription.displayName()), "a subscription needs a display name");
		this.subscriptions.add(subscription);
	}

	/**
	 * Adds a resource group to an existing subscription.
	 * @param group the resource group
	 * @throws IllegalArgumentException when the name breaks ARM's rules, is taken, or the subscription is missing
	 */
	public void add(ResourceGroup group) {
		require(subscription(group.subscriptionId()).isPresent(), "no subscription " + group.subscriptionId());
		require(RESOURCE_GROUP_NAME.matcher(group.name()).matches(), "resource group name '" + group.name()
				+ "' breaks ARM's rules (1 to 90 letters, digits, - _ . ( ), not ending in .)");
		require(resourceGroup(group.subscriptionId(), group.name()).isEmpty(), "resource group " + group.name()
				+ " exists");
		require(!blank(group.location()), "a resource group needs a location");
		this.resourceGroups.add(group);
	}

	/**
	 * Adds a workspace to an existing resource group.
	 * @param workspace the workspace
	 * @throws IllegalArgumentException when the name breaks ARM's rules, is taken, or the resource group is missing
	 */
	public void add(HealthcareWorkspace workspace) {
		require(resourceGroup(workspace.subscriptionId(), workspace.resourceGroup()).isPresent(),
				"no resource group " + workspace.resourceGroup() + " in subscription " + workspace.subscriptionId());
		requireServiceName("workspace", workspace.name());
		require(workspace(workspace.subscriptionId(), workspace.resourceGroup(), workspace.name()).isEmpty(),
				"workspace " + workspace.name() + " exists");
		this.workspaces.add(workspace);
	}

	/**
	 * Adds a DICOM service to an existing workspace.
	 * @param service the DICOM service
	 * @throws IllegalArgumentException when the name breaks ARM's rules, the workspace is missing, or another
	 * service of the tenant has the same host name ({@code {workspace}-{name}}, unique in Azure)
	 */
	public void add(DicomService service) {
		require(workspace(service.subscriptionId(), service.resourceGroup(), service.workspace()).isPresent(),
				"no workspace " + service.workspace() + " in resource group " + service.resourceGroup());
		requireServiceName("DICOM service", service.name());
		require(dicomServiceByHostLabel(service.hostLabel()).isEmpty(),
				"a DICOM service with the host name " + service.hostLabel() + " exists");
		this.dicomServices.add(service);
	}

	/**
	 * Adds a role assignment, or replaces the one with its name.
	 * @param assignment the role assignment
	 */
	public void putRoleAssignment(RoleAssignment assignment) {
		this.roleAssignments.removeIf((a) -> a.name().equalsIgnoreCase(assignment.name()));
		this.roleAssignments.add(assignment);
	}

	/**
	 * Removes a role assignment.
	 * @param name its name
	 * @return whether it existed
	 */
	public boolean removeRoleAssignment(String name) {
		return this.roleAssignments.removeIf((a) -> a.name().equalsIgnoreCase(name));
	}

	private static void requireServiceName(String what, String name) {
		require(SERVICE_NAME.matcher(name).matches(), what + " name '" + name
				+ "' breaks ARM's rules (3 to 24 lower-case letters, digits and hyphens, starting and ending with a "
				+ "letter or digit)");
	}

	private static void require(boolean condition, String problem) {
		if (!condition) {
			throw new IllegalArgumentException(problem);
		}
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static <T> Optional<T> first(List<T> items, Predicate<T> test) {
		return items.stream().filter(test).findFirst();
	}

}
