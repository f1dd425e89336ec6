package io.dicomreg.cli;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.apps.AppRef;
import io.dicomreg.apps.AppSelection;
import io.dicomreg.auth.Session;
import io.dicomreg.auth.SessionStore;
import io.dicomreg.auth.SignInService;
import io.dicomreg.config.DryRun;
import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.config.DicomregHome;
import io.dicomreg.support.SandboxAdmin;

import static org.assertj.core.api.Assertions.assertThat;

class ShellPromptTests {

	@TempDir
	Path home;

	@Test
	void signedOutOnAzureCloudIsPlain() {
		assertThat(prompt(new ConnectionTarget(false, null, AzureCloud.AzureCloud, null, null)).text())
			.isEqualTo("dicomreg> ");
	}

	@Test
	void showsTheCloudUnlessAzureCloud() {
		assertThat(prompt(new ConnectionTarget(false, null, AzureCloud.AzureUSGovernment, null, null)).text())
			.isEqualTo("dicomreg AzureUSGovernment> ");
	}

	@Test
	void showsTenantDomainAndShortAccountWhenSignedIn() {
		ConnectionTarget target = new ConnectionTarget(false, null, AzureCloud.AzureCloud, null, null);
		new SessionStore(new DicomregHome(this.home)).save(target.cacheKey(), new Session(Session.Kind.USER, "client",
				"tenant-id", "contoso.onmicrosoft.com", "alice@contoso.onmicrosoft.com", "uid.tenant-id", null));
		assertThat(prompt(target).text()).isEqualTo("dicomreg contoso.onmicrosoft.com alice@contoso> ");
	}

	@Test
	void showsTheSelectedApp() {
		ConnectionTarget target = new ConnectionTarget(false, null, AzureCloud.AzureCloud, null, null);
		new SessionStore(new DicomregHome(this.home)).save(target.cacheKey(), new Session(Session.Kind.USER, "client",
				"tenant-id", "contoso.onmicrosoft.com", "alice@contoso.onmicrosoft.com", "uid.tenant-id", null));
		new AppSelection(target, new DicomregHome(this.home)).select(new AppRef("oid", "app-id", "dicom-client"), DryRun.off());
		assertThat(prompt(target).text()).isEqualTo("dicomreg contoso.onmicrosoft.com alice@contoso (dicom-client)> ");
	}

	@Test
	void aSelectedAppNamedWithEscapeSequencesIsShownEscaped() {
		ConnectionTarget target = new ConnectionTarget(false, null, AzureCloud.AzureCloud, null, null);
		new AppSelection(target, new DicomregHome(this.home)).select(new AppRef("oid", "app-id", "x\u001b]0;title\u0007"),
				DryRun.off());

		assertThat(prompt(target).text()).isEqualTo("dicomreg (x\\x1b]0;title\\x07)> ");
	}

	@Test
	void servicePrincipalShowsItsClientIdAndTheTenantIdWhenTheDomainIsUnknown() {
		ConnectionTarget target = new ConnectionTarget(false, null, AzureCloud.AzureCloud, null, null);
		new SessionStore(new DicomregHome(this.home)).save(target.cacheKey(), new Session(Session.Kind.SERVICE_PRINCIPAL,
				"app-id", "tenant-id", null, "app-id", null, null));
		assertThat(prompt(target).text()).isEqualTo("dicomreg tenant-id app-id> ");
	}

	private ShellPrompt prompt(ConnectionTarget target) {
		SignInService signIn = SandboxAdmin.signInService(target, this.home, Map.of());
		return new ShellPrompt(target, signIn, new AppSelection(target, new DicomregHome(this.home)));
	}

}
