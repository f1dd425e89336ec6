package io.dicomreg.apps;

import com.microsoft.graph.models.RequiredResourceAccess;
import com.microsoft.graph.models.ResourceAccess;

import java.util.ArrayList;
import java.util.List;

/**
 * An application's {@code requiredResourceAccess} as plain values, edited in memory before the
 * whole collection is sent back (a PATCH replaces it).
 */
final class RequiredAccess {

	/** Entra ID's limit on resources in {@code requiredResourceAccess}. */
	static final int MAX_RESOURCES = 50;

	/** Entra ID's limit on permissions in {@code requiredResourceAccess}, all resources together. */
	static final int MAX_PERMISSIONS = 400;

	private final List<Resource> resources = new ArrayList<>();

	/**
	 * Adds one resource entry as read from Graph; entries for the same resource are kept apart, as
	 * they were.
	 */
	/** The permissions an application requests, as Graph holds them ({@code requiredResourceAccess}). */
	static RequiredAccess of(List<RequiredResourceAccess> requiredResourceAccess) {
		RequiredAccess access = new RequiredAccess();
		for (RequiredResourceAccess resource : (requiredResourceAccess != null) ? requiredResourceAccess
				: List.<RequiredResourceAccess>of()) {
			List<ResourceAccess> entries = (resource.getResourceAccess() != null) ? resource.getResourceAccess() : List.of();
			access.addResource(resource.getResourceAppId(), entries.stream()
				.map(entry -> new Access((entry.getId() != null) ? entry.getId().toString() : null, entry.getType()))
				.toList());
		}
		return access;
	}

	void addResource(String resourceAppId, List<Access> access) {
		this.resources.add(new Resource(resourceAppId, new ArrayList<>(access)));
	}

	List<Resource> resources() {
		return List.copyOf(this.resources);
	}

	boolean contains(String resourceAppId, Access access) {
		return this.resources.stream()
			.filter(resource -> resource.isFor(resourceAppId))
			.anyMatch(resource -> resource.access().stream().anyMatch(access::sameAs));
	}

	/** Adds {@code access} to the resource's first entry, or to a new entry at the end. */
	void add(String resourceAppId, Access access) {
		Resource resource = this.resources.stream().filter(r -> r.isFor(resourceAppId)).findFirst().orElseGet(() -> {
			Resource created = new Resource(resourceAppId, new ArrayList<>());
			this.resources.add(created);
			return created;
		});
		resource.access().add(access);
	}

	/** Removes {@code access} from every entry of the resource. */
	void remove(String resourceAppId, Access access) {
		this.resources.stream()
			.filter(resource -> resource.isFor(resourceAppId))
			.forEach(resource -> resource.access().removeIf(access::sameAs));
	}

	/** Drops the resource's entries that hold no permission; whether there were any. */
	boolean removeEmpty(String resourceAppId) {
		return this.resources.removeIf(resource -> resource.isFor(resourceAppId) && resource.access().isEmpty());
	}

	int permissionCount() {
		return this.resources.stream().mapToInt(resource -> resource.access().size()).sum();
	}

	int resourceCount() {
		return (int) this.resources.stream().map(resource -> resource.resourceAppId().toLowerCase()).distinct().count();
	}

	/**
	 * One resource entry.
	 *
	 * @param resourceAppId the resource application's Application ID
	 * @param access its permissions
	 */
	record Resource(String resourceAppId, List<Access> access) {

		boolean isFor(String appId) {
			return this.resourceAppId != null && this.resourceAppId.equalsIgnoreCase(appId);
		}

	}

	/**
	 * One permission of a resource entry.
	 *
	 * @param id the permission id
	 * @param type {@code Scope} or {@code Role}
	 */
	record Access(String id, String type) {

		static Access of(ApiPermission permission) {
			return new Access(permission.permissionId(), permission.type().graphType());
		}

		boolean sameAs(Access other) {
			return this.id != null && this.id.equalsIgnoreCase(other.id) && this.type != null
					&& this.type.equalsIgnoreCase(other.type);
		}

	}

}
