package io.dicomreg.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lines of the request log file, and what happens when it cannot be written.
 */
class RequestLogFileTests {

	private static final Instant NOW = Instant.parse("2026-11-27T08:10:01.999Z");

	@TempDir
	Path directory;

	@Test
	void graphLinesKeepTheirQueryAndWritesEndWithTheMarker() {
		assertThat(RequestLogFile.line(NOW, request("GET", "/v1.0/applications", "$filter=appId%20eq%20'x'"), 200, null))
			.isEqualTo("2026-11-27T08:10:01Z GET /v1.0/applications?$filter=appId%20eq%20'x' 200");
		assertThat(RequestLogFile.line(NOW, request("POST", "/v1.0/applications", null), 201, RequestLogFile.GRAPH_WRITE))
			.isEqualTo("2026-11-27T08:10:01Z POST /v1.0/applications 201 graph-write");
	}

	@Test
	void armLinesKeepTheirQueryAndWritesEndWithTheirMarker() {
		String assignment = "/subscriptions/s/providers/Microsoft.Authorization/roleAssignments/a";
		assertThat(RequestLogFile.line(NOW, request("GET", "/subscriptions", "api-version=2022-12-01"), 200, null))
			.isEqualTo("2026-11-27T08:10:01Z GET /subscriptions?api-version=2022-12-01 200");
		assertThat(RequestLogFile.line(NOW, request("PUT", assignment, "api-version=2022-04-01"), 201,
				RequestLogFile.ARM_WRITE))
			.isEqualTo("2026-11-27T08:10:01Z PUT " + assignment + "?api-version=2022-04-01 201 arm-write");
	}

	@Test
	void dicomLinesKeepTheirQueryAndStoresEndWithTheirMarker() {
		String service = "/dicom/contosohealth-dicom1";
		assertThat(RequestLogFile.line(NOW, request("GET", service + "/v2/changefeed", "offset=5&limit=10"), 200, null))
			.isEqualTo("2026-11-27T08:10:01Z GET " + service + "/v2/changefeed?offset=5&limit=10 200");
		assertThat(RequestLogFile.line(NOW, request("POST", service + "/v2/studies", null), 200,
				RequestLogFile.DICOM_WRITE))
			.isEqualTo("2026-11-27T08:10:01Z POST " + service + "/v2/studies 200 dicom-write");
	}

	@Test
	void signInLinesDropTheQueryString() {
		assertThat(RequestLogFile.line(NOW, request("GET", "/organizations/oauth2/v2.0/authorize",
				"client_id=x&code=secret-code&state=s"), 200, null))
			.isEqualTo("2026-11-27T08:10:01Z GET /organizations/oauth2/v2.0/authorize 200");
	}

	@Test
	void nonAsciiAndControlCharactersArePercentEncoded() {
		assertThat(RequestLogFile.line(NOW, request("GET", "/v1.0/applications(uniqueName='é\tb')", null), 404, null))
			.isEqualTo("2026-11-27T08:10:01Z GET /v1.0/applications(uniqueName='%C3%A9%09b') 404");
	}

	@Test
	void aFailedWriteIsReportedOnceAndNeverThrown() throws Exception {
		Path log = this.directory.resolve("sandbox.log");
		List<String> warnings = new ArrayList<>();
		RequestLogFile file = RequestLogFile.open(log, Clock.fixed(NOW, ZoneOffset.UTC), warnings::add);
		Files.delete(log);
		Files.createDirectory(log);

		file.append(request("POST", "/v1.0/applications", null), 201, RequestLogFile.GRAPH_WRITE);
		file.append(request("POST", "/v1.0/applications", null), 201, RequestLogFile.GRAPH_WRITE);

		assertThat(warnings).singleElement().asString()
			.startsWith("Warning: cannot write the sandbox log " + log + " (")
			.endsWith("); the sandbox keeps answering, and this warning is not repeated.")
			.doesNotContain("\n");
	}

	@Test
	void linesFromTwoLogsOnOneFileAreAppendedWhole() throws Exception {
		Path log = this.directory.resolve("sandbox.log");
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
		RequestLogFile first = RequestLogFile.open(log, clock, (warning) -> { });
		RequestLogFile second = RequestLogFile.open(log, clock, (warning) -> { });

		first.append(request("GET", "/v1.0/me", null), 200, null);
		second.append(request("DELETE", "/v1.0/applications/1", null), 204, RequestLogFile.GRAPH_WRITE);

		assertThat(Files.readString(log, StandardCharsets.UTF_8)).isEqualTo("""
				2026-11-27T08:10:01Z GET /v1.0/me 200
				2026-11-27T08:10:01Z DELETE /v1.0/applications/1 204 graph-write
				""");
	}

	private static SandboxRequest request(String method, String path, String rawQuery) {
		return SandboxRequest.of(method, path, rawQuery, Map.of(), new byte[0]);
	}

}
