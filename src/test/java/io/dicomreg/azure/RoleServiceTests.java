package io.dicomreg.azure;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.config.Waiting;
import io.dicomreg.apps.RegisteredApplication;
import io.dicomreg.apps.ServicePrincipalService;
import io.dicomreg.apps.ServicePrincipalsGateway;
import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.config.DryRun;
import io.dicomreg.sandbox.SandboxDirectory;
import io.dicomreg.sandbox.SandboxInspector;
import io.dicomreg.sandbox.http.RecordedRequest;
import io.dicomreg.support.SandboxAdmin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Role assignments through the real HTTP client against the sandbox's ARM, where the look before the write is
 * stale: ARM's 409 RoleAssignmentExists is "unchanged", and a rerun after an interruption names the same assignment.
 */
class RoleServiceTests {

	@TempDir
	Path home;

	private ConnectionTarget target;

	private SandboxAdmin admin;

	private RegisteredApplication app;

	private String servicePrincipalId;

	@BeforeEach
	void registerAnApp() {
		this.target = new ConnectionTarget(true, null, AzureCloud.AzureCloud, null, null);
		this.admin = SandboxAdmin.signIn(this.target, this.home);
		this.app = this.admin.register("viewer");
		this.servicePrincipalId = inspector().tenant().servicePrincipalByAppId(this.app.appId()).orElseThrow().path("id")
			.asText();
	}

	@AfterEach
	void close() {
		this.target.close();
	}

	@Test
	void anAssignmentTheListMissedMeetsArms409AndIsUnchanged() {
		// Made elsewhere under another name, and not shown by the first list (a replica that has not seen it yet).
		inspector().azure().assignRole(this.servicePrincipalId, "ServicePrincipal",
				SandboxDirectory.DICOM_DATA_OWNER_ROLE_ID, inspector().azure().dicomService().id());
		inspector().clearRequests();

		RoleChange change = roles(new StaleArm(this.target, this.admin)).assign("owner", "dicom1", this.app.appId(),
				DryRun.off());

		assertThat(change.changed()).isFalse();
		assertThat(change.note()).endsWith("has DICOM Data Owner on contosohealth/dicom1 already (Azure: "
				+ "RoleAssignmentExists).");
		assertThat(inspector().requests()).filteredOn(RecordedRequest::armWrite).extracting(RecordedRequest::status)
			.containsExactly(409);
		assertThat(inspector().azure().roleAssignments()).filteredOn(a -> a.principalId().equals(this.servicePrincipalId))
			.hasSize(1);
	}

	@Test
	void aRerunWhoseListMissedTheFirstRunsAssignmentNamesTheSameOne() {
		roles(new ArmClient(this.target, this.admin.signInService())).assign("reader", "dicom1", this.app.appId(),
				DryRun.off());
		inspector().clearRequests();

		RoleChange again = roles(new StaleArm(this.target, this.admin)).assign("reader", "dicom1", this.app.appId(),
				DryRun.off());

		assertThat(again.changed()).isTrue();
		assertThat(inspector().requests()).filteredOn(RecordedRequest::armWrite).extracting(RecordedRequest::status)
			.containsExactly(200);
		assertThat(inspector().azure().roleAssignments()).filteredOn(a -> a.principalId().equals(this.servicePrincipalId))
			.hasSize(1);
	}

	private RoleService roles(ArmClient arm) {
		ServicePrincipalService servicePrincipals = new ServicePrincipalService(
				new ServicePrincipalsGateway(this.admin.graph()), Waiting.realTime(), line -> {
				});
		return new RoleService(arm, new DicomServiceDirectory(arm),
				new AssigneeResolver(this.admin.locator(), servicePrincipals, this.admin.graph()));
	}

	private SandboxInspector inspector() {
		return SandboxInspector.of(this.target.sandbox());
	}

	/** ARM whose first list of a principal's role assignments comes back empty. */
	private static final class StaleArm extends ArmClient {

		private boolean missed;

		StaleArm(ConnectionTarget target, SandboxAdmin admin) {
			super(target, admin.signInService());
		}

		@Override
		public List<JsonNode> list(String path) {
			if (!this.missed && path.contains("roleAssignments") && path.contains("principalId")) {
				this.missed = true;
				return List.of();
			}
			return super.list(path);
		}

	}

}
