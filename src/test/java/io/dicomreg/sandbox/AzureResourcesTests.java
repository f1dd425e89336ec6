package io.dicomreg.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.sandbox.directory.DicomService;
import io.dicomreg.sandbox.directory.HealthcareWorkspace;
import io.dicomreg.sandbox.directory.ResourceGroup;
import io.dicomreg.sandbox.directory.RoleAssignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The Azure resources of a tenant: what a new tenant holds, ARM's naming rules, and the state file.
 */
class AzureResourcesTests {

	@TempDir
	Path directory;

	@Test
	void newTenantHasOneDicomServiceAndItsAdministratorOwnsTheSubscription() {
		try (Sandbox server = Sandbox.start(null)) {
			SandboxAzure azure = SandboxInspector.of(server).azure();
			String subscriptionId = azure.subscriptionId();
			assertThat(azure.subscriptions()).singleElement()
				.satisfies((s) -> assertThat(s.displayName()).isEqualTo("Sandbox Subscription"));
			assertThat(azure.dicomService().id()).isEqualTo("/subscriptions/" + subscriptionId
					+ "/resourceGroups/dicom-rg/providers/Microsoft.HealthcareApis/workspaces/contosohealth/dicomservices/dicom1");
			assertThat(azure.dicomService().location()).isEqualTo("westus2");
			assertThat(azure.roleAssignments()).singleElement().satisfies((a) -> {
				assertThat(a.scope()).isEqualTo("/subscriptions/" + subscriptionId);
				assertThat(a.roleDefinitionId()).isEqualTo(SandboxDirectory.OWNER_ROLE_ID);
				assertThat(a.principalId()).isEqualTo(SandboxInspector.of(server).tenant().adminObjectId());
				assertThat(a.principalType()).isEqualTo("User");
			});
		}
	}

	@Test
	void serviceUrlIsOfThisServerAndLeadsBackToItsService() {
		try (Sandbox server = Sandbox.start(null)) {
			SandboxAzure azure = SandboxInspector.of(server).azure();
			DicomService service = azure.dicomService();
			String url = azure.serviceUrl(service);
			assertThat(url).isEqualTo(server.resourceManagerEndpoint() + "/dicom/contosohealth-dicom1");
			assertThat(azure.serviceOf(url)).contains(service);
			assertThat(azure.serviceOf(url + "/v2/studies?limit=1")).contains(service);
			assertThat(azure.serviceOf(server.resourceManagerEndpoint() + "/dicom/contosohealth-dicom2")).isEmpty();
			assertThat(azure.serviceOf(server.resourceManagerEndpoint() + "/v1.0/applications")).isEmpty();
		}
	}

	@Test
	void everyNewTenantHasItsOwnSubscriptionId() {
		try (Sandbox first = Sandbox.start(null); Sandbox second = Sandbox.start(null)) {
			assertThat(SandboxInspector.of(first).azure().subscriptionId())
				.isNotEqualTo(SandboxInspector.of(second).azure().subscriptionId());
		}
	}

	@Test
	void namesBreakingArmsRulesAndTakenHostNamesAreRefused() {
		try (Sandbox server = Sandbox.start(null)) {
			SandboxAzure azure = SandboxInspector.of(server).azure();
			ResourceGroup group = azure.addResourceGroup(azure.subscriptionId(), "more-rg", "eastus");
			assertThatIllegalArgumentException().isThrownBy(() -> azure.addWorkspace(group, "Upper"))
				.withMessageContaining("breaks ARM's rules");
			assertThatIllegalArgumentException().isThrownBy(() -> azure.addResourceGroup(azure.subscriptionId(),
					"ends.", "eastus"));
			HealthcareWorkspace workspace = azure.addWorkspace(group, "abc-def");
			assertThatIllegalArgumentException().isThrownBy(() -> azure.addDicomService(workspace, "ab"));
			azure.addDicomService(workspace, "ghi");
			HealthcareWorkspace other = azure.addWorkspace(group, "abc");
			assertThatIllegalArgumentException().isThrownBy(() -> azure.addDicomService(other, "def-ghi"))
				.withMessage("a DICOM service with the host name abc-def-ghi exists");
			assertThat(azure.dicomServices()).hasSize(2);
		}
	}

	@Test
	void resourcesAndAssignmentsAddedThroughOneServerAreSeenByTheNext() {
		Path stateFile = this.directory.resolve("tenant.json");
		String subscriptionId;
		DicomService added;
		RoleAssignment assignment;
		try (Sandbox first = Sandbox.start(stateFile)) {
			SandboxAzure azure = SandboxInspector.of(first).azure();
			subscriptionId = azure.addSubscription("Second Subscription");
			HealthcareWorkspace workspace = azure.addWorkspace(azure.addResourceGroup(subscriptionId, "rg2", "eastus"),
					"ws2");
			added = azure.addDicomService(workspace, "dicom2");
			assignment = azure.assignRole(SandboxInspector.of(first).tenant().adminObjectId(), "User",
					SandboxDirectory.DICOM_DATA_OWNER_ROLE_ID, added.id());
		}
		try (Sandbox second = Sandbox.start(stateFile)) {
			SandboxAzure azure = SandboxInspector.of(second).azure();
			assertThat(azure.subscriptions()).extracting((s) -> s.subscriptionId()).contains(subscriptionId);
			assertThat(azure.dicomServices()).contains(added);
			assertThat(azure.roleAssignments()).contains(assignment);
		}
	}

	@Test
	void stateFileOfAnEarlierVersionIsProvisionedOnceAtStart() throws Exception {
		Path stateFile = this.directory.resolve("tenant.json");
		try (Sandbox first = Sandbox.start(stateFile)) {
			new GraphFixture(first).createApplication("kept");
		}
		ObjectMapper mapper = new ObjectMapper();
		ObjectNode state = (ObjectNode) mapper.readTree(stateFile.toFile());
		state.remove("azure");
		Files.write(stateFile, mapper.writeValueAsBytes(state));
		String subscriptionId;
		try (Sandbox server = Sandbox.start(stateFile)) {
			subscriptionId = SandboxInspector.of(server).azure().subscriptionId();
			assertThat(SandboxInspector.of(server).azure().roleAssignments()).hasSize(1);
			assertThat(SandboxInspector.of(server).tenant().applications()).hasSize(1);
		}
		assertThat(mapper.readTree(stateFile.toFile()).path("azure").path("subscriptions").get(0)
			.path("subscriptionId").asText()).isEqualTo(subscriptionId);
	}

	@Test
	void damagedAzureSectionIsRefusedAndTheFileLeftAsItWas() throws Exception {
		Path stateFile = this.directory.resolve("tenant.json");
		try (Sandbox first = Sandbox.start(stateFile)) {
			first.tenantId();
		}
		ObjectMapper mapper = new ObjectMapper();
		ObjectNode state = (ObjectNode) mapper.readTree(stateFile.toFile());
		((ObjectNode) state.path("azure").path("workspaces").get(0)).put("name", "Not Valid");
		byte[] damaged = mapper.writeValueAsBytes(state);
		Files.write(stateFile, damaged);
		assertThatExceptionOfType(Sandbox.StateException.class)
			.isThrownBy(() -> Sandbox.start(stateFile))
			.withMessageContaining("workspace name 'Not Valid' breaks ARM's rules");
		assertThat(Files.readAllBytes(stateFile)).isEqualTo(damaged);
	}

}
