package io.dicomreg.graph;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.sandbox.SandboxInspector;
import io.dicomreg.sandbox.http.RecordedRequest;
import io.dicomreg.support.SandboxAdmin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Graph client dicomreg builds keeps Graph's retry handler.
 */
class GraphClientProviderTests {

	@TempDir
	Path home;

	private ConnectionTarget target;

	private SandboxAdmin admin;

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
	void throttledRequestIsRetriedAfterRetryAfter() {
		SandboxInspector.of(this.target.sandbox()).injectFault("POST", "/v1.0/applications", 429, 1, Duration.ofSeconds(1));
		SandboxInspector.of(this.target.sandbox()).clearRequests();

		assertThat(this.admin.register("retried").displayName()).isEqualTo("retried");

		assertThat(SandboxInspector.of(this.target.sandbox()).requests()).filteredOn(RecordedRequest::graphWrite)
			.filteredOn(request -> request.path().equals("/v1.0/applications"))
			.extracting(RecordedRequest::status)
			.containsExactly(429, 201);
	}

}
