package io.dicomreg.apps;

import java.nio.file.Path;

import com.microsoft.graph.models.Application;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.support.GraphWrites;
import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.ExitCode;
import io.dicomreg.error.Subject;
import io.dicomreg.graph.GraphFailures;
import io.dicomreg.sandbox.SandboxInspector;
import io.dicomreg.support.SandboxAdmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Application registration through the real Graph SDK against the sandbox tenant.
 */
class ApplicationServiceTests {

	@TempDir
	Path directory;

	private ConnectionTarget target;

	private SandboxAdmin admin;

	private ApplicationService applications;

	@BeforeEach
	void signIn() {
		this.target = new ConnectionTarget(true, null, AzureCloud.AzureCloud, null, null);
		this.admin = SandboxAdmin.signIn(this.target, this.directory);
		this.applications = this.admin.applications();
	}

	@AfterEach
	void close() {
		this.target.close();
	}

	@Test
	void registersASingleTenantApplication() {
		RegisteredApplication app = this.applications.register("  DICOM client  ");

		assertThat(app.displayName()).isEqualTo("DICOM client");
		assertThat(app.signInAudience()).isEqualTo("AzureADMyOrg");
		assertThat(app.tenantId()).isEqualTo(this.target.sandbox().tenantId());
		assertThat(app.appId()).isNotBlank().isNotEqualTo(app.objectId());
		Application stored = this.admin.graph().client().applications().byApplicationId(app.objectId()).get();
		assertThat(stored.getAppId()).isEqualTo(app.appId());
		assertThat(stored.getSignInAudience()).isEqualTo("AzureADMyOrg");
	}

	@Test
	void tooLongNameIsRefusedBeforeAnythingIsSent() {
		SandboxInspector.of(this.target.sandbox()).clearRequests();
		assertThatThrownBy(() -> this.applications.register("x".repeat(257)))
			.isInstanceOfSatisfying(DicomregException.class, ex -> {
				assertThat(ex.getExitCode()).isEqualTo(ExitCode.USAGE);
				assertThat(ex.getMessage()).startsWith("The display name is 257 characters long").contains("256");
				assertThat(ex.getSubject()).isEqualTo(Subject.DISPLAY_NAME);
			});
		assertThat(SandboxInspector.of(this.target.sandbox()).requests()).isEmpty();
	}

	@Test
	void displayNameLengthRuleIsTheSameClientSideAndInTheSandbox() {
		String longest = "x".repeat(256);
		String tooLong = "x".repeat(257);

		assertThat(this.applications.register(longest).displayName()).isEqualTo(longest);
		assertThatThrownBy(() -> this.applications.register(tooLong)).isInstanceOf(DicomregException.class);

		Application bypassingTheClient = new Application();
		bypassingTheClient.setDisplayName(tooLong);
		assertThat(GraphFailures.translate(catchFailure(() -> this.admin.graph().client().applications()
			.post(bypassingTheClient, GraphWrites.allowed())), "Registering").getMessage()).contains("displayName");
	}

	@Test
	void graphValidationErrorBecomesOneLineWithCodeAndRequestId() {
		Application invalid = new Application();
		invalid.setDisplayName("bad audience");
		invalid.setSignInAudience("EveryoneEverywhere");

		RuntimeException failure = catchFailure(() -> this.admin.graph().client().applications().post(invalid, GraphWrites.allowed()));
		RuntimeException translated = GraphFailures.translate(failure, "Registering the application");

		assertThat(translated).isInstanceOfSatisfying(DicomregException.class, ex -> {
			assertThat(ex.getExitCode()).isEqualTo(ExitCode.FAILURE);
			assertThat(ex.getRequestId()).matches("[0-9a-f-]{36}");
			assertThat(ex.getMessage()).startsWith("Registering the application failed: ")
				.contains("Request_BadRequest")
				.endsWith("(request-id: " + ex.getRequestId() + ")")
				.doesNotContain("\n");
		});
	}

	private static RuntimeException catchFailure(Runnable call) {
		try {
			call.run();
		}
		catch (RuntimeException ex) {
			return ex;
		}
		throw new AssertionError("the call should have failed");
	}

}
