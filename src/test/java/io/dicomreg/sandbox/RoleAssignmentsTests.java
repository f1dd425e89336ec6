package io.dicomreg.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static io.dicomreg.sandbox.ArmFixture.AUTHORIZATION_API;
import static io.dicomreg.sandbox.ArmFixture.assertArmError;
import static io.dicomreg.sandbox.ArmFixture.assignmentPath;
import static io.dicomreg.sandbox.ArmFixture.newName;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Role assignments and role definitions through ARM: creating DICOM roles for an application, every refusal ARM
 * answers, who may assign, listing with inheritance and filters, reading and deleting.
 */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleAssignmentsTests {

	private static final String WRITE_DENIED = "The client '%s' with object id '%s' does not have authorization to "
			+ "perform action 'Microsoft.Authorization/roleAssignments/%s' over scope '%s' or the scope is invalid. If "
			+ "access was recently granted, please refresh your credentials.";

	private Sandbox server;

	private ArmFixture arm;

	private SandboxHttp http;

	@BeforeAll
	void setUp(Sandbox server) {
		this.server = server;
		this.arm = new ArmFixture(server);
		this.http = this.arm.http();
	}

	@Test
	void dicomDataOwnerIsAssignedToAServicePrincipalAtTheDicomService() {
		ArmFixture.Daemon daemon = this.arm.createDaemon("dicom client");
		String name = newName();
		SandboxHttp.Response response = this.arm.assign(this.arm.dicomScope(), name,
				SandboxDirectory.DICOM_DATA_OWNER_ROLE_ID, daemon.servicePrincipalId(), "ServicePrincipal");
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		JsonNode assignment = response.json();
		assertThat(assignment.path("id").asText())
			.isEqualTo(this.arm.dicomScope() + "/providers/Microsoft.Authorization/roleAssignments/" + name);
		assertThat(assignment.path("name").asText()).isEqualTo(name);
		assertThat(assignment.path("type").asText()).isEqualTo("Microsoft.Authorization/roleAssignments");
		JsonNode properties = assignment.path("properties");
		assertThat(properties.path("roleDefinitionId").asText()).isEqualTo(this.arm.subscriptionScope()
				+ "/providers/Microsoft.Authorization/roleDefinitions/" + SandboxDirectory.DICOM_DATA_OWNER_ROLE_ID);
		assertThat(properties.path("principalId").asText()).isEqualTo(daemon.servicePrincipalId());
		assertThat(properties.path("principalType").asText()).isEqualTo("ServicePrincipal");
		assertThat(properties.path("scope").asText()).isEqualTo(this.arm.dicomScope());
		assertThat(properties.path("createdBy").asText()).isEqualTo(this.arm.adminObjectId());
		assertThat(properties.path("createdOn").asText()).isNotBlank();
		assertThat(this.http.get(assignmentPath(this.arm.dicomScope(), name), this.arm.adminToken()).json())
			.isEqualTo(assignment);
		assertThat(this.arm.azure().roleAssignments()).anyMatch((a) -> a.name().equals(name));
	}

	@Test
	void theSameAssignmentPutAgainUnderItsNameIsAnsweredWithoutChange() {
		ArmFixture.Daemon daemon = this.arm.createDaemon("put twice");
		String name = newName();
		JsonNode first = this.arm.assign(this.arm.dicomScope(), name, SandboxDirectory.DICOM_DATA_READER_ROLE_ID,
				daemon.servicePrincipalId(), "ServicePrincipal").json();
		SandboxHttp.Response again = this.arm.assign(this.arm.dicomScope(), name,
				SandboxDirectory.DICOM_DATA_READER_ROLE_ID, daemon.servicePrincipalId(), "ServicePrincipal");
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json()).isEqualTo(first);
	}

	@Test
	void theSameRoleForTheSamePrincipalAtTheSameScopeUnderAnotherNameIsAConflict() {
		ArmFixture.Daemon daemon = this.arm.createDaemon("assigned twice");
		String first = newName();
		this.arm.assign(this.arm.dicomScope(), first, SandboxDirectory.DICOM_DATA_OWNER_ROLE_ID,
				daemon.servicePrincipalId(), "ServicePrincipal");
		assertArmError(this.arm.assign(this.arm.dicomScope(), newName(), SandboxDirectory.DICOM_DATA_OWNER_ROLE_ID,
				daemon.servicePrincipalId(), "ServicePrincipal"), 409, "RoleAssignmentExists",
				"The role assignment already exists. The ID of the existing role assignment is "
						+ first.replace("-", "") + ".");
		assertThat(this.arm.assign(this.arm.workspaceScope(), newName(), SandboxDirectory.DICOM_DATA_OWNER_ROLE_ID,
				daemon.servicePrincipalId(), "ServicePrincipal").status()).isEqualTo(201);
	}

	@Test
	void anExistingNameWithOtherContentIsNotUpdated() {
		ArmFixture.Daemon daemon = this.arm.createDaemon("renamed");
		String name = newName();
		this.arm.assign(this.arm.dicomScope(), name, SandboxDirectory.DICOM_DATA_READER_ROLE_ID,
				daemon.servicePrincipalId(), "ServicePrincipal");
		String message = "Tenant ID, application ID, principal ID, and scope are not allowed to be updated.";
		assertArmError(this.arm.assign(this.arm.dicomScope(), name, SandboxDirectory.DICOM_DATA_OWNER_ROLE_ID,
				daemon.servicePrincipalId(), "ServicePrincipal"), 400, "RoleAssignmentUpdateNotPermitted", message);
		assertArmError(this.arm.assign(this.arm.workspaceScope(), name, SandboxDirectory.DICOM_DATA_READER_ROLE_ID,
				daemon.servicePrincipalId(), "ServicePrincipal"), 400, "RoleAssignmentUpdateNotPermitted", message);
	}

	@Test
	void descriptionOfAnExistingAssignmentMayChange() {
		ArmFixture.Daemon daemon = this.arm.createDaemon("described");
		String name = newName();
		this.arm.assign(this.arm.dicomScope(), name, SandboxDirectory.DICOM_DATA_READER_ROLE_ID,
				daemon.servicePrincipalId(), "ServicePrincipal");
		SandboxHttp.Response response = this.http.put(assignmentPath(this.arm.dicomScope(), name),
				this.arm.adminToken(), Map.of("properties", Map.of("roleDefinitionId", "/providers/Microsoft."
						+ "Authorization/roleDefinitions/" + SandboxDirectory.DICOM_DATA_READER_ROLE_ID, "principalId",
						daemon.servicePrincipalId(), "description", "Postman")));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("properties").path("description").asText()).isEqualTo("Postman");
	}

	@Test
	void principalThatIsNotInTheDirectoryNeedsAPrincipalType() {
		String unknown = "0f9e8d7c-6b5a-4948-3726-150493827160";
		assertArmError(this.arm.assign(this.arm.dicomScope(), newName(), SandboxDirectory.DICOM_DATA_OWNER_ROLE_ID,
				unknown, null), 400, "PrincipalNotFound", "Principal 0f9e8d7c6b5a49483726150493827160 does not exist "
						+ "in the directory " + this.server.tenantId() + ". Check that you have the correct principal "
						+ "ID. If you are creating this principal and then immediately assigning a role, this error "
						+ "might be related to a replication delay. In this case, set the role assignment principalType "
						+ "property to a value, such as ServicePrincipal, User, or Group.  See "
						+ "https://aka.ms/docs-principaltype");
		SandboxHttp.Response typed = this.arm.assign(this.arm.dicomScope(), newName(),
				SandboxDirectory.DICOM_DATA_OWNER_ROLE_ID, unknown, "ServicePrincipal");
		assertThat(typed.status()).isEqualTo(201);
		assertThat(typed.json().path("properties").path("principalType").asText()).isEqualTo("ServicePrincipal");
	}

	@Test
	void servicePrincipalWithoutATypeIsLookedUp() {
		ArmFixture.Daemon daemon = this.arm.createDaemon("looked up");
		SandboxHttp.Response response = this.arm.assign(this.arm.dicomScope(), newName(),
				SandboxDirectory.DICOM_DATA_READER_ROLE_ID, daemon.servicePrincipalId(), null);
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().path("properties").path("principalType").asText()).isEqualTo("ServicePrincipal");
	}

	@Test
	void applicationObjectIdIsNotAPrincipal() {
		ArmFixture.Daemon daemon = this.arm.createDaemon("mixed up ids");
		String message = "Principals of type Application cannot validly be used in role assignments.";
		assertArmError(this.arm.assign(this.arm.dicomScope(), newName(), SandboxDirectory.DICOM_DATA_OWNER_ROLE_ID,
				daemon.applicationObjectId(), null), 400, "PrincipalTypeNotSupported", message);
		assertArmError(this.arm.assign(this.arm.dicomScope(), newName(), SandboxDirectory.DICOM_DATA_OWNER_ROLE_ID,
				daemon.applicationObjectId(), "ServicePrincipal"), 400, "PrincipalTypeNotSupported", message);
	}

	@Test
	void principalTypeMustMatchTheDirectory() {
		ArmFixture.Daemon daemon = this.arm.createDaemon("typed wrong");
		assertArmError(this.arm.assign(this.arm.dicomScope(), newName(), SandboxDirectory.DICOM_DATA_OWNER_ROLE_ID,
				daemon.servicePrincipalId(), "User"), 400, "UnmatchedPrincipalType", "The PrincipalId '"
						+ daemon.servicePrincipalId().replace("-", "") + "' has type 'ServicePrincipal', which is "
						+ "different from specified PrincipalType 'User'.");
		assertArmError(this.arm.assign(this.arm.dicomScope(), newName(), SandboxDirectory.DICOM_DATA_OWNER_ROLE_ID,
				this.arm.adminObjectId(), "Group"), 400, "UnmatchedPrincipalType", "The PrincipalId '"
						+ this.arm.adminObjectId().replace("-", "") + "' has type 'User', which is different from "
						+ "specified PrincipalType 'Group'.");
	}

	@Test
	void malformedNamesPrincipalsAndRolesAreRefused() {
		ArmFixture.Daemon daemon = this.arm.createDaemon("malformed");
		assertArmError(this.arm.assign(this.arm.dicomScope(), "my-assignment", SandboxDirectory.DICOM_DATA_OWNER_ROLE_ID,
				daemon.servicePrincipalId(), "ServicePrincipal"), 400, "InvalidRoleAssignmentId",
				"The role assignment ID 'my-assignment' is not valid. The role assignment ID must be a GUID.");
		assertArmError(this.arm.assign(this.arm.dicomScope(), newName(), SandboxDirectory.DICOM_DATA_OWNER_ROLE_ID,
				daemon.appId().substring(0, 8), "ServicePrincipal"), 400, "InvalidPrincipalId", "The Principal ID '"
						+ daemon.appId().substring(0, 8) + "' is not valid. Principal ID must be a GUID.");
		String unknownRole = "11111111-2222-3333-4444-555555555555";
		assertArmError(this.arm.assign(this.arm.dicomScope(), newName(), unknownRole, daemon.servicePrincipalId(),
				"ServicePrincipal"), 400, "RoleDefinitionDoesNotExist",
				"The specified role definition with ID '11111111222233334444555555555555' does not exist.");
		assertArmError(this.http.put(assignmentPath(this.arm.dicomScope(), newName()), this.arm.adminToken(),
				Map.of("properties", Map.of("roleDefinitionId", "DICOM Data Owner", "principalId",
						daemon.servicePrincipalId()))), 400, "InvalidRoleDefinitionId",
				"The role definition ID 'DICOM Data Owner' is not valid.");
		SandboxHttp.Response truncated = this.http.put(assignmentPath(this.arm.dicomScope(), newName()),
				this.arm.adminToken(), "{\"properties\":");
		assertThat(truncated.status()).isEqualTo(400);
		assertThat(truncated.errorCode()).isEqualTo("InvalidRequestContent");
		assertThat(truncated.errorMessage()).startsWith("The request content was invalid and could not be deserialized: ");
	}

	@Test
	void roleDefinitionIdWithoutTheSubscriptionPrefixIsTheSameRole() {
		ArmFixture.Daemon daemon = this.arm.createDaemon("short role id");
		SandboxHttp.Response response = this.http.put(assignmentPath(this.arm.dicomScope(), newName()),
				this.arm.adminToken(), Map.of("properties", Map.of("roleDefinitionId", "/providers/Microsoft."
						+ "Authorization/roleDefinitions/" + SandboxDirectory.DICOM_DATA_OWNER_ROLE_ID.toUpperCase(Locale.ROOT),
						"principalId", daemon.servicePrincipalId(), "principalType", "ServicePrincipal")));
		assertThat(response.status()).isEqualTo(201);
		assertArmError(this.arm.assign(this.arm.dicomScope(), newName(), SandboxDirectory.DICOM_DATA_OWNER_ROLE_ID,
				daemon.servicePrincipalId(), "ServicePrincipal"), 409, "RoleAssignmentExists",
				"The role assignment already exists. The ID of the existing role assignment is "
						+ response.json().path("name").asText().replace("-", "") + ".");
	}

	@Test
	void servicePrincipalWithoutARoleMayNotAssignOrDelete() {
		ArmFixture.Daemon daemon = this.arm.createDaemon("not an owner");
		String token = daemon.armToken();
		String name = newName();
		String target = this.arm.dicomScope() + "/providers/Microsoft.Authorization/roleAssignments/" + name;
		assertArmError(this.arm.assign(token, this.arm.dicomScope(), name, SandboxDirectory.DICOM_DATA_OWNER_ROLE_ID,
				daemon.servicePrincipalId(), "ServicePrincipal"), 403, "AuthorizationFailed",
				String.format(WRITE_DENIED, daemon.appId(), daemon.servicePrincipalId(), "write", target));
		assertArmError(this.http.delete(assignmentPath(this.arm.dicomScope(), name), token), 403, "AuthorizationFailed",
				String.format(WRITE_DENIED, daemon.appId(), daemon.servicePrincipalId(), "delete", target));
		assertArmError(this.http.get(this.arm.dicomScope() + "/providers/Microsoft.Authorization/roleAssignments?"
				+ AUTHORIZATION_API, token), 403, "AuthorizationFailed", String.format(WRITE_DENIED, daemon.appId(),
						daemon.servicePrincipalId(), "read", this.arm.dicomScope()));
	}

	@Test
	void userAccessAdministratorsOfAResourceGroupMayAssignBelowItButNotAboveIt() {
		for (String role : List.of(SandboxDirectory.USER_ACCESS_ADMINISTRATOR_ROLE_ID,
				SandboxDirectory.RBAC_ADMINISTRATOR_ROLE_ID, SandboxDirectory.OWNER_ROLE_ID)) {
			ArmFixture.Daemon administrator = this.arm.createDaemon("administrator " + role);
			this.arm.azure().assignRole(administrator.servicePrincipalId(), "ServicePrincipal", role,
					this.arm.resourceGroupScope());
			ArmFixture.Daemon client = this.arm.createDaemon("client of " + role);
			String token = administrator.armToken();
			assertThat(this.arm.assign(token, this.arm.dicomScope(), newName(), SandboxDirectory.DICOM_DATA_OWNER_ROLE_ID,
					client.servicePrincipalId(), "ServicePrincipal").status()).isEqualTo(201);
			assertThat(this.arm.assign(token, this.arm.subscriptionScope(), newName(),
					SandboxDirectory.DICOM_DATA_OWNER_ROLE_ID, client.servicePrincipalId(), "ServicePrincipal").status())
				.isEqualTo(403);
		}
	}

	@Test
	void contributorsAndReadersMayNotAssign() {
		for (String role : List.of(SandboxDirectory.CONTRIBUTOR_ROLE_ID, SandboxDirectory.READER_ROLE_ID,
				SandboxDirectory.DICOM_DATA_OWNER_ROLE_ID)) {
			ArmFixture.Daemon holder = this.arm.createDaemon("holder of " + role);
			this.arm.azure().assignRole(holder.servicePrincipalId(), "ServicePrincipal", role, this.arm.dicomScope());
			assertThat(this.arm.assign(holder.armToken(), this.arm.dicomScope(), newName(),
					SandboxDirectory.DICOM_DATA_READER_ROLE_ID, holder.servicePrincipalId(), "ServicePrincipal").status())
				.isEqualTo(403);
		}
	}

	@Test
	void ownerOfTheSubscriptionIsListedAtTheDicomServiceAsInherited() {
		assertThat(list(this.arm.dicomScope(), "atScope()")).anySatisfy((assignment) -> {
			assertThat(assignment.path("properties").path("scope").asText()).isEqualTo(this.arm.subscriptionScope());
			assertThat(assignment.path("properties").path("principalId").asText()).isEqualTo(this.arm.adminObjectId());
			assertThat(assignment.path("properties").path("roleDefinitionId").asText())
				.endsWith("/" + SandboxDirectory.OWNER_ROLE_ID);
		});
	}

	@Test
	void listsFilterByScopeAndPrincipal() {
		ArmFixture.Daemon daemon = this.arm.createDaemon("listed");
		String atDicom = newName();
		String atWorkspace = newName();
		this.arm.assign(this.arm.dicomScope(), atDicom, SandboxDirectory.DICOM_DATA_OWNER_ROLE_ID,
				daemon.servicePrincipalId(), "ServicePrincipal");
		this.arm.assign(this.arm.workspaceScope(), atWorkspace, SandboxDirectory.READER_ROLE_ID,
				daemon.servicePrincipalId(), "ServicePrincipal");
		assertThat(names(list(this.arm.workspaceScope(), null))).contains(atDicom, atWorkspace);
		assertThat(names(list(this.arm.workspaceScope(), "atScope()"))).contains(atWorkspace).doesNotContain(atDicom);
		assertThat(names(list(this.arm.subscriptionScope(), "principalId eq '" + daemon.servicePrincipalId() + "'")))
			.containsExactlyInAnyOrder(atDicom, atWorkspace);
		assertThat(names(list(this.arm.dicomScope(), "assignedTo('" + daemon.servicePrincipalId() + "')")))
			.containsExactlyInAnyOrder(atDicom, atWorkspace);
		assertThat(names(list(this.arm.workspaceScope(), "atScope() and assignedTo('" + daemon.servicePrincipalId()
				+ "')"))).containsExactly(atWorkspace);
		String unsupported = "principalId eq " + daemon.servicePrincipalId();
		assertArmError(this.http.get(this.arm.dicomScope() + "/providers/Microsoft.Authorization/roleAssignments?"
				+ AUTHORIZATION_API + "&$filter=" + SandboxHttp.encode(unsupported).replace("+", "%20"),
				this.arm.adminToken()), 400, "UnsupportedQuery", "The filter '" + unsupported + "' is not supported. "
						+ "Supported filters are either 'atScope()' or 'principalId eq '{value}' or assignedTo('{value}')'.");
	}

	@Test
	void deleteAnswersTheAssignmentThenNoContent() {
		ArmFixture.Daemon daemon = this.arm.createDaemon("removed");
		String name = newName();
		JsonNode created = this.arm.assign(this.arm.dicomScope(), name, SandboxDirectory.DICOM_DATA_OWNER_ROLE_ID,
				daemon.servicePrincipalId(), "ServicePrincipal").json();
		SandboxHttp.Response deleted = this.http.delete(assignmentPath(this.arm.dicomScope(), name),
				this.arm.adminToken());
		assertThat(deleted.status()).isEqualTo(200);
		assertThat(deleted.json()).isEqualTo(created);
		SandboxHttp.Response again = this.http.delete(assignmentPath(this.arm.dicomScope(), name),
				this.arm.adminToken());
		assertThat(again.status()).isEqualTo(204);
		assertThat(again.text()).isEmpty();
		assertArmError(this.http.get(assignmentPath(this.arm.dicomScope(), name), this.arm.adminToken()), 404,
				"RoleAssignmentNotFound", "The role assignment '" + name + "' is not found.");
	}

	@Test
	void assignmentAtAMissingScopeIsNotFound() {
		ArmFixture.Daemon daemon = this.arm.createDaemon("nowhere");
		assertArmError(this.arm.assign(this.arm.workspaceScope() + "/dicomservices/nope", newName(),
				SandboxDirectory.DICOM_DATA_OWNER_ROLE_ID, daemon.servicePrincipalId(), "ServicePrincipal"), 404,
				"ResourceNotFound", "The Resource 'Microsoft.HealthcareApis/workspaces/contosohealth/dicomservices/nope' "
						+ "under resource group 'dicom-rg' was not found. For more details please go to "
						+ "https://aka.ms/ARMResourceNotFoundFix");
	}

	@Test
	void writesAreMarkedInTheRequestLog() {
		ArmFixture.Daemon daemon = this.arm.createDaemon("logged");
		SandboxInspector.of(this.server).clearRequests();
		String name = newName();
		this.arm.assign(this.arm.dicomScope(), name, SandboxDirectory.DICOM_DATA_OWNER_ROLE_ID,
				daemon.servicePrincipalId(), "ServicePrincipal");
		this.http.get(assignmentPath(this.arm.dicomScope(), name), this.arm.adminToken());
		this.http.delete(assignmentPath(this.arm.dicomScope(), name), this.arm.adminToken());
		assertThat(SandboxInspector.of(this.server).requests())
			.extracting((r) -> r.method() + " " + r.status() + " " + r.armWrite() + " " + r.graphWrite())
			.containsExactly("PUT 201 true false", "GET 200 false false", "DELETE 200 true false");
	}

	@Test
	void writesAreMarkedArmWriteInTheRequestLogFile(@TempDir Path directory) throws Exception {
		Path log = directory.resolve("sandbox.log");
		try (Sandbox logged = Sandbox.start(null, Clock.systemUTC(), log)) {
			ArmFixture loggedArm = new ArmFixture(logged);
			loggedArm.assign(loggedArm.dicomScope(), newName(), SandboxDirectory.DICOM_DATA_READER_ROLE_ID,
					"3c2b1a09-8f7e-4d6c-9b5a-4a3928171605", "ServicePrincipal");
			loggedArm.get("/subscriptions?" + ArmFixture.RESOURCES_API);
		}
		List<String> lines = Files.readAllLines(log);
		assertThat(lines).filteredOn((line) -> line.endsWith(" arm-write")).singleElement().asString()
			.matches("\\S+Z PUT /subscriptions/[0-9a-f-]{36}/resourceGroups/dicom-rg/providers/Microsoft.HealthcareApis/"
					+ "workspaces/contosohealth/dicomservices/dicom1/providers/Microsoft.Authorization/roleAssignments/"
					+ "[0-9a-f-]{36}\\?api-version=2022-04-01 201 arm-write");
		assertThat(lines).anyMatch((line) -> line.endsWith(" GET /subscriptions?api-version=2022-12-01 200"));
		assertThat(lines).noneMatch((line) -> line.endsWith(" graph-write"));
	}

	@Test
	void newAssignmentCanBeHiddenForAWhileByTheFreshObjectFault() {
		ArmFixture.Daemon daemon = this.arm.createDaemon("replica");
		SandboxInspector.of(this.server).injectFaults("GET /subscriptions 404-fresh for=1m");
		try {
			String name = newName();
			this.arm.assign(this.arm.dicomScope(), name, SandboxDirectory.DICOM_DATA_READER_ROLE_ID,
					daemon.servicePrincipalId(), "ServicePrincipal");
			assertArmError(this.http.get(assignmentPath(this.arm.dicomScope(), name), this.arm.adminToken()), 404,
					"RoleAssignmentNotFound", "The role assignment '" + name + "' is not found.");
			SandboxInspector.of(this.server).clearFaults();
			assertThat(this.http.get(assignmentPath(this.arm.dicomScope(), name), this.arm.adminToken()).status())
				.isEqualTo(200);
		}
		finally {
			SandboxInspector.of(this.server).clearFaults();
		}
	}

	@Test
	void builtInRolesAreFoundByIdAndByName() {
		JsonNode owner = this.arm.get("/providers/Microsoft.Authorization/roleDefinitions/"
				+ SandboxDirectory.DICOM_DATA_OWNER_ROLE_ID + "?" + AUTHORIZATION_API).json();
		assertThat(owner.path("id").asText()).isEqualTo("/providers/Microsoft.Authorization/roleDefinitions/"
				+ SandboxDirectory.DICOM_DATA_OWNER_ROLE_ID);
		assertThat(owner.path("properties").path("roleName").asText()).isEqualTo("DICOM Data Owner");
		assertThat(owner.path("properties").path("type").asText()).isEqualTo("BuiltInRole");
		assertThat(owner.path("properties").path("permissions").get(0).path("dataActions")).extracting(JsonNode::asText)
			.containsExactly("Microsoft.HealthcareApis/workspaces/dicomservices/resources/*");
		JsonNode byName = this.arm.get(this.arm.dicomScope() + "/providers/Microsoft.Authorization/roleDefinitions?"
				+ AUTHORIZATION_API + "&$filter=" + SandboxHttp.encode("roleName eq 'DICOM Data Reader'")).json();
		assertThat(byName.path("value")).singleElement().satisfies((reader) -> {
			assertThat(reader.path("name").asText()).isEqualTo(SandboxDirectory.DICOM_DATA_READER_ROLE_ID);
			assertThat(reader.path("id").asText()).isEqualTo(this.arm.dicomScope()
					+ "/providers/Microsoft.Authorization/roleDefinitions/" + SandboxDirectory.DICOM_DATA_READER_ROLE_ID);
			assertThat(reader.path("properties").path("description").asText()).isEqualTo("Read and search DICOM data.");
		});
		assertThat(this.arm.get(this.arm.subscriptionScope() + "/providers/Microsoft.Authorization/roleDefinitions?"
				+ AUTHORIZATION_API).json().path("value")).hasSize(7);
		assertArmError(this.arm.get("/providers/Microsoft.Authorization/roleDefinitions/"
				+ "11111111-2222-3333-4444-555555555555?" + AUTHORIZATION_API), 404, "RoleDefinitionDoesNotExist",
				"The specified role definition with ID '11111111-2222-3333-4444-555555555555' does not exist.");
	}

	@Test
	void assignmentsSurviveARestartOnTheStateFile(@TempDir Path directory) {
		Path stateFile = directory.resolve("tenant.json");
		String name = newName();
		String principal = "3c2b1a09-8f7e-4d6c-9b5a-4a3928171605";
		int firstPort;
		try (Sandbox first = Sandbox.start(stateFile)) {
			ArmFixture firstArm = new ArmFixture(first);
			assertThat(firstArm.assign(firstArm.dicomScope(), name, SandboxDirectory.DICOM_DATA_READER_ROLE_ID,
					principal, "ServicePrincipal").status()).isEqualTo(201);
			firstPort = first.resourceManagerEndpoint().getPort();
		}
		try (Sandbox second = Sandbox.start(stateFile)) {
			ArmFixture secondArm = new ArmFixture(second);
			JsonNode assignment = secondArm.get(assignmentPath(secondArm.dicomScope(), name)).json();
			assertThat(assignment.path("properties").path("principalId").asText()).isEqualTo(principal);
			String serviceUrl = secondArm.get(secondArm.dicomScope() + "?" + ArmFixture.HEALTHCARE_API).json()
				.path("properties").path("serviceUrl").asText();
			assertThat(serviceUrl).isEqualTo(second.resourceManagerEndpoint() + "/dicom/contosohealth-dicom1");
			assertThat(second.resourceManagerEndpoint().getPort()).isNotEqualTo(firstPort);
		}
	}

	/** Every page of a role assignment list, as one array. */
	private ArrayNode list(String scope, String filter) {
		String next = scope + "/providers/Microsoft.Authorization/roleAssignments?" + AUTHORIZATION_API
				+ ((filter != null) ? "&$filter=" + SandboxHttp.encode(filter).replace("+", "%20") : "");
		ArrayNode all = new ObjectMapper().createArrayNode();
		while (next != null) {
			SandboxHttp.Response response = this.arm.get(next);
			assertThat(response.status()).as(response.text()).isEqualTo(200);
			all.addAll((ArrayNode) response.json().path("value"));
			next = response.json().has("nextLink") ? response.json().path("nextLink").asText() : null;
		}
		return all;
	}

	private static List<String> names(ArrayNode assignments) {
		List<String> names = new ArrayList<>();
		assignments.forEach((assignment) -> names.add(assignment.path("name").asText()));
		return names;
	}

}
