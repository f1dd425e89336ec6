package io.dicomreg.cli.walkthrough;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.config.DryRun;
import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.config.DicomregHome;
import io.dicomreg.sandbox.SandboxInspector;
import io.dicomreg.support.SandboxAdmin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Step 2 against the sandbox: the unique name finds an application again, and another application
 * starts the later steps afresh.
 */
class RegisterStepTests {

	@TempDir
	Path directory;

	private ConnectionTarget target;

	private SandboxAdmin admin;

	private WalkthroughProgressStore store;

	@BeforeEach
	void signIn() {
		this.target = new ConnectionTarget(true, null, AzureCloud.AzureCloud, null, null);
		this.admin = SandboxAdmin.signIn(this.target, this.directory.resolve("admin"));
		this.store = new WalkthroughProgressStore(this.target, new DicomregHome(this.directory.resolve("home")));
		this.store.save(new WalkthroughProgress());
	}

	@AfterEach
	void close() {
		this.target.close();
	}

	@Test
	void registersUnderAUniqueNameMadeFromTheDisplayNameAndRecordsTheTenant() {
		run("Viewer (test)", "", "");
		WalkthroughProgress progress = this.store.load().orElseThrow();
		assertThat(progress.getApplication().uniqueName()).isEqualTo("viewer-test");
		assertThat(progress.getTenantId()).isEqualTo(this.target.sandbox().tenantId());
		assertThat(SandboxInspector.of(this.target.sandbox()).tenant().applications()).hasSize(1);
	}

	@Test
	void anApplicationWithTheUniqueNameIsOfferedAndNotRegisteredTwice() {
		this.admin.applications().register(new io.dicomreg.apps.RegistrationRequest("Old name", "dicom-client", null, false), DryRun.off());
		ScriptedPrompts prompts = run("DICOM client", "", "");
		assertThat(prompts.shown()).anyMatch(line -> line.startsWith("'Old name' (client ID ")
				&& line.contains("already has the unique name 'dicom-client'"));
		assertThat(SandboxInspector.of(this.target.sandbox()).tenant().applications()).hasSize(1);
		assertThat(this.store.load().orElseThrow().getApplication().displayName()).isEqualTo("Old name");
	}

	@Test
	void registeringAnotherApplicationForgetsWhatTheLaterStepsRecordedForTheFirst() {
		run("DICOM client", "", "");
		WalkthroughProgress progress = this.store.load().orElseThrow();
		progress.setSecret(new WalkthroughProgress.Secret("Postman", "6m", null, "6f1f4a2e-1b8e-4c52-9d53-0f5f1e0f6a11",
				"2027-05-27 (UTC)", true));
		this.store.save(progress);

		run("Register another", "Second client", "", "");

		WalkthroughProgress after = this.store.load().orElseThrow();
		assertThat(after.getApplication().displayName()).isEqualTo("Second client");
		assertThat(after.getSecret()).isNull();
		assertThat(SandboxInspector.of(this.target.sandbox()).tenant().applications()).hasSize(2);
	}

	private ScriptedPrompts run(String... answers) {
		ScriptedPrompts prompts = new ScriptedPrompts().answers((Object[]) answers);
		WalkthroughProgress progress = this.store.load().orElseThrow();
		new RegisterStep(this.admin.applications()).run(new StepContext(prompts, progress, this.store, Optional::empty));
		this.store.save(progress);
		return prompts;
	}

}
