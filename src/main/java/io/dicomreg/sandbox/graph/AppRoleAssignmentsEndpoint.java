package io.dicomreg.sandbox.graph;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.directory.GraphSchema;
import io.dicomreg.sandbox.directory.Json;
import io.dicomreg.sandbox.directory.Tenant;
import io.dicomreg.sandbox.http.SandboxResponse;

/**
 * App role assignments of service principals (admin consent to application permissions), from both sides:
 * {@code /v1.0/servicePrincipals/{resource}/appRoleAssignedTo} (who holds the resource's roles) and
 * {@code /v1.0/servicePrincipals/{client}/appRoleAssignments} (which roles the client holds). List, create, read one,
 * delete. Only service principals are assigned here: users and groups are not emulated. Writes need an administrator
 * when a user calls (see {@link Permissions#requireConsentRight}).
 */
final class AppRoleAssignmentsEndpoint {

	static final FilterParser.FilterableProperties FILTERABLE = new FilterParser.FilterableProperties(
			"AppRoleAssignment", GraphSchema.get().properties("appRoleAssignment").keySet(),
			Map.of("principalId", Set.of("eq"), "resourceId", Set.of("eq"), "appRoleId", Set.of("eq")));

	private static final String RESOURCE = "AppRoleAssignment";

	private static final SecureRandom RANDOM = new SecureRandom();

	/** Graph writes createdDateTime with seven decimals, as in its docs' example (2021-02-15T16:14:59.8643039Z). */
	private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	/**
	 * Which navigation property of the service principal a request goes through.
	 */
	enum Side {

		/** The service principal is the resource: its roles, held by others. */
		ASSIGNED_TO("appRoleAssignedTo", "resourceId"),

		/** The service principal is the principal: the roles it holds. */
		ASSIGNMENTS("appRoleAssignments", "principalId");

		private final String segment;

		private final String ownProperty;

		Side(String segment, String ownProperty) {
			this.segment = segment;
			this.ownProperty = ownProperty;
		}

		String segment() {
			return this.segment;
		}

		boolean owns(JsonNode assignment, String servicePrincipalId) {
			return servicePrincipalId.equalsIgnoreCase(Json.text(assignment, this.ownProperty));
		}

	}

	SandboxResponse list(GraphCall call, ServicePrincipalsEndpoint.ServicePrincipalKey key, Side side) {
		ODataQuery query = ODataQuery.of(call.request().query(), "appRoleAssignment");
		String[] servicePrincipalId = new String[1];
		List<ObjectNode> assignments = call.context().store().read((tenant) -> {
			servicePrincipalId[0] = Json.text(key.require(tenant), "id");
			return tenant.appRoleAssignments().stream()
				.filter((assignment) -> side.owns(assignment, servicePrincipalId[0]))
				.map((assignment) -> (ObjectNode) assignment.deepCopy())
				.toList();
		});
		String path = "/servicePrincipals/" + servicePrincipalId[0] + "/" + side.segment();
		return GraphResponses.json(200, query.page(assignments, FILTERABLE, call.url(path),
				call.metadata("servicePrincipals('" + servicePrincipalId[0] + "')/" + side.segment())));
	}

	SandboxResponse create(GraphCall call, ServicePrincipalsEndpoint.ServicePrincipalKey key, Side side) {
		Permissions.require(call.caller(), Permissions.READ_APPLICATIONS);
		Permissions.requireConsentRight(call);
		ObjectNode body = call.body();
		SchemaValidator.validateObject(body, "appRoleAssignment");
		ObjectNode created = call.context().store().write((tenant) -> {
			ObjectNode servicePrincipal = key.require(tenant);
			ObjectNode assignment = validated(tenant, body, side, Json.text(servicePrincipal, "id"));
			assignment.put("createdDateTime", CREATED.format(call.context().clock().instant()));
			tenant.putAppRoleAssignment(assignment);
			return assignment.deepCopy();
		});
		String servicePrincipalId = Json.text(created, side == Side.ASSIGNED_TO ? "resourceId" : "principalId");
		ObjectNode response = Json.object();
		response.put("@odata.context",
				call.metadata("servicePrincipals('" + servicePrincipalId + "')/" + side.segment() + "/$entity"));
		response.setAll(created);
		return GraphResponses.json(201, response).withHeader("Location", call.url("/servicePrincipals/"
				+ servicePrincipalId + "/" + side.segment() + "/" + Json.text(created, "id")));
	}

	SandboxResponse get(GraphCall call, ServicePrincipalsEndpoint.ServicePrincipalKey key, Side side,
			String assignmentId) {
		ObjectNode assignment = call.context().store()
			.read((tenant) -> require(tenant, key, side, assignmentId).deepCopy());
		String servicePrincipalId = Json.text(assignment, side == Side.ASSIGNED_TO ? "resourceId" : "principalId");
		ObjectNode response = Json.object();
		response.put("@odata.context",
				call.metadata("servicePrincipals('" + servicePrincipalId + "')/" + side.segment() + "/$entity"));
		response.setAll(assignment);
		return GraphResponses.json(200, response);
	}

	SandboxResponse delete(GraphCall call, ServicePrincipalsEndpoint.ServicePrincipalKey key, Side side,
			String assignmentId) {
		Permissions.require(call.caller(), Permissions.READ_APPLICATIONS);
		Permissions.requireConsentRight(call);
		call.context().store().write((tenant) -> {
			require(tenant, key, side, assignmentId);
			tenant.removeAppRoleAssignment(assignmentId);
			return null;
		});
		return SandboxResponse.noContent();
	}

	/**
	 * Removes the app role assignments a service principal takes part in, as principal or as resource.
	 * @param tenant the tenant
	 * @param servicePrincipalId the service principal's object id
	 */
	static void removeAll(Tenant tenant, String servicePrincipalId) {
		List<String> ids = tenant.appRoleAssignments().stream()
			.filter((assignment) -> Side.ASSIGNED_TO.owns(assignment, servicePrincipalId)
					|| Side.ASSIGNMENTS.owns(assignment, servicePrincipalId))
			.map((assignment) -> Json.text(assignment, "id"))
			.toList();
		ids.forEach(tenant::removeAppRoleAssignment);
	}

	private static ObjectNode require(Tenant tenant, ServicePrincipalsEndpoint.ServicePrincipalKey key, Side side,
			String assignmentId) {
		String servicePrincipalId = Json.text(key.require(tenant), "id");
		return tenant.appRoleAssignment(assignmentId)
			.filter((assignment) -> side.owns(assignment, servicePrincipalId))
			.orElseThrow(() -> GraphError.notFound(assignmentId));
	}

	/**
	 * Checks a new assignment: a service principal as principal, an existing resource (the one in the path for
	 * appRoleAssignedTo; the principal in the path for appRoleAssignments), an enabled app role of that resource that
	 * applications may hold, and no equal assignment yet.
	 */
	private static ObjectNode validated(Tenant tenant, ObjectNode body, Side side, String pathId) {
		String principalId = required(body, "principalId");
		String resourceId = required(body, "resourceId");
		String appRoleId = required(body, "appRoleId");
		if (side == Side.ASSIGNED_TO && !resourceId.equalsIgnoreCase(pathId)) {
			throw GraphError.invalidValue("resourceId", RESOURCE);
		}
		if (side == Side.ASSIGNMENTS && !principalId.equalsIgnoreCase(pathId)) {
			throw GraphError.invalidValue("principalId", RESOURCE);
		}
		ObjectNode principal = tenant.servicePrincipal(principalId)
			.orElseThrow(() -> GraphError.notFound(principalId));
		ObjectNode resource = tenant.servicePrincipal(resourceId).orElseThrow(() -> GraphError.notFound(resourceId));
		if (!assignableToApplications(resource, appRoleId)) {
			throw GraphError.badRequest("Permission being assigned was not found on application.");
		}
		boolean exists = tenant.appRoleAssignments().stream()
			.anyMatch((assignment) -> principalId.equalsIgnoreCase(Json.text(assignment, "principalId"))
					&& resourceId.equalsIgnoreCase(Json.text(assignment, "resourceId"))
					&& appRoleId.equalsIgnoreCase(Json.text(assignment, "appRoleId")));
		if (exists) {
			throw GraphError.badRequest("Permission being assigned already exists on the object");
		}
		ObjectNode assignment = Json.object();
		assignment.put("id", assignmentId(Json.text(principal, "id")));
		assignment.putNull("deletedDateTime");
		assignment.put("appRoleId", appRoleId.toLowerCase());
		assignment.putNull("createdDateTime");
		assignment.put("principalDisplayName", Json.text(principal, "displayName"));
		assignment.put("principalId", Json.text(principal, "id"));
		assignment.put("principalType", "ServicePrincipal");
		assignment.put("resourceDisplayName", Json.text(resource, "displayName"));
		assignment.put("resourceId", Json.text(resource, "id"));
		return assignment;
	}

	private static boolean assignableToApplications(ObjectNode resource, String appRoleId) {
		for (JsonNode role : resource.path("appRoles")) {
			if (appRoleId.equalsIgnoreCase(Json.text(role, "id"))) {
				boolean enabled = !role.has("isEnabled") || role.path("isEnabled").asBoolean();
				boolean forApplications = false;
				for (JsonNode memberType : role.path("allowedMemberTypes")) {
					forApplications |= "Application".equals(memberType.asText());
				}
				return enabled && forApplications;
			}
		}
		return false;
	}

	private static String required(ObjectNode body, String property) {
		String value = Json.text(body, property);
		if (value == null) {
			throw GraphError.invalidValue(property, RESOURCE);
		}
		return value;
	}

	/**
	 * An assignment id shaped like Graph's: 43 base64url characters, the principal's object id bytes then 16 random
	 * bytes (Graph's own layout is not documented).
	 */
	private static String assignmentId(String principalId) {
		UUID principal = UUID.fromString(principalId);
		byte[] unique = new byte[16];
		RANDOM.nextBytes(unique);
		ByteBuffer bytes = ByteBuffer.allocate(32)
			.putLong(principal.getMostSignificantBits())
			.putLong(principal.getLeastSignificantBits())
			.put(unique);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
	}

}
