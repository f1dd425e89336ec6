package io.dicomreg.sandbox;

import java.io.EOFException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;

import com.microsoft.graph.models.Application;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import org.junit.jupiter.api.Test;

import io.dicomreg.sandbox.http.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Faults chosen with the fault switch (the SPEC of {@code --sandbox-faults}), each seen through the real Graph SDK.
 */
class SandboxFaultsTests {

	private final MutableClock clock = new MutableClock();

	@Test
	void throttledWriteIsRetriedByTheSdkAfterRetryAfter() {
		try (Sandbox server = start("POST /v1.0/applications 429 times=2 retry-after=1")) {
			GraphServiceClient graph = graph(server, Duration.ofSeconds(30));
			long started = System.nanoTime();
			Application created = graph.applications().post(application("throttled"));
			long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
			assertThat(created.getAppId()).isNotBlank();
			assertThat(elapsedMillis).isGreaterThanOrEqualTo(2000);
			assertThat(statuses(server, "POST")).containsExactly(429, 429, 201);
			assertThat(SandboxInspector.of(server).tenant().applications()).hasSize(1);
		}
	}

	@Test
	void unavailableAndGatewayTimeoutAreRetriedToo() {
		try (Sandbox server = start("POST /v1.0/applications 503 retry-after=0; GET /v1.0/applications 504 retry-after=0")) {
			GraphServiceClient graph = graph(server, Duration.ofSeconds(30));
			graph.applications().post(application("unavailable once"));
			assertThat(graph.applications().get().getValue()).hasSize(1);
			assertThat(statuses(server, "POST")).containsExactly(503, 201);
			assertThat(statuses(server, "GET")).containsExactly(504, 200);
		}
	}

	@Test
	void serverErrorIsNotRetriedAndReachesTheCaller() {
		try (Sandbox server = start("GET /v1.0/applications 500")) {
			GraphServiceClient graph = graph(server, Duration.ofSeconds(30));
			assertThatExceptionOfType(ODataError.class).isThrownBy(() -> graph.applications().get())
				.satisfies((error) -> assertThat(error.getResponseStatusCode()).isEqualTo(500));
			assertThat(graph.applications().get().getValue()).isEmpty();
		}
	}

	@Test
	void resetConnectionFailsTheCallWithoutAnAnswerAndChangesNothing() {
		try (Sandbox server = start("POST /v1.0/applications reset")) {
			GraphServiceClient graph = graph(server, Duration.ofSeconds(30));
			assertThatThrownBy(() -> graph.applications().post(application("reset")))
				.hasRootCauseInstanceOf(EOFException.class)
				.hasMessageContaining("unexpected end of stream");
			assertThat(SandboxInspector.of(server).tenant().applications()).isEmpty();
			graph.applications().post(application("after the reset"));
			assertThat(statuses(server, "POST")).containsExactly(0, 201);
			assertThat(SandboxInspector.of(server).tenant().applications()).hasSize(1);
		}
	}

	@Test
	void delayPastTheClientsTimeoutIsATimeoutThenTheNextCallSucceeds() {
		try (Sandbox server = start("GET /v1.0/applications delay for=3s")) {
			GraphServiceClient graph = graph(server, Duration.ofSeconds(1));
			long started = System.nanoTime();
			assertThatThrownBy(() -> graph.applications().get()).hasCauseInstanceOf(SocketTimeoutException.class);
			assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2900);
			assertThat(graph.applications().get().getValue()).isEmpty();
		}
	}

	@Test
	void freshObjectIsNotFoundForAWhileThenFound() {
		try (Sandbox server = start("GET /v1.0/applications 404-fresh for=5s")) {
			GraphServiceClient graph = graph(server, Duration.ofSeconds(30));
			Application created = graph.applications().post(application("fresh"));
			assertThatExceptionOfType(ODataError.class)
				.isThrownBy(() -> graph.applications().byApplicationId(created.getId()).get())
				.satisfies((error) -> {
					assertThat(error.getResponseStatusCode()).isEqualTo(404);
					assertThat(error.getError().getCode()).isEqualTo("Request_ResourceNotFound");
				});
			assertThatExceptionOfType(ODataError.class)
				.isThrownBy(() -> graph.applicationsWithAppId(created.getAppId()).get());
			this.clock.advance(Duration.ofSeconds(4));
			assertThatExceptionOfType(ODataError.class)
				.isThrownBy(() -> graph.applications().byApplicationId(created.getId()).get());
			this.clock.advance(Duration.ofSeconds(2));
			assertThat(graph.applications().byApplicationId(created.getId()).get().getDisplayName()).isEqualTo("fresh");
			assertThat(graph.applicationsWithAppId(created.getAppId()).get().getId()).isEqualTo(created.getId());
		}
	}

	@Test
	void inspectorAddsFaultsWithTheSameSwitch() {
		try (Sandbox server = Sandbox.start(null, this.clock)) {
			SandboxInspector.of(server).injectFaults("GET /v1.0/organization 503 retry-after=0");
			GraphServiceClient graph = graph(server, Duration.ofSeconds(30));
			assertThat(graph.organization().get().getValue()).hasSize(1);
			assertThat(statuses(server, "GET")).containsExactly(503, 200);
		}
	}

	@Test
	void badSpecIsOneLineNamingTheRule() {
		assertThatIllegalArgumentException().isThrownBy(() -> Sandbox.Faults.parse("POST /v1.0/applications 42"))
			.withMessage("rule 'POST /v1.0/applications 42': unknown fault '42' (use a status from 400 to 599, reset, "
					+ "delay, 404-fresh, 400-unreplicated or kill)");
		assertThatIllegalArgumentException().isThrownBy(() -> Sandbox.Faults.parse("FETCH /v1.0 429"))
			.withMessage("rule 'FETCH /v1.0 429': unknown method 'FETCH' (use GET, POST, PATCH, PUT, DELETE, WRITE or *)");
		assertThatIllegalArgumentException().isThrownBy(() -> Sandbox.Faults.parse("WRITE /v1.0/ kill skip=-1"))
			.withMessage("rule 'WRITE /v1.0/ kill skip=-1': skip must be a whole number from 0");
		assertThatIllegalArgumentException().isThrownBy(() -> Sandbox.Faults.parse("GET v1.0 429"))
			.withMessage("rule 'GET v1.0 429': the path must start with '/'");
		assertThatIllegalArgumentException().isThrownBy(() -> Sandbox.Faults.parse("GET /v1.0 429 times=0"))
			.withMessage("rule 'GET /v1.0 429 times=0': times must be a whole number from 1, or all");
		assertThatIllegalArgumentException().isThrownBy(() -> Sandbox.Faults.parse("GET /v1.0 delay for=soon"))
			.withMessage("rule 'GET /v1.0 delay for=soon': for must be a duration such as 500ms, 5s or 2m");
		assertThatIllegalArgumentException().isThrownBy(() -> Sandbox.Faults.parse("GET /v1.0 reset retry-after=1"))
			.withMessage("rule 'GET /v1.0 reset retry-after=1': retry-after applies to a status only");
		assertThatIllegalArgumentException().isThrownBy(() -> Sandbox.Faults.parse("GET /v1.0\n429 colour=red"))
			.withMessage("rule 'GET /v1.0 429 colour=red': unknown option 'colour' (use times, skip, retry-after or for)");
		assertThatIllegalArgumentException().isThrownBy(() -> Sandbox.Faults.parse("GET /v1.0"))
			.withMessage("rule 'GET /v1.0': expected METHOD PATH FAULT [OPTION...], e.g. 'POST /v1.0/applications 429 "
					+ "times=2'");
		assertThatIllegalArgumentException().isThrownBy(() -> Sandbox.Faults.parse(" ; "))
			.withMessage("no rule given; expected METHOD PATH FAULT [OPTION...], e.g. 'POST /v1.0/applications 429 "
					+ "times=2'");
	}

	private Sandbox start(String spec) {
		return Sandbox.start(null, this.clock, null, Sandbox.Faults.parse(spec));
	}

	private static GraphServiceClient graph(Sandbox server, Duration readTimeout) {
		String token = SandboxTokens.adminGraphToken(server);
		SandboxInspector.of(server).clearRequests();
		return GraphSdkWireCompatibilityTests.graphClient(server, token, readTimeout);
	}

	private static Application application(String displayName) {
		Application application = new Application();
		application.setDisplayName(displayName);
		return application;
	}

	private static List<Integer> statuses(Sandbox server, String method) {
		return SandboxInspector.of(server).requests().stream()
			.filter((request) -> request.method().equals(method))
			.map(RecordedRequest::status)
			.toList();
	}

}
