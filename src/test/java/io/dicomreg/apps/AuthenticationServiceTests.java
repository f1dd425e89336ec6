package io.dicomreg.apps;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import com.microsoft.graph.models.Application;
import com.microsoft.graph.models.ImplicitGrantSettings;
import com.microsoft.graph.models.PublicClientApplication;
import com.microsoft.graph.models.SpaApplication;
import com.microsoft.graph.models.WebApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.support.GraphWrites;
import io.dicomreg.config.DryRun;
import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.ExitCode;
import io.dicomreg.graph.GraphFailures;
import io.dicomreg.sandbox.http.RecordedRequest;
import io.dicomreg.sandbox.SandboxInspector;
import io.dicomreg.support.SandboxAdmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tutorial step 3 through the real Graph SDK against the sandbox tenant: client type, "Allow public
 * client flows" and redirect URIs, additive and idempotent.
 */
class AuthenticationServiceTests {

	private static final String POSTMAN = AuthenticationService.POSTMAN_REDIRECT_URI;

	/**
	 * One sandbox tenant and signed-in administrator for the whole class: every test registers an application of its
	 * own, works only on that one, and clears the request log before counting requests.
	 */
	private static ConnectionTarget target;

	private static SandboxAdmin admin;

	private AuthenticationService authentication;

	private AppRef app;

	@BeforeAll
	static void signIn(@TempDir Path adminHome) {
		target = new ConnectionTarget(true, null, AzureCloud.AzureCloud, null, null);
		admin = SandboxAdmin.signIn(target, adminHome);
	}

	@BeforeEach
	void registerAnApplication() {
		this.authentication = new AuthenticationService(admin.gateway());
		RegisteredApplication registered = admin.register("DICOM client");
		this.app = new AppRef(registered.objectId(), registered.appId(), registered.displayName());
	}

	@AfterAll
	static void close() {
		target.close();
	}

	@Test
	void newApplicationIsAConfidentialClientWithoutRedirectUris() {
		AuthenticationSettings settings = this.authentication.show(this.app);

		assertThat(settings.app()).isEqualTo(this.app);
		assertThat(settings.clientType()).isEqualTo("confidential");
		assertThat(settings.isFallbackPublicClient()).isFalse();
		assertThat(settings.signInAudience()).isEqualTo("AzureADMyOrg");
		assertThat(settings.redirectUris()).isEqualTo(RedirectUris.none());
	}

	@Test
	void showListsTheRedirectUrisOfEachPlatform() {
		givenRedirectUris(List.of("https://web.example/a"), List.of("https://spa.example"), List.of("myapp://callback"));

		RedirectUris uris = this.authentication.show(this.app).redirectUris();

		assertThat(uris.web()).containsExactly("https://web.example/a");
		assertThat(uris.spa()).containsExactly("https://spa.example");
		assertThat(uris.mobileDesktop()).containsExactly("myapp://callback");
	}

	@Test
	void publicClientOnMakesAPublicClientAndTheSecondTimeWritesNothing() {
		PublicClientChange first = this.authentication.setPublicClient(this.app, true, DryRun.off());
		server().clearRequests();
		PublicClientChange second = this.authentication.setPublicClient(this.app, true, DryRun.off());

		assertThat(first.changed()).isTrue();
		assertThat(first.clientType()).isEqualTo("public");
		assertThat(second.changed()).isFalse();
		assertThat(second.isFallbackPublicClient()).isTrue();
		assertThat(graphWrites()).isEmpty();
		assertThat(stored().getIsFallbackPublicClient()).isTrue();
		assertThat(this.authentication.show(this.app).clientType()).isEqualTo("public");
	}

	@Test
	void publicClientOffMakesAConfidentialClientAgain() {
		this.authentication.setPublicClient(this.app, true, DryRun.off());

		PublicClientChange off = this.authentication.setPublicClient(this.app, false, DryRun.off());

		assertThat(off.changed()).isTrue();
		assertThat(off.clientType()).isEqualTo("confidential");
		assertThat(stored().getIsFallbackPublicClient()).isFalse();
	}

	@Test
	void publicClientOffOnANewApplicationWritesNothing() {
		server().clearRequests();

		assertThat(this.authentication.setPublicClient(this.app, false, DryRun.off()).changed()).isFalse();
		assertThat(graphWrites()).isEmpty();
	}

	@Test
	void postmanRedirectUriLandsOnPublicClientRedirectUris() {
		RedirectUrisAdded result = this.authentication.addRedirectUris(this.app, Platform.MOBILE_DESKTOP, List.of(POSTMAN), DryRun.off());

		assertThat(result.changed()).isTrue();
		assertThat(result.added()).containsExactly(POSTMAN);
		assertThat(stored().getPublicClient().getRedirectUris()).containsExactly(POSTMAN);
		assertThat(stored().getWeb().getRedirectUris()).isEmpty();
		assertThat(stored().getSpa().getRedirectUris()).isEmpty();
	}

	@Test
	void addingPostmanAgainReportsUnchangedWithoutAnyWrite() {
		this.authentication.addRedirectUris(this.app, Platform.MOBILE_DESKTOP, List.of(POSTMAN), DryRun.off());
		server().clearRequests();

		RedirectUrisAdded again = this.authentication.addRedirectUris(this.app, Platform.MOBILE_DESKTOP, List.of(POSTMAN), DryRun.off());

		assertThat(again.changed()).isFalse();
		assertThat(again.added()).isEmpty();
		assertThat(again.alreadyPresent()).containsExactly(POSTMAN);
		assertThat(graphWrites()).isEmpty();
	}

	@Test
	void addingToOnePlatformKeepsEveryOtherRedirectUri() {
		givenRedirectUris(List.of("https://web.example/a", "https://web.example/b"), List.of("https://spa.example"),
				List.of("myapp://callback"));

		RedirectUrisAdded result = this.authentication.addRedirectUris(this.app, Platform.WEB,
				List.of("https://web.example/c"), DryRun.off());

		assertThat(result.redirectUris()).containsExactly("https://web.example/a", "https://web.example/b",
				"https://web.example/c");
		Application stored = stored();
		assertThat(stored.getWeb().getRedirectUris()).containsExactly("https://web.example/a", "https://web.example/b",
				"https://web.example/c");
		assertThat(stored.getSpa().getRedirectUris()).containsExactly("https://spa.example");
		assertThat(stored.getPublicClient().getRedirectUris()).containsExactly("myapp://callback");
	}

	@Test
	void addingToTheWebPlatformKeepsItsOtherSettings() {
		Application settings = new Application();
		WebApplication web = new WebApplication();
		web.setHomePageUrl("https://web.example/home");
		web.setLogoutUrl("https://web.example/logout");
		ImplicitGrantSettings implicit = new ImplicitGrantSettings();
		implicit.setEnableIdTokenIssuance(true);
		implicit.setEnableAccessTokenIssuance(false);
		web.setImplicitGrantSettings(implicit);
		web.setRedirectUris(List.of("https://web.example/a"));
		settings.setWeb(web);
		admin.graph().client().applications().byApplicationId(this.app.objectId()).patch(settings, GraphWrites.allowed());

		this.authentication.addRedirectUris(this.app, Platform.WEB, List.of("https://web.example/b"), DryRun.off());

		WebApplication stored = stored().getWeb();
		assertThat(stored.getRedirectUris()).containsExactly("https://web.example/a", "https://web.example/b");
		assertThat(stored.getHomePageUrl()).isEqualTo("https://web.example/home");
		assertThat(stored.getLogoutUrl()).isEqualTo("https://web.example/logout");
		assertThat(stored.getImplicitGrantSettings().getEnableIdTokenIssuance()).isTrue();
	}

	@Test
	void onlyMissingRedirectUrisAreAddedOnceEach() {
		givenRedirectUris(List.of(), List.of("https://spa.example/a"), List.of());

		RedirectUrisAdded result = this.authentication.addRedirectUris(this.app, Platform.SPA,
				List.of("https://spa.example/a", "https://spa.example/b", "https://spa.example/b"), DryRun.off());

		assertThat(result.changed()).isTrue();
		assertThat(result.added()).containsExactly("https://spa.example/b");
		assertThat(result.alreadyPresent()).containsExactly("https://spa.example/a");
		assertThat(stored().getSpa().getRedirectUris()).containsExactly("https://spa.example/a", "https://spa.example/b");
	}

	@Test
	void redirectUriBreakingARuleIsRefusedBeforeAnyRequest() {
		server().clearRequests();

		assertThatThrownBy(() -> this.authentication.addRedirectUris(this.app, Platform.WEB,
				List.of("https://web.example/ok", "http://web.example/callback"), DryRun.off()))
			.isInstanceOfSatisfying(DicomregException.class, ex -> {
				assertThat(ex.getExitCode()).isEqualTo(ExitCode.USAGE);
				assertThat(ex.getMessage()).contains("http://web.example/callback").contains("https required");
			});
		assertThat(server().requests()).isEmpty();
	}

	@Test
	void queryStringIsRefusedForAnApplicationWithPersonalAccountsWithoutAnyWrite() {
		AppRef personal = registerWithAudience("AzureADandPersonalMicrosoftAccount");
		server().clearRequests();

		assertThatThrownBy(() -> this.authentication.addRedirectUris(personal, Platform.WEB,
				List.of("https://web.example/callback?tenant=1"), DryRun.off()))
			.isInstanceOfSatisfying(DicomregException.class, ex -> {
				assertThat(ex.getExitCode()).isEqualTo(ExitCode.USAGE);
				assertThat(ex.getMessage()).contains("query strings only for work or school audiences");
			});
		assertThat(graphWrites()).isEmpty();
	}

	@Test
	void countLimitIsCheckedAfterMergingWithTheOtherPlatforms() {
		AppRef personal = registerWithAudience("AzureADandPersonalMicrosoftAccount");
		this.authentication.addRedirectUris(personal, Platform.WEB, numbered("https://web.example/", 60), DryRun.off());
		this.authentication.addRedirectUris(personal, Platform.SPA, numbered("https://spa.example/", 40), DryRun.off());
		server().clearRequests();

		assertThatThrownBy(() -> this.authentication.addRedirectUris(personal, Platform.MOBILE_DESKTOP,
				List.of("myapp://callback"), DryRun.off()))
			.isInstanceOfSatisfying(DicomregException.class, ex -> {
				assertThat(ex.getExitCode()).isEqualTo(ExitCode.USAGE);
				assertThat(ex.getMessage()).contains("101 redirect URIs").contains("at most 100");
			});
		assertThat(graphWrites()).isEmpty();
	}

	@Test
	void redirectUriOfAnotherPlatformIsRefusedWithoutAnyWrite() {
		givenRedirectUris(List.of("https://app.example/callback"), List.of(), List.of());
		server().clearRequests();

		assertThatThrownBy(() -> this.authentication.addRedirectUris(this.app, Platform.SPA,
				List.of("https://app.example/callback"), DryRun.off()))
			.isInstanceOfSatisfying(DicomregException.class, ex -> {
				assertThat(ex.getExitCode()).isEqualTo(ExitCode.USAGE);
				assertThat(ex.getMessage()).contains("already a Web redirect URI")
					.contains("auth redirect remove https://app.example/callback");
			});
		assertThat(graphWrites()).isEmpty();
	}

	@Test
	void theSandboxTooRefusesOneRedirectUriOnTwoPlatforms() {
		assertThatThrownBy(() -> givenRedirectUris(List.of("https://app.example/callback"),
				List.of("https://app.example/callback"), List.of()))
			.satisfies(failure -> assertThat(GraphFailures.translate((RuntimeException) failure, "Adding").getMessage())
				.contains("Redirect URIs must have distinct values"));
	}

	@Test
	void noRedirectUriIsAUsageError() {
		assertThatThrownBy(() -> this.authentication.addRedirectUris(this.app, Platform.MOBILE_DESKTOP, List.of(), DryRun.off()))
			.isInstanceOfSatisfying(DicomregException.class, ex -> {
				assertThat(ex.getExitCode()).isEqualTo(ExitCode.USAGE);
				assertThat(ex.getMessage()).isEqualTo("Give at least one redirect URI.");
			});
	}

	@Test
	void removingARedirectUriRemovesExactlyThatOne() {
		givenRedirectUris(List.of("https://web.example/a", "https://web.example/b"), List.of("https://spa.example"),
				List.of(POSTMAN, "myapp://callback"));

		RedirectUriRemoval removal = this.authentication.removeRedirectUri(this.app, POSTMAN, DryRun.off());

		assertThat(removal.changed()).isTrue();
		assertThat(removal.removedFrom()).containsExactly(Platform.MOBILE_DESKTOP);
		Application stored = stored();
		assertThat(stored.getPublicClient().getRedirectUris()).containsExactly("myapp://callback");
		assertThat(stored.getWeb().getRedirectUris()).containsExactly("https://web.example/a", "https://web.example/b");
		assertThat(stored.getSpa().getRedirectUris()).containsExactly("https://spa.example");
	}

	@Test
	void removingARedirectUriThatIsNotThereWritesNothing() {
		givenRedirectUris(List.of("https://web.example/Callback"), List.of(), List.of());
		server().clearRequests();

		RedirectUriRemoval removal = this.authentication.removeRedirectUri(this.app, "https://web.example/callback", DryRun.off());

		assertThat(removal.changed()).isFalse();
		assertThat(removal.removedFrom()).isEmpty();
		assertThat(removal.differingInCase()).containsExactly("https://web.example/Callback");
		assertThat(graphWrites()).isEmpty();
		assertThat(stored().getWeb().getRedirectUris()).containsExactly("https://web.example/Callback");
	}

	@Test
	void graphRefusalBecomesOneLineWithCodeAndRequestId() {
		server().injectFault("PATCH", "/v1.0/applications/" + this.app.objectId(), 403, 1, (Duration) null);

		assertThatThrownBy(() -> this.authentication.setPublicClient(this.app, true, DryRun.off()))
			.isInstanceOfSatisfying(DicomregException.class, ex -> {
				assertThat(ex.getExitCode()).isEqualTo(ExitCode.FAILURE);
				assertThat(ex.getMessage()).startsWith("Setting 'Allow public client flows' failed: ")
					.contains("(request-id: ")
					.doesNotContain("\n");
			});
	}

	private void givenRedirectUris(List<String> web, List<String> spa, List<String> mobileDesktop) {
		Application patch = new Application();
		WebApplication webApplication = new WebApplication();
		webApplication.setRedirectUris(web);
		SpaApplication spaApplication = new SpaApplication();
		spaApplication.setRedirectUris(spa);
		PublicClientApplication publicClient = new PublicClientApplication();
		publicClient.setRedirectUris(mobileDesktop);
		patch.setWeb(webApplication);
		patch.setSpa(spaApplication);
		patch.setPublicClient(publicClient);
		admin.graph().client().applications().byApplicationId(this.app.objectId()).patch(patch, GraphWrites.allowed());
	}

	private AppRef registerWithAudience(String signInAudience) {
		Application application = new Application();
		application.setDisplayName("with " + signInAudience);
		application.setSignInAudience(signInAudience);
		Application created = admin.graph().client().applications().post(application, GraphWrites.allowed());
		return new AppRef(created.getId(), created.getAppId(), created.getDisplayName());
	}

	private static List<String> numbered(String prefix, int count) {
		return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + i).toList();
	}

	private Application stored() {
		return admin.graph().client().applications().byApplicationId(this.app.objectId()).get();
	}

	private SandboxInspector server() {
		return SandboxInspector.of(target.sandbox());
	}

	private List<RecordedRequest> graphWrites() {
		return server().requests().stream().filter(RecordedRequest::graphWrite).toList();
	}

}
