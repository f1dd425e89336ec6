package io.dicomreg.it;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reliability report of several scripts on one sandbox state file, run as separate processes of the packaged
 * jar: every registration that reported success is in the tenant afterwards.
 */
class SandboxStateSharingJarIT {

	private static final int SCRIPTS = 4;

	private static final int APPLICATIONS_EACH = 10;

	@TempDir
	Path directory;

	@Test
	void parallelScriptsOnOneStateFileLoseNoRegistration() throws Exception {
		Path state = this.directory.resolve("tenant.json");
		List<Process> processes = new ArrayList<>();
		for (int s = 1; s <= SCRIPTS; s++) {
			StringBuilder script = new StringBuilder("login\n");
			for (int a = 1; a <= APPLICATIONS_EACH; a++) {
				script.append("app register --name script").append(s).append("-app").append(a).append('\n');
			}
			Path file = Files.writeString(this.directory.resolve("script" + s + ".txt"), script);
			processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-Ddicomreg.home=" + this.directory.resolve("home" + s), "-jar", System.getProperty("dicomreg.jar"),
					"--sandbox-state", state.toString(), "@" + file)
				.redirectOutput(this.directory.resolve("out" + s + ".txt").toFile())
				.redirectError(this.directory.resolve("err" + s + ".txt").toFile())
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
				.start());
		}
		for (int s = 1; s <= SCRIPTS; s++) {
			Process process = processes.get(s - 1);
			assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("script %d finished in time", s).isTrue();
			assertThat(process.exitValue()).as("script %d: %s", s,
					Files.readString(this.directory.resolve("err" + s + ".txt"), StandardCharsets.UTF_8)).isZero();
		}

		JsonNode tenant = new ObjectMapper().readTree(state.toFile());
		List<String> names = new ArrayList<>();
		tenant.path("applications").forEach((app) -> names.add(app.path("object").path("displayName").asText()));
		List<String> expected = new ArrayList<>();
		IntStream.rangeClosed(1, SCRIPTS).forEach((s) -> IntStream.rangeClosed(1, APPLICATIONS_EACH)
			.forEach((a) -> expected.add("script" + s + "-app" + a)));
		assertThat(names).containsExactlyInAnyOrderElementsOf(expected);
	}

}
