package io.dicomreg.cli.completion;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.apps.AppRef;
import io.dicomreg.apps.AppSelection;
import io.dicomreg.apps.ApplicationLocator;
import io.dicomreg.apps.AuthenticationService;
import io.dicomreg.apps.Platform;
import io.dicomreg.apps.RegisteredApplication;
import io.dicomreg.config.DryRun;
import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.config.DicomregHome;
import io.dicomreg.support.SandboxAdmin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Completion of the authentication commands' arguments: platform types, on/off, and the redirect
 * URIs of the application named on the line or selected, read from the sandbox tenant.
 */
class AuthCompletionTests {

	@TempDir
	Path directory;

	private ConnectionTarget target;

	private AppSelection selection;

	private CompletionHarness completion;

	private AppRef app;

	@BeforeEach
	void registerAnApplicationWithRedirectUris() {
		this.target = new ConnectionTarget(true, null, AzureCloud.AzureCloud, null, null);
		SandboxAdmin admin = SandboxAdmin.signIn(this.target, this.directory);
		AuthenticationService authentication = new AuthenticationService(admin.gateway());
		this.selection = new AppSelection(this.target, new DicomregHome(this.directory));
		ApplicationLocator locator = new ApplicationLocator(admin.gateway(), this.selection);
		this.completion = new CompletionHarness(new RedirectUriCompleter(locator, authentication));
		RegisteredApplication registered = admin.register("DICOM client");
		this.app = new AppRef(registered.objectId(), registered.appId(), registered.displayName());
		authentication.addRedirectUris(this.app, Platform.MOBILE_DESKTOP,
				List.of(AuthenticationService.POSTMAN_REDIRECT_URI, "myapp://callback"), DryRun.off());
		authentication.addRedirectUris(this.app, Platform.WEB, List.of("https://web.example/callback"), DryRun.off());
	}

	@AfterEach
	void close() {
		this.target.close();
	}

	@Test
	void platformAddCompletesThePlatformTypes() {
		assertThat(complete("auth", "platform", "add", "")).containsExactly("mobile-desktop", "web", "spa");
		assertThat(complete("auth", "platform", "add", "s")).containsExactly("spa");
	}

	@Test
	void platformTypeIsOnlyTheFirstArgument() {
		assertThat(complete("auth", "platform", "add", "web", "")).isEmpty();
		assertThat(complete("auth", "platform", "add", "--postman", "")).containsExactly("mobile-desktop",
				"web", "spa");
		assertThat(complete("auth", "platform", "add", "--app", "x", "w")).containsExactly("web");
	}

	@Test
	void publicClientCompletesOnAndOff() {
		assertThat(complete("auth", "public-client", "")).containsExactly("on", "off");
		assertThat(complete("auth", "public-client", "of")).containsExactly("off");
	}

	@Test
	void redirectRemoveCompletesTheRedirectUrisOfTheAppNamedOnTheLine() {
		assertThat(complete("auth", "redirect", "remove", "--app", this.app.appId(), ""))
			.containsExactlyInAnyOrder("https://web.example/callback", AuthenticationService.POSTMAN_REDIRECT_URI,
					"myapp://callback");
		assertThat(completeAt(3, "auth", "redirect", "remove", "https://", "--app=DICOM client"))
			.containsExactlyInAnyOrder("https://web.example/callback", AuthenticationService.POSTMAN_REDIRECT_URI);
	}

	@Test
	void redirectRemoveCompletesTheRedirectUrisOfTheSelectedApp() {
		this.selection.select(this.app, DryRun.off());

		assertThat(complete("auth", "redirect", "remove", "my")).containsExactly("myapp://callback");
	}

	@Test
	void redirectRemoveOffersNothingWithoutAnApp() {
		assertThat(complete("auth", "redirect", "remove", "")).isEmpty();
	}

	private List<String> complete(String... words) {
		return this.completion.complete(words);
	}

	private List<String> completeAt(int index, String... words) {
		return this.completion.completeAt(index, words);
	}

}
