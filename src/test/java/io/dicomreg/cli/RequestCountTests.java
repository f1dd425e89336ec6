package io.dicomreg.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.support.TestShell;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --verbose} prints how many requests a command sent, and the counts are the requests the
 * sandbox served (counted in its request log): a one-shot command whose access tokens are cached
 * sends no token request, and one whose cached token has expired sends exactly one (the refresh).
 */
class RequestCountTests {

	@TempDir
	Path directory;

	private Path log;

	private TestShell shell;

	private TestShell verbose;

	@BeforeEach
	void signInAndRegister() {
		this.log = this.directory.resolve("requests.log");
		String state = this.directory.resolve("tenant.json").toString();
		Path home = this.directory.resolve("home");
		this.shell = new TestShell(home, "--sandbox-state", state, "--sandbox-log", this.log.toString());
		this.verbose = new TestShell(home, "--verbose", "--sandbox-state", state, "--sandbox-log", this.log.toString());
		assertThat(this.shell.run("login").exitCode()).isZero();
		assertThat(this.shell.run("app", "register", "--name", "Counted").exitCode()).isZero();
		// app show reads the DICOM roles too: its ARM token is cached from here on.
		assertThat(this.shell.run("app", "show").exitCode()).isZero();
	}

	@Test
	void verbosePrintsTheRequestsTheSandboxServedAndACachedTokenCostsNone() throws IOException {
		int before = served().size();

		TestShell.Result show = this.verbose.run("app", "show");

		List<String> requests = served().subList(before, served().size());
		assertThat(show.exitCode()).as(show.err()).isZero();
		assertThat(count(requests, "/v1.0/")).isPositive();
		assertThat(count(requests, "/subscriptions")).isPositive();
		assertThat(tokenRequests(requests)).isZero();
		assertThat(show.err()).contains("Requests: " + count(requests, "/v1.0/") + " to Microsoft Graph, "
				+ count(requests, "/subscriptions") + " to Azure Resource Manager, 0 for tokens.");
		assertThat(requests).hasSize((int) (count(requests, "/v1.0/") + count(requests, "/subscriptions")));
	}

	@Test
	void anExpiredAccessTokenCostsOneRefresh() throws IOException {
		expireTheArmToken();
		int before = served().size();

		TestShell.Result show = this.verbose.run("app", "show");

		List<String> requests = served().subList(before, served().size());
		assertThat(show.exitCode()).as(show.err()).isZero();
		assertThat(tokenRequests(requests)).isEqualTo(1);
		assertThat(show.err()).contains(" to Azure Resource Manager, 1 for tokens.");
	}

	@Test
	void withoutVerboseNoCountIsPrinted() {
		TestShell.Result show = this.shell.run("app", "show");
		assertThat(show.exitCode()).isZero();
		assertThat(show.all()).doesNotContain("Requests:");
	}

	private List<String> served() throws IOException {
		return Files.readAllLines(this.log);
	}

	private static long count(List<String> requests, String pathPrefix) {
		return requests.stream().filter(line -> line.split(" ")[2].startsWith(pathPrefix)).count();
	}

	private static long tokenRequests(List<String> requests) {
		return requests.stream().filter(line -> line.split(" ")[2].matches(".*/oauth2/(v2\\.0/)?token.*")).count();
	}

	/** Makes MSAL's cached ARM access token expired, as an hour later; its refresh token stays. */
	private void expireTheArmToken() throws IOException {
		ObjectMapper json = new ObjectMapper();
		try (Stream<Path> files = Files.list(this.directory.resolve("home").resolve("cache"))) {
			for (Path file : files.filter(path -> path.toString().endsWith(".json")).toList()) {
				ObjectNode cache = (ObjectNode) json.readTree(file.toFile());
				String past = Long.toString(Instant.now().minusSeconds(60).getEpochSecond());
				cache.path("AccessToken").forEach(token -> {
					if (token.path("target").asText().contains("management")) {
						((ObjectNode) token).put("expires_on", past).put("extended_expires_on", past);
					}
				});
				json.writeValue(file.toFile(), cache);
			}
		}
	}

}
