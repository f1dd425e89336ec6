package io.dicomreg.sandbox;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.sandbox.http.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The request log file: one line per served request, Graph writes marked, nothing secret written.
 */
class SandboxRequestLogFileTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T08:10:01.250Z"), ZoneOffset.UTC);

	@TempDir
	Path directory;

	@Test
	void everyRequestIsAppendedAsOneLineWithGraphWritesMarked() throws Exception {
		Path log = Files.writeString(this.directory.resolve("sandbox.log"), "an earlier run\n");
		try (Sandbox server = Sandbox.start(null, CLOCK, log)) {
			String token = SandboxTokens.adminGraphToken(server);
			SandboxHttp http = new SandboxHttp(server);
			String id = http.post("/v1.0/applications", token, Map.of("displayName", "logged")).json().path("id").asText();
			http.get("/v1.0/applications?$top=1", token);
			http.patch("/v1.0/applications/" + id, token, Map.of("displayName", "renamed"));
			http.delete("/v1.0/applications/" + id, token);
			String tokenPath = "/" + server.tenantId() + "/oauth2/v2.0/";

			assertThat(Files.readAllLines(log)).containsExactly("an earlier run",
					"2026-11-27T08:10:01Z POST " + tokenPath + "devicecode 200",
					"2026-11-27T08:10:01Z POST " + tokenPath + "token 200",
					"2026-11-27T08:10:01Z POST /v1.0/applications 201 graph-write",
					"2026-11-27T08:10:01Z GET /v1.0/applications?$top=1 200",
					"2026-11-27T08:10:01Z PATCH /v1.0/applications/" + id + " 204 graph-write",
					"2026-11-27T08:10:01Z DELETE /v1.0/applications/" + id + " 204 graph-write");
		}
	}

	@Test
	void signInQueryStringsBodiesAndTokensAreNeverWritten() throws Exception {
		Path log = this.directory.resolve("sandbox.log");
		try (Sandbox server = Sandbox.start(null, CLOCK, log)) {
			JsonNode signIn = SandboxTokens.deviceCode(server, SandboxDirectory.GRAPH_CLI_APP_ID,
					SandboxTokens.ADMIN_GRAPH_SCOPES);
			GraphFixture graph = new GraphFixture(server);
			JsonNode daemon = graph.createDaemonApplication("daemon");
			String secret = graph.addPassword(daemon.path("id").asText()).path("secretText").asText();
			String appToken = SandboxTokens.clientSecret(server, daemon.path("appId").asText(), secret,
					"https://graph.microsoft.com/.default").json().path("access_token").asText();
			String authorizePath = "/" + server.tenantId() + "/oauth2/v2.0/authorize";
			new SandboxHttp(server).send(HttpRequest.newBuilder(URI.create(server.authorityHost() + authorizePath
					+ "?client_id=" + SandboxDirectory.GRAPH_CLI_APP_ID + "&response_type=code&response_mode=form_post"
					+ "&state=state-value-42&nonce=nonce-value-42&code_challenge_method=plain"
					+ "&code_challenge=challenge-value-42&redirect_uri=http%3A%2F%2Flocalhost%3A54321&scope=openid"))
				.GET());
			String ownerSecret = SandboxInspector.of(server).ownerSecret();
			new SandboxHttp(server).postForm(server.authorityHost() + authorizePath,
					Map.of("client_id", SandboxDirectory.GRAPH_CLI_APP_ID, "response_type", "code", "response_mode",
							"form_post", "redirect_uri", "http://localhost:54321", "scope", "openid", "owner_secret",
							ownerSecret));
			new SandboxHttp(server).postForm(server.authorityHost() + "/devicelogin", Map.of("user_code", "ABCDEFGHJ",
					"owner_secret", ownerSecret));

			String written = Files.readString(log);
			assertThat(written).contains("GET " + authorizePath + " 200\n")
				.contains("POST " + authorizePath + " 200\n")
				.contains("POST /devicelogin 400\n")
				.doesNotContain(ownerSecret, "owner_secret", "ABCDEFGHJ")
				.contains("POST /v1.0/applications/" + daemon.path("id").asText() + "/addPassword 200 graph-write")
				.doesNotContain(secret, appToken, signIn.path("access_token").asText(),
						signIn.path("refresh_token").asText(), "client_id", "device_code", "state-value-42",
						"nonce-value-42", "challenge-value-42", "Bearer", "displayName");
			assertThat(written.lines()).allMatch((line) -> line.matches("\\S+ [A-Z]+ /\\S* \\d{3}( graph-write)?"));
		}
	}

	@Test
	void spacesAndLineBreaksInAPathCannotSplitOrForgeALine() throws Exception {
		Path log = this.directory.resolve("sandbox.log");
		try (Sandbox server = Sandbox.start(null, CLOCK, log)) {
			SandboxHttp http = new SandboxHttp(server);
			http.get("/v1.0/applications(uniqueName='a%20b')", null);
			http.get("/v1.0/x%0A2026-11-27T08:10:01Z%20POST%20/v1.0/applications%20201%20graph-write", null);

			assertThat(Files.readAllLines(log)).containsExactly(
					"2026-11-27T08:10:01Z GET /v1.0/applications(uniqueName='a%20b') 401",
					"2026-11-27T08:10:01Z GET /v1.0/x%0A2026-11-27T08:10:01Z%20POST%20/v1.0/applications%20201%20graph-write 400");
		}
	}

	@Test
	void missingLogFileIsCreatedOwnerOnlyWhenTheServerStarts() throws Exception {
		Path log = this.directory.resolve("new.log");
		try (Sandbox server = Sandbox.start(null, CLOCK, log)) {
			assertThat(log).exists().isEmptyFile();
			if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
				assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
			}
		}
	}

	@Test
	void unwritableLogFileStopsTheStartWithTheReason() {
		Path log = this.directory.resolve("no-such-directory").resolve("sandbox.log");
		assertThatThrownBy(() -> Sandbox.start(null, CLOCK, log)).isInstanceOf(UncheckedIOException.class)
			.hasMessage("Cannot write the sandbox log " + log + " (its directory does not exist).");
	}

	@Test
	void aLogThatCanNoLongerBeWrittenDoesNotChangeTheAnswers() throws Exception {
		Path log = this.directory.resolve("sandbox.log");
		try (Sandbox server = Sandbox.start(null, CLOCK, log)) {
			Files.delete(log);
			Files.createDirectory(log);
			String token = SandboxTokens.adminGraphToken(server);
			SandboxHttp.Response created = new SandboxHttp(server).post("/v1.0/applications", token,
					Map.of("displayName", "unlogged"));

			assertThat(created.status()).isEqualTo(201);
			assertThat(SandboxInspector.of(server).requests()).map(RecordedRequest::graphWrite).containsExactly(false, false, true);
			assertThat(log).isEmptyDirectory();
		}
	}

	@Test
	void clearingTheRequestsInMemoryKeepsTheFile() throws Exception {
		Path log = this.directory.resolve("sandbox.log");
		try (Sandbox server = Sandbox.start(null, CLOCK, log)) {
			new SandboxHttp(server).get("/v1.0/organization", null);
			SandboxInspector.of(server).clearRequests();

			assertThat(SandboxInspector.of(server).requests()).isEmpty();
			assertThat(Files.readAllLines(log)).hasSize(1);
		}
	}

}
