package io.dicomreg.azure;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.config.DryRun;
import io.dicomreg.config.CommandScope;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.Echo;
import io.dicomreg.error.Subject;

/**
 * Tutorial step 6: Azure role assignments of the DICOM data roles on a DICOM service, through Azure Resource
 * Manager (Microsoft.Authorization, api-version 2022-04-01). Looks before it writes: a role the principal holds on the
 * service already, assigned there or inherited from above, is "unchanged", and so is ARM's 409
 * RoleAssignmentExists; the principal type is always sent, so that a principal created moments ago is not refused
 * with PrincipalNotFound. Removing touches only assignments of the named role to the named principal at the
 * service's own scope.
 */
public class RoleService {

	static final String AUTHORIZATION_API = "2022-04-01";

	private static final String WHO_MAY = " Assigning roles needs Owner, User Access Administrator or Role Based Access "
			+ "Control Administrator on the DICOM service or above it (its workspace, resource group or subscription); "
			+ "if it was granted moments ago, sign in again ('login') so that the token carries it.";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final ArmClient arm;

	private final DicomServiceDirectory services;

	private final AssigneeResolver assignees;

	private final Map<String, String> roleNames = new ConcurrentHashMap<>();

	/** The assignments listed during a script, by scope and filter; every assignment or removal forgets them. */
	private final CommandScope.Memo<String, List<RoleAssignment>> listed;

	public RoleService(ArmClient arm, DicomServiceDirectory services, AssigneeResolver assignees) {
		this(arm, services, assignees, new CommandScope());
	}

	/** A service that lists a scope's assignments once across the lines of a script, unless it changes them. */
	public RoleService(ArmClient arm, DicomServiceDirectory services, AssigneeResolver assignees, CommandScope scope) {
		this.listed = scope.scriptMemo();
		this.arm = arm;
		this.services = services;
		this.assignees = assignees;
	}

	/**
	 * Assigns a DICOM role on a DICOM service to a principal (by default the selected app's service principal).
	 * Running it again changes nothing.
	 * @throws DicomregException for a service or assignee not found, or ARM's refusal (403 says who may assign)
	 */
	public RoleChange assign(String roleName, String dicom, String assignee, DryRun plan) {
		DicomRole role = role(roleName);
		DicomService service = this.services.resolve(dicom);
		Assignee principal = this.assignees.resolve(assignee, plan);
		List<RoleAssignment> held = (principal.objectId() != null) ? held(service, role, principal) : List.of();
		if (!held.isEmpty()) {
			RoleAssignment first = held.get(0);
			return new RoleChange(service, role, principal, held, false, "No change: " + principal.describe() + " has "
					+ role.displayName() + " on " + service.qualifiedName() + " already"
					+ (first.inherited() ? " (inherited from " + first.scope() + ")." : "."));
		}
		if (plan.skip("assign " + role.displayName() + " on the DICOM service " + service.qualifiedName() + " to "
				+ principal.describe())) {
			return new RoleChange(service, role, principal, List.of(), true, "Dry run: no role was assigned.");
		}
		String name = assignmentName(service.id(), principal.objectId(), role);
		ObjectNode body = JSON.createObjectNode();
		ObjectNode properties = body.putObject("properties");
		properties.put("roleDefinitionId", "/subscriptions/" + service.subscriptionId()
				+ "/providers/Microsoft.Authorization/roleDefinitions/" + role.id());
		properties.put("principalId", principal.objectId());
		properties.put("principalType", principal.principalType());
		try {
			this.listed.evict(key -> true);
			JsonNode created = this.arm.put(service.id() + "/providers/Microsoft.Authorization/roleAssignments/" + name
					+ "?api-version=" + AUTHORIZATION_API, body);
			RoleAssignment assignment = toAssignment(created, service);
			return new RoleChange(service, role, principal, List.of(assignment), true, "Assigned " + role.displayName()
					+ " on " + service.qualifiedName() + " to " + principal.describe() + ". Azure may take up to 10 "
					+ "minutes to apply it, and the DICOM service caches access for up to 5 more.");
		}
		catch (ArmException ex) {
			if (ex.status() == 409 && "RoleAssignmentExists".equalsIgnoreCase(ex.code())) {
				return new RoleChange(service, role, principal, held(service, role, principal), false, "No change: "
						+ principal.describe() + " has " + role.displayName() + " on " + service.qualifiedName()
						+ " already (Azure: RoleAssignmentExists).");
			}
			throw refusal(ex, "Assigning " + role.displayName());
		}
	}

	/**
	 * Removes the assignments of a DICOM role to a principal at the DICOM service's own scope; others stay. Running
	 * it again changes nothing.
	 */
	public RoleChange remove(String roleName, String dicom, String assignee, DryRun plan) {
		DicomRole role = role(roleName);
		DicomService service = this.services.resolve(dicom);
		Assignee principal = this.assignees.resolve(assignee, plan);
		List<RoleAssignment> held = (principal.objectId() != null) ? held(service, role, principal) : List.of();
		List<RoleAssignment> here = held.stream().filter(assignment -> !assignment.inherited()).toList();
		List<RoleAssignment> above = held.stream().filter(RoleAssignment::inherited).toList();
		String inheritedNote = above.isEmpty() ? "" : " It still has it from " + String.join(", ", above.stream()
			.map(RoleAssignment::scope).toList()) + ", which is not removed here: remove it there.";
		if (here.isEmpty()) {
			return new RoleChange(service, role, principal, held, false, "No change: " + principal.describe()
					+ " has no " + role.displayName() + " assigned on " + service.qualifiedName() + "." + inheritedNote);
		}
		if (plan.skip("remove " + role.displayName() + " on the DICOM service " + service.qualifiedName() + " from "
				+ principal.describe())) {
			return new RoleChange(service, role, principal, held, true, "Dry run: no role was removed.");
		}
		try {
			for (RoleAssignment assignment : here) {
				this.listed.evict(key -> true);
				this.arm.delete(assignment.id() + "?api-version=" + AUTHORIZATION_API);
			}
		}
		catch (ArmException ex) {
			throw refusal(ex, "Removing " + role.displayName());
		}
		return new RoleChange(service, role, principal, above, true, "Removed " + role.displayName() + " on "
				+ service.qualifiedName() + " from " + principal.describe() + "." + inheritedNote);
	}

	/**
	 * Every role assignment that reaches the DICOM service (at its scope or above it), DICOM roles and others, for
	 * one principal when {@code assignee} is given.
	 */
	public List<RoleAssignment> list(String dicom, String assignee, DryRun plan) {
		DicomService service = this.services.resolve(dicom);
		if (assignee == null) {
			return assignments(service, "atScope()");
		}
		Assignee principal = this.assignees.resolve(assignee, plan);
		return (principal.objectId() != null) ? listFor(service, principal.objectId()) : List.of();
	}

	/**
	 * The role assignments that reach the DICOM service for one principal, by its object ID (no lookup of who it is).
	 */
	public List<RoleAssignment> listFor(DicomService service, String principalId) {
		return assignments(service, "principalId eq '" + principalId + "'");
	}

	/** The assignments ARM lists at the service's scope under {@code filter} that reach the service. */
	private List<RoleAssignment> assignments(DicomService service, String filter) {
		List<RoleAssignment> known = this.listed.get(service.id() + " " + filter);
		if (known != null) {
			return known;
		}
		try {
			List<RoleAssignment> assignments = new ArrayList<>();
			for (JsonNode item : this.arm.list(service.id() + "/providers/Microsoft.Authorization/roleAssignments"
					+ "?api-version=" + AUTHORIZATION_API + "&$filter=" + ArmClient.encode(filter))) {
				RoleAssignment assignment = toAssignment(item, service);
				if (service.isAtOrBelow(assignment.scope())) {
					assignments.add(assignment);
				}
			}
			List<RoleAssignment> listed = List.copyOf(assignments);
			this.listed.put(service.id() + " " + filter, listed);
			return listed;
		}
		catch (ArmException ex) {
			throw refusal(ex, "Listing the role assignments");
		}
	}

	/** The DICOM service {@code dicom} names, as {@link DicomServiceDirectory#resolve} finds it. */
	public DicomService service(String dicom) {
		return this.services.resolve(dicom);
	}

	private List<RoleAssignment> held(DicomService service, DicomRole role, Assignee principal) {
		List<RoleAssignment> held = new ArrayList<>(listFor(service, principal.objectId()).stream()
			.filter(assignment -> assignment.roleDefinitionId().equalsIgnoreCase(role.id())
					&& assignment.principalId().equalsIgnoreCase(principal.objectId()))
			.toList());
		held.sort((first, second) -> Boolean.compare(first.inherited(), second.inherited()));
		return held;
	}

	private RoleAssignment toAssignment(JsonNode item, DicomService service) {
		JsonNode properties = item.path("properties");
		String definition = properties.path("roleDefinitionId").asText();
		String definitionId = definition.substring(definition.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
		String scope = properties.path("scope").asText(service.id());
		return new RoleAssignment(item.path("id").asText(), roleName(definitionId), definitionId,
				properties.path("principalId").asText(), properties.path("principalType").asText(null), scope,
				!scope.equalsIgnoreCase(service.id()));
	}

	/** A role's name: the DICOM roles by their published ids, others read once from ARM. */
	private String roleName(String definitionId) {
		Optional<DicomRole> dicom = DicomRole.ofDefinition(definitionId);
		if (dicom.isPresent()) {
			return dicom.get().displayName();
		}
		return this.roleNames.computeIfAbsent(definitionId, id -> {
			try {
				return this.arm.find("/providers/Microsoft.Authorization/roleDefinitions/" + id + "?api-version="
						+ AUTHORIZATION_API).map(definition -> definition.path("properties").path("roleName").asText(id))
					.orElse(id);
			}
			catch (ArmException ex) {
				return id;
			}
		});
	}

	private static DicomRole role(String roleName) {
		if (roleName == null || roleName.isBlank()) {
			throw DicomregException.invalid(Subject.DICOM_ROLE, " is required: owner (DICOM Data Owner) or reader (DICOM "
					+ "Data Reader).");
		}
		return DicomRole.named(roleName).orElseThrow(() -> DicomregException.invalidNaming(Subject.DICOM_ROLE,
				Echo.quoted(roleName) + " given for {} is no DICOM role: use owner (DICOM Data Owner) or reader (DICOM "
						+ "Data Reader)."));
	}

	/**
	 * The assignment's name: a GUID made from the scope, the principal and the role, so that a rerun after an
	 * interruption names the same assignment (ARM answers 200 for it) instead of adding another.
	 */
	static String assignmentName(String scope, String principalId, DicomRole role) {
		String key = (scope + "|" + principalId + "|" + role.id()).toLowerCase(Locale.ROOT);
		return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
	}

	private static DicomregException refusal(ArmException ex, String doing) {
		DicomregException translated = ArmClient.translate(ex, doing);
		if (ex.status() == 403 || "AuthorizationFailed".equalsIgnoreCase(ex.code())) {
			return DicomregException.service(translated.getMessage() + WHO_MAY, ex.requestId(), ex);
		}
		if ("PrincipalNotFound".equalsIgnoreCase(ex.code())) {
			return DicomregException.service(translated.getMessage() + " The principal may not have replicated yet: run "
					+ "the command again in a minute.", ex.requestId(), ex);
		}
		return translated;
	}

}
