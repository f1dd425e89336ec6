package io.dicomreg.apps;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.config.Waiting;
import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.config.DryRun;
import io.dicomreg.error.DicomregException;
import io.dicomreg.sandbox.SandboxInspector;
import io.dicomreg.sandbox.http.RecordedRequest;
import io.dicomreg.support.SandboxAdmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The application's service principal through the real Graph SDK against the sandbox: made at registration as the
 * portal does, made later for apps without one, unchanged when there, and waited for while Entra ID replicates a
 * new application (the sandbox's {@code 400-unreplicated} fault answers Entra's exact refusal).
 */
class ServicePrincipalServiceTests {

	@TempDir
	Path home;

	private ConnectionTarget target;

	private SandboxAdmin admin;

	private final List<String> progress = new ArrayList<>();

	@BeforeEach
	void signIn() {
		this.target = new ConnectionTarget(true, null, AzureCloud.AzureCloud, null, null);
		this.admin = SandboxAdmin.signIn(this.target, this.home);
	}

	@AfterEach
	void close() {
		this.target.close();
	}

	@Test
	void registeringMakesTheServicePrincipalAsThePortalDoes() {
		Registration registration = this.admin.applications()
			.register(new RegistrationRequest("portal-like", null, Audience.SINGLE_TENANT, true), DryRun.off());

		assertThat(registration.servicePrincipal().changed()).isTrue();
		String objectId = registration.servicePrincipal().servicePrincipal().objectId();
		assertThat(inspector().tenant().servicePrincipalByAppId(registration.application().appId()))
			.hasValueSatisfying(sp -> assertThat(sp.path("id").asText()).isEqualTo(objectId));
		assertThat(objectId).isNotEqualTo(registration.application().objectId());
		assertThat(this.admin.applications().show(registration.application().ref()).servicePrincipal().objectId())
			.isEqualTo(objectId);
	}

	@Test
	void anAppWithoutOneGetsItOnceAndTheRerunChangesNothing() {
		RegisteredApplication app = this.admin.registerWithoutServicePrincipal("no-sp");
		assertThat(inspector().tenant().servicePrincipalByAppId(app.appId())).isEmpty();
		assertThat(this.admin.applications().show(app.ref()).servicePrincipal()).isNull();

		ServicePrincipalOutcome first = service(realTime()).create(app.ref(), DryRun.off());
		inspector().clearRequests();
		ServicePrincipalOutcome second = service(realTime()).create(app.ref(), DryRun.off());

		assertThat(first.changed()).isTrue();
		assertThat(first.attempts()).isEqualTo(1);
		assertThat(second.changed()).isFalse();
		assertThat(second.note()).startsWith("No change: 'no-sp' has its service principal already (object ID "
				+ first.servicePrincipal().objectId());
		assertThat(writes()).isZero();
	}

	@Test
	void aDryRunPlansItAndWritesNothing() {
		RegisteredApplication app = this.admin.registerWithoutServicePrincipal("dry");
		DryRun plan = DryRun.planning();
		inspector().clearRequests();

		ServicePrincipalOutcome outcome = service(realTime()).create(app.ref(), plan);

		assertThat(outcome.changed()).isTrue();
		assertThat(outcome.servicePrincipal()).isNull();
		assertThat(writes()).isZero();
		assertThat(inspector().tenant().servicePrincipalByAppId(app.appId())).isEmpty();
	}

	@Test
	void aConflictBecauseItAppearedMeanwhileIsUnchanged() {
		RegisteredApplication app = this.admin.registerWithoutServicePrincipal("raced");
		this.admin.createServicePrincipal(app.appId());
		// The lookup misses (a replica that has not seen it), so the POST meets Graph's 409.
		inspector().injectFault("GET", "/v1.0/servicePrincipals(appId=", 404, 1, null);

		ServicePrincipalOutcome outcome = service(realTime()).create(app.ref(), DryRun.off());

		assertThat(outcome.changed()).isFalse();
		assertThat(outcome.servicePrincipal().appId()).isEqualTo(app.appId());
		assertThat(inspector().requests()).filteredOn(r -> r.status() == 409).hasSize(1);
	}

	@Test
	void aNewAppIsWaitedForWithAProgressLineWhileItReplicates() {
		inspector().injectFaults("POST /v1.0/servicePrincipals 400-unreplicated for=1500ms");

		Registration registration = this.admin.applicationsWith(service(realTime()))
			.register(new RegistrationRequest("replicating", null, null, true), DryRun.off());

		assertThat(registration.servicePrincipal().attempts()).isGreaterThan(1);
		assertThat(registration.servicePrincipal().changed()).isTrue();
		assertThat(this.progress).isNotEmpty().allSatisfy(line -> assertThat(line)
			.startsWith("Entra ID is still replicating the new application; asking again for its service principal in "));
		assertThat(inspector().requests()).filteredOn(r -> r.status() == 400).isNotEmpty();
	}

	@Test
	void anAppThatNeverReplicatesFailsInOneLineSayingWhatToRunLater() {
		inspector().injectFaults("POST /v1.0/servicePrincipals 400-unreplicated for=60m");
		RegisteredApplication app = this.admin.registerWithoutServicePrincipal("stuck");
		FakeTime time = new FakeTime();

		assertThatThrownBy(() -> service(time).create(app.ref(), DryRun.off()))
			.isInstanceOf(DicomregException.class)
			.hasMessageStartingWith("Creating the service principal of 'stuck' failed: Entra ID still does not see the new "
					+ "application after ")
			.hasMessageContaining("(Request_BadRequest: The appId '" + app.appId() + "' of the service principal does not "
					+ "reference a valid application object. (request-id: ")
			.hasMessageEndingWith("The application is registered; run 'app sp create --app " + app.appId()
					+ "' in a few minutes.")
			.satisfies(ex -> assertThat(ex.getMessage()).doesNotContain("\n"));
		assertThat(time.waited).isLessThanOrEqualTo(ServicePrincipalService.REPLICATION_LIMIT)
			.isGreaterThan(ServicePrincipalService.REPLICATION_LIMIT.minusSeconds(20));
		assertThat(this.progress).hasSizeGreaterThan(5);
		assertThat(inspector().tenant().servicePrincipalByAppId(app.appId())).isEmpty();
	}

	private ServicePrincipalService service(Waiting waiting) {
		return new ServicePrincipalService(new ServicePrincipalsGateway(this.admin.graph()), waiting, this.progress::add);
	}

	private static Waiting realTime() {
		return Waiting.realTime();
	}

	private SandboxInspector inspector() {
		return SandboxInspector.of(this.target.sandbox());
	}

	private long writes() {
		return inspector().requests().stream().filter(RecordedRequest::graphWrite).count();
	}

	/** Time that passes only by pausing. */
	private static final class FakeTime implements Waiting {

		private Duration waited = Duration.ZERO;

		@Override
		public Clock clock() {
			return Clock.fixed(Instant.EPOCH.plus(this.waited), ZoneOffset.UTC);
		}

		@Override
		public void pause(Duration duration) {
			this.waited = this.waited.plus(duration);
		}

	}

}
