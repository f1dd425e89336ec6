package io.dicomreg.sandbox;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paths nobody serves get JSON a client can read, never an HTML page or an empty body: Graph's own errors under
 * /v1.0, a JSON 404 naming what the sandbox serves anywhere else.
 */
@ExtendWith(SandboxExtension.class)
class UnknownPathTests {

	@Test
	void unknownGraphPathsAnswerGraphsErrors(Sandbox server) {
		GraphFixture graph = new GraphFixture(server);
		String id = graph.createApplication("has no owners segment").path("id").asText();
		SandboxHttp http = graph.http();
		GraphApplicationsTests.assertGraphError(http.get("/v1.0/applications/" + id + "/owners", graph.token()), 400,
				"BadRequest", "Resource not found for the segment 'owners'.");
		GraphApplicationsTests.assertGraphError(http.get("/v1.0/groups", graph.token()), 400, "BadRequest",
				"Resource not found for the segment 'groups'.");
		String missing = UUID.randomUUID().toString();
		GraphApplicationsTests.assertGraphError(http.get("/v1.0/applications/" + missing, graph.token()), 404,
				"Request_ResourceNotFound", "Resource '" + missing
						+ "' does not exist or one of its queried reference-property objects are not present.");
	}

	@Test
	void pathsOutsideEveryServiceAnswerAJson404(Sandbox server) {
		SandboxHttp http = new SandboxHttp(server);
		for (String path : List.of("/", "/beta/applications", "/favicon.ico",
				"/" + server.tenantId() + "/oauth2/v2.0/unknown", "/" + server.tenantId() + "/oauth2/authorize")) {
			SandboxHttp.Response response = http.get(path, null);
			assertThat(response.status()).as(path).isEqualTo(404);
			assertThat(response.header("Content-Type")).as(path).startsWith("application/json");
			assertThat(response.errorCode()).isEqualTo("NotFound");
			assertThat(response.errorMessage()).contains("GET " + path).contains("/v1.0/")
				.contains("oauth2/v2.0/token");
		}
	}

}
