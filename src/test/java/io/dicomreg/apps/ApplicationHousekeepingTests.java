package io.dicomreg.apps;

import java.util.List;
import java.nio.file.Path;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.apps.credentials.SecretService;
import io.dicomreg.apps.credentials.SecretRequest;
import io.dicomreg.config.DryRun;
import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.ExitCode;
import io.dicomreg.sandbox.SandboxInspector;
import io.dicomreg.sandbox.http.RecordedRequest;
import io.dicomreg.support.SandboxAdmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Registering idempotently, listing, resolving, selecting and deleting applications, through the
 * real Graph SDK against the sandbox.
 */
class ApplicationHousekeepingTests {

	@TempDir
	Path home;

	private ConnectionTarget target;

	private ApplicationService applications;

	private ApplicationLocator locator;

	private SandboxAdmin admin;

	@BeforeEach
	void signIn() {
		this.target = new ConnectionTarget(true, null, AzureCloud.AzureCloud, null, null);
		this.admin = SandboxAdmin.signIn(this.target, this.home);
		this.applications = this.admin.applications();
		this.locator = this.admin.locator();
	}

	@AfterEach
	void close() {
		this.target.close();
	}

	@Test
	void uniqueNameRegistrationIsAnUpsertThatChangesNothingTheSecondTime() {
		Registration first = register("DICOM client", "dicom-client", false);
		SandboxInspector.of(this.target.sandbox()).clearRequests();

		Registration second = register("DICOM client", "dicom-client", false);

		assertThat(first.changed()).isTrue();
		assertThat(second.changed()).isFalse();
		assertThat(second.application().appId()).isEqualTo(first.application().appId());
		assertThat(second.application().uniqueName()).isEqualTo("dicom-client");
		assertThat(writes()).isZero();
	}

	@Test
	void uniqueNameRegistrationUpdatesAChangedDisplayName() {
		Registration first = register("DICOM client", "dicom-client", false);

		Registration renamed = register("DICOM client (prod)", "dicom-client", false);

		assertThat(renamed.changed()).isTrue();
		assertThat(renamed.application().appId()).isEqualTo(first.application().appId());
		assertThat(renamed.application().displayName()).isEqualTo("DICOM client (prod)");
	}

	@Test
	void reRunningAnUpsertWithoutAudienceKeepsTheAudienceItHas() {
		this.applications.register(new RegistrationRequest("multi", "multi-key", Audience.MULTI_TENANT, false), DryRun.off());
		SandboxInspector.of(this.target.sandbox()).clearRequests();

		Registration again = this.applications.register(new RegistrationRequest("multi", "multi-key", null, false), DryRun.off());

		assertThat(again.changed()).isFalse();
		assertThat(again.application().signInAudience()).isEqualTo("AzureADMultipleOrgs");
		assertThat(writes()).isZero();
	}

	@Test
	void sameDisplayNameIsRefusedWithTheExistingOnesUnlessNew() {
		RegisteredApplication existing = register("DICOM client", null, false).application();
		SandboxInspector.of(this.target.sandbox()).clearRequests();

		assertThatThrownBy(() -> register("DICOM client", null, false))
			.isInstanceOfSatisfying(DicomregException.class, ex -> {
				assertThat(ex.getExitCode()).isEqualTo(ExitCode.USAGE);
				assertThat(ex.getMessage()).contains(existing.appId()).contains("app use").contains("--new");
			});
		assertThat(writes()).isZero();

		assertThat(register("DICOM client", null, true).application().appId()).isNotEqualTo(existing.appId());
	}

	@Test
	void registeringSelectsTheApplication() {
		RegisteredApplication app = register("DICOM client", null, false).application();

		assertThat(this.locator.resolve(null)).isEqualTo(app.ref());
	}

	@Test
	void listFiltersOnTheServerAndFollowsPages() {
		IntStream.range(0, 105).forEach(i -> this.applications.register("bulk-" + i));
		this.applications.register("other");
		SandboxInspector.of(this.target.sandbox()).clearRequests();

		assertThat(this.applications.list("bulk-", 999)).hasSize(105);
		assertThat(SandboxInspector.of(this.target.sandbox()).requests()).extracting(RecordedRequest::path)
			.allMatch(path -> path.contains("startswith"))
			.hasSizeGreaterThan(1);
		assertThat(this.applications.list(null, 10)).hasSize(10);
		assertThatThrownBy(() -> this.applications.list(null, 0)).hasMessage("The number of applications to list must be between 1 and 999.");
	}

	@Test
	void appIsResolvedByDisplayNameClientIdOrObjectId() {
		RegisteredApplication app = this.applications.register("DICOM client");

		assertThat(this.locator.resolve("DICOM client")).isEqualTo(app.ref());
		assertThat(this.locator.resolve(app.appId())).isEqualTo(app.ref());
		assertThat(this.locator.resolve(app.objectId())).isEqualTo(app.ref());
	}

	@Test
	void unknownOrAmbiguousAppIsAUsageError() {
		this.applications.register("twin");
		this.applications.register("twin");

		assertThatThrownBy(() -> this.locator.resolve("twin")).hasMessageStartingWith("2 applications are named 'twin'");
		assertThatThrownBy(() -> this.locator.resolve("nobody")).hasMessageContaining("No application named 'nobody'");
		assertThatThrownBy(() -> this.locator.resolve("00000000-0000-0000-0000-000000000001"))
			.hasMessageContaining("No application with client ID or object ID");
	}

	@Test
	void showOfANewApplicationHasNothingConfigured() {
		RegisteredApplication app = this.applications.register("DICOM client");

		ApplicationDetails details = this.applications.show(app.ref());

		assertThat(details.application().appId()).isEqualTo(app.appId());
		assertThat(details.publicClient()).isFalse();
		assertThat(details.redirectUris().all()).isEmpty();
		assertThat(details.secrets()).isEmpty();
		assertThat(details.certificates()).isEmpty();
		assertThat(details.permissions().permissions()).isEmpty();
	}

	@Test
	void showGivesWhatTheTutorialConfiguredByNameWithExpiryInOneReadOfTheApplication() {
		RegisteredApplication app = this.applications.register("DICOM client");
		ApplicationsGateway gateway = new ApplicationsGateway(this.admin.graph());
		new AuthenticationService(gateway).addRedirectUris(app.ref(), Platform.MOBILE_DESKTOP,
				List.of(AuthenticationService.POSTMAN_REDIRECT_URI), DryRun.off());
		new SecretService(gateway).addSecret(app.ref(), SecretRequest.withDescription("Postman"), DryRun.off());
		new PermissionService(gateway, new ApiDirectory(this.admin.graph())).addDicomScope(app.ref(), DicomApi.SCOPE,
				DryRun.off());
		SandboxInspector.of(this.target.sandbox()).clearRequests();

		ApplicationDetails details = this.applications.show(app.ref());

		assertThat(details.redirectUris().on(Platform.MOBILE_DESKTOP)).containsExactly(AuthenticationService.POSTMAN_REDIRECT_URI);
		assertThat(details.secrets()).singleElement().satisfies(secret -> {
			assertThat(secret.description()).isEqualTo("Postman");
			assertThat(secret.daysLeft()).isBetween(180L, 185L);
		});
		assertThat(details.permissions().permissions()).singleElement()
			.satisfies(permission -> assertThat(permission.describe()).isEqualTo("Dicom.ReadWrite (delegated)"));
		assertThat(SandboxInspector.of(this.target.sandbox()).requests()
			.stream().filter(request -> request.path().contains("/applications")).count()).isEqualTo(1);
	}

	@Test
	void idsGiveTheAuthorityOfTheTenant() {
		RegisteredApplication app = this.applications.register("DICOM client");

		ApplicationIds ids = this.applications.ids(app.ref());

		assertThat(ids.tenantId()).isEqualTo(this.target.sandbox().tenantId());
		assertThat(ids.authority()).isEqualTo(this.target.sandbox().authorityHost() + "/" + ids.tenantId());
	}

	@Test
	void deletingTheSelectedAppForgetsTheSelection() {
		RegisteredApplication app = register("DICOM client", null, false).application();

		this.applications.delete(app.ref(), DryRun.off());

		assertThat(SandboxInspector.of(this.target.sandbox()).tenant().applicationByAppId(app.appId())).isEmpty();
		assertThatThrownBy(() -> this.locator.resolve(null)).hasMessageContaining("No application selected");
	}

	private Registration register(String name, String uniqueName, boolean forceNew) {
		return this.applications.register(new RegistrationRequest(name, uniqueName, Audience.SINGLE_TENANT, forceNew), DryRun.off());
	}

	private long writes() {
		return SandboxInspector.of(this.target.sandbox()).requests().stream().filter(RecordedRequest::graphWrite).count();
	}

}
