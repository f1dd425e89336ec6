package io.dicomreg.cli.walkthrough;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.apps.AppRef;
import io.dicomreg.apps.ConsentChange;
import io.dicomreg.apps.ConsentRequest;
import io.dicomreg.apps.ConsentService;
import io.dicomreg.azure.DicomService;
import io.dicomreg.azure.DicomServiceDirectory;
import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.config.DicomregHome;
import io.dicomreg.config.DryRun;
import io.dicomreg.error.DicomregException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The walkthrough's optional steps skip with the reason when they cannot be done: consent when the signed-in
 * account may not grant it (Graph's 403) or no permission was added, the role when the account sees no DICOM
 * service. Fakes stand for the services, whose own tests run against the sandbox.
 */
class OptionalStepsTests {

	@TempDir
	Path directory;

	@Test
	void consentIsSkippedWithTheReasonWhenTheAccountMayNotGrantIt() {
		ConsentService refusing = new ConsentService(null, null, null, null) {

			@Override
			public ConsentChange grant(AppRef app, ConsentRequest request, DryRun plan) {
				throw DicomregException.service("Granting admin consent failed: Authorization_RequestDenied: Insufficient "
						+ "privileges to complete the operation. (request-id: 0f52c4bc-938e-49be-b9ca-a710a2dfda53)",
						"0f52c4bc-938e-49be-b9ca-a710a2dfda53", null);
			}

		};
		ScriptedPrompts prompts = new ScriptedPrompts().answers("y");

		assertThatThrownBy(() -> new ConsentStep(refusing).run(context(prompts, true)))
			.isInstanceOfSatisfying(Navigation.class, skip -> assertThat(skip.kind()).isEqualTo(Navigation.Kind.SKIP));
		assertThat(prompts.shown()).anyMatch(line -> line.startsWith("The signed-in account may not grant admin consent, so "
				+ "this step is skipped: an administrator can run 'permission grant --app 11111111-2222-3333-4444-555555555555' later."));
	}

	@Test
	void consentIsSkippedWhenNoPermissionWasAdded() {
		ScriptedPrompts prompts = new ScriptedPrompts();

		assertThatThrownBy(() -> new ConsentStep(null).run(context(prompts, false))).isInstanceOf(Navigation.class);
		assertThat(prompts.shown()).contains("No API permission was added in this walkthrough, so there is nothing to consent to.");
	}

	@Test
	void theRoleIsSkippedWhenTheAccountSeesNoDicomService() {
		DicomServiceDirectory none = new DicomServiceDirectory(null) {

			@Override
			public List<DicomService> list(String subscription) {
				return List.of();
			}

		};
		ScriptedPrompts prompts = new ScriptedPrompts();

		assertThatThrownBy(() -> new RoleStep(none, null).run(context(prompts, true))).isInstanceOf(Navigation.class);
		assertThat(prompts.shown()).anyMatch(line -> line.startsWith("This account sees no DICOM service in Azure, so this "
				+ "step is skipped"));
	}

	private StepContext context(ScriptedPrompts prompts, boolean permission) {
		ConnectionTarget target = new ConnectionTarget(false, null, AzureCloud.AzureCloud, null, null);
		WalkthroughProgressStore store = new WalkthroughProgressStore(target, new DicomregHome(this.directory));
		WalkthroughProgress progress = new WalkthroughProgress();
		progress.setApplication(new WalkthroughProgress.Application("viewer", "viewer",
				"99999999-8888-7777-6666-555555555555", "11111111-2222-3333-4444-555555555555"));
		if (permission) {
			progress.setPermission(new WalkthroughProgress.Permission("75e725bf-66ce-4cea-9b9a-5c4caae57f33",
					"Azure API for DICOM", "Dicom.ReadWrite"));
		}
		return new StepContext(prompts, progress, store, Optional::empty);
	}

}
