package io.dicomreg.sandbox.arm;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.directory.AzureResources;
import io.dicomreg.sandbox.directory.Json;
import io.dicomreg.sandbox.directory.RoleAssignment;
import io.dicomreg.sandbox.http.SandboxResponse;

/**
 * Role assignments (Microsoft.Authorization 2022-04-01) at a subscription, resource group, workspace or DICOM
 * service: create with PUT, read, list with ARM's filters, delete. Each step fails as ARM does, in ARM's order: the
 * name, the subscription, the caller's right at the scope, the scope's resource, the request content, the role, the
 * principal, then the assignments that exist.
 */
final class RoleAssignmentsEndpoint {

	static final String READ = "Microsoft.Authorization/roleAssignments/read";

	static final String WRITE = "Microsoft.Authorization/roleAssignments/write";

	static final String DELETE = "Microsoft.Authorization/roleAssignments/delete";

	private static final Pattern GUID = Pattern
		.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

	SandboxResponse list(ArmCall call, Scope scope) {
		RoleAssignmentFilter filter = RoleAssignmentFilter.parse(call.query("$filter"));
		List<ObjectNode> assignments = call.context().store().read((tenant) -> {
			String scopeId = authorizedScope(call, tenant.azure(), scope, READ, scope.id());
			return tenant.azure().roleAssignments().stream()
				.filter((assignment) -> filter.matches(assignment, scopeId))
				.map(RoleAssignmentsEndpoint::json)
				.toList();
		});
		return ArmResponses.json(200, Pages.page(call, assignments));
	}

	SandboxResponse get(ArmCall call, Scope scope, String name) {
		requireGuidName(name);
		return ArmResponses.json(200, call.context().store().read((tenant) -> {
			String scopeId = authorizedScope(call, tenant.azure(), scope, READ, assignmentId(scope, name));
			return tenant.azure().roleAssignment(name)
				.filter((assignment) -> assignment.scope().equalsIgnoreCase(scopeId))
				.map(RoleAssignmentsEndpoint::json)
				.orElseThrow(() -> new ArmError(404, "RoleAssignmentNotFound",
						"The role assignment '" + name + "' is not found."));
		}));
	}

	SandboxResponse delete(ArmCall call, Scope scope, String name) {
		requireGuidName(name);
		ObjectNode deleted = call.context().store().write((tenant) -> {
			AzureResources azure = tenant.azure();
			AzureLookup.subscription(azure, scope.subscriptionId());
			RoleBasedAccess.require(azure, call.caller(), DELETE, assignmentId(scope, name));
			return azure.roleAssignment(name)
				.filter((assignment) -> assignment.scope().equalsIgnoreCase(scope.id()))
				.map((assignment) -> {
					azure.removeRoleAssignment(assignment.name());
					return json(assignment);
				})
				.orElse(null);
		});
		return (deleted != null) ? ArmResponses.json(200, deleted) : SandboxResponse.noContent();
	}

	SandboxResponse put(ArmCall call, Scope scope, String name) {
		requireGuidName(name);
		Outcome outcome = call.context().store().write((tenant) -> {
			String scopeId = authorizedScope(call, tenant.azure(), scope, WRITE, assignmentId(scope, name));
			RoleAssignmentRequest wanted = RoleAssignmentRequest.read(call.body());
			String principalType = Principals.checkedType(tenant, wanted.principalId(), wanted.principalType());
			Instant now = call.context().clock().instant();
			AzureResources azure = tenant.azure();
			RoleAssignment existing = azure.roleAssignment(name).orElse(null);
			if (existing != null) {
				return update(azure, existing, scopeId, wanted, call.caller(), now);
			}
			azure.roleAssignments().stream()
				.filter((other) -> other.scope().equalsIgnoreCase(scopeId)
						&& other.principalId().equalsIgnoreCase(wanted.principalId())
						&& other.roleDefinitionId().equalsIgnoreCase(wanted.roleDefinitionId()))
				.findFirst()
				.ifPresent((other) -> {
					throw new ArmError(409, "RoleAssignmentExists", "The role assignment already exists. The ID of "
							+ "the existing role assignment is " + hex(other.name()) + ".");
				});
			RoleAssignment created = new RoleAssignment(name.toLowerCase(Locale.ROOT), scopeId,
					wanted.roleDefinitionId(), wanted.principalId(), principalType, wanted.description(),
					wanted.condition(), wanted.conditionVersion(), now, now, call.caller().objectId(),
					call.caller().objectId());
			azure.putRoleAssignment(created);
			return new Outcome(201, json(created));
		});
		return ArmResponses.json(outcome.status(), outcome.body());
	}

	/**
	 * A PUT of an existing name: the same scope, principal and role may change their description or condition (200);
	 * anything else is refused.
	 */
	private static Outcome update(AzureResources azure, RoleAssignment existing, String scopeId,
			RoleAssignmentRequest wanted, ArmCaller caller, Instant now) {
		if (!existing.scope().equalsIgnoreCase(scopeId) || !existing.principalId().equalsIgnoreCase(wanted.principalId())
				|| !existing.roleDefinitionId().equalsIgnoreCase(wanted.roleDefinitionId())) {
			throw ArmError.badRequest("RoleAssignmentUpdateNotPermitted",
					"Tenant ID, application ID, principal ID, and scope are not allowed to be updated.");
		}
		if (same(existing.description(), wanted.description()) && same(existing.condition(), wanted.condition())
				&& same(existing.conditionVersion(), wanted.conditionVersion())) {
			return new Outcome(200, json(existing));
		}
		RoleAssignment updated = new RoleAssignment(existing.name(), existing.scope(), existing.roleDefinitionId(),
				existing.principalId(), existing.principalType(), wanted.description(), wanted.condition(),
				wanted.conditionVersion(), existing.createdOn(), now, existing.createdBy(), caller.objectId());
		azure.putRoleAssignment(updated);
		return new Outcome(200, json(updated));
	}

	/**
	 * Checks the subscription, the caller's right, then the scope's resource, in ARM's order.
	 * @return the scope's id with the names as created
	 */
	private static String authorizedScope(ArmCall call, AzureResources azure, Scope scope, String action,
			String authorizationScope) {
		AzureLookup.subscription(azure, scope.subscriptionId());
		RoleBasedAccess.require(azure, call.caller(), action, authorizationScope);
		return AzureLookup.existing(azure, scope);
	}

	private static String assignmentId(Scope scope, String name) {
		return scope.id() + "/providers/" + RoleAssignment.TYPE + "/" + name;
	}

	private static void requireGuidName(String name) {
		if (!GUID.matcher(name).matches()) {
			throw ArmError.badRequest("InvalidRoleAssignmentId", "The role assignment ID '" + name
					+ "' is not valid. The role assignment ID must be a GUID.");
		}
	}

	/**
	 * The role assignment as ARM answers it; its role definition id carries the subscription, as ARM writes it.
	 * @param assignment the assignment
	 * @return the JSON
	 */
	static ObjectNode json(RoleAssignment assignment) {
		ObjectNode properties = Json.object();
		properties.put("roleDefinitionId", subscriptionOf(assignment.scope()) + "/providers/" + RoleDefinition.TYPE
				+ "/" + assignment.roleDefinitionId());
		properties.put("principalId", assignment.principalId());
		properties.put("principalType", assignment.principalType());
		properties.put("scope", assignment.scope());
		properties.put("condition", assignment.condition());
		properties.put("conditionVersion", assignment.conditionVersion());
		properties.put("createdOn", assignment.createdOn().toString());
		properties.put("updatedOn", assignment.updatedOn().toString());
		properties.put("createdBy", assignment.createdBy());
		properties.put("updatedBy", assignment.updatedBy());
		properties.putNull("delegatedManagedIdentityResourceId");
		properties.put("description", assignment.description());
		ObjectNode node = Json.object();
		node.set("properties", properties);
		node.put("id", assignment.id());
		node.put("type", RoleAssignment.TYPE);
		node.put("name", assignment.name());
		return node;
	}

	/** An id as ARM prints it in messages: 32 hexadecimal digits, no hyphens. */
	static String hex(String guid) {
		return guid.replace("-", "").toLowerCase(Locale.ROOT);
	}

	private static String subscriptionOf(String scope) {
		String[] segments = scope.split("/");
		return (segments.length >= 3) ? "/" + segments[1] + "/" + segments[2] : "";
	}

	private static boolean same(String a, String b) {
		return (a == null) ? b == null : a.equals(b);
	}

	private record Outcome(int status, ObjectNode body) {

	}

}
