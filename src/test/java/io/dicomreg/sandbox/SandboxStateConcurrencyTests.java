package io.dicomreg.sandbox;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Several processes on one state file: every write they were told succeeded is in the tenant afterwards, and a lock
 * held too long by another process is one clear line naming the file.
 */
class SandboxStateConcurrencyTests {

	private static final int PROCESSES = 4;

	private static final int APPLICATIONS_EACH = 10;

	@TempDir
	Path directory;

	@Test
	void processesWritingOneExistingStateFileAtOnceLoseNoWrite() throws Exception {
		Path stateFile = this.directory.resolve("tenant.json");
		try (Sandbox server = Sandbox.start(stateFile)) {
			new GraphFixture(server).createApplication("before");
		}

		List<String> tenants = runWriters(stateFile);

		try (Sandbox server = Sandbox.start(stateFile)) {
			assertThat(tenants).containsOnly("tenant " + server.tenantId());
			assertThat(SandboxInspector.of(server).tenant().applications())
				.extracting((application) -> application.path("displayName").asText())
				.containsExactlyInAnyOrderElementsOf(expectedNames("before"));
		}
	}

	@Test
	void stateFileLockedByAnotherProcessIsRefusedAfterTheWaitInOneLine() throws Exception {
		Path stateFile = this.directory.resolve("tenant.json");
		try (Sandbox server = Sandbox.start(stateFile)) {
			new GraphFixture(server).createApplication("before");
		}
		Process holder = holdLock(stateFile);
		try {
			assertThatExceptionOfType(Sandbox.StateException.class)
				.isThrownBy(() -> Sandbox.start(stateFile, Clock.systemUTC(), null, Duration.ofMillis(300)))
				.withMessage("Sandbox state file " + stateFile + " is in use: another process held its lock "
						+ stateFile + ".lock for more than 300 ms. Try again when it is done.");
		}
		finally {
			release(holder);
		}
		try (Sandbox server = Sandbox.start(stateFile, Clock.systemUTC(), null, Duration.ofMillis(300))) {
			assertThat(SandboxInspector.of(server).tenant().applications()).hasSize(1);
		}
	}

	@Test
	void requestWhileAnotherProcessHoldsTheLockIsAnErrorNamingTheStateFile() throws Exception {
		Path stateFile = this.directory.resolve("tenant.json");
		try (Sandbox server = Sandbox.start(stateFile, Clock.systemUTC(), null, Duration.ofMillis(300))) {
			GraphFixture graph = new GraphFixture(server);
			Process holder = holdLock(stateFile);
			SandboxHttp.Response response;
			try {
				response = graph.http().post("/v1.0/applications", graph.token(), Map.of("displayName", "blocked"));
			}
			finally {
				release(holder);
			}
			assertThat(response.status()).isEqualTo(500);
			assertThat(response.json().path("error").path("message").asText())
				.isEqualTo("Sandbox state file " + stateFile + " is in use: another process held its lock "
						+ stateFile + ".lock for more than 300 ms. Try again when it is done.");
			assertThat(graph.http().post("/v1.0/applications", graph.token(), Map.of("displayName", "later")).status())
				.isEqualTo(201);
		}
	}

	private static Process holdLock(Path stateFile) throws Exception {
		Process holder = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
				StateLockHolder.class.getName(), stateFile + ".lock")
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		String line = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))
			.readLine();
		assertThat(line).isEqualTo("locked");
		return holder;
	}

	private static void release(Process holder) throws Exception {
		holder.getOutputStream().close();
		if (!holder.waitFor(30, TimeUnit.SECONDS)) {
			holder.destroyForcibly();
		}
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static List<String> expectedNames(String... more) {
		List<String> names = new ArrayList<>(List.of(more));
		IntStream.rangeClosed(1, PROCESSES)
			.forEach((p) -> IntStream.rangeClosed(1, APPLICATIONS_EACH).forEach((i) -> names.add("writer" + p + "-" + i)));
		return names;
	}

	/** Starts the writers, lets them all go at once, and answers what each printed. */
	private List<String> runWriters(Path stateFile) throws Exception {
		Path startSignal = this.directory.resolve("go");
		String java = java();
		List<Process> processes = new ArrayList<>();
		List<Path> outputs = new ArrayList<>();
		for (int p = 1; p <= PROCESSES; p++) {
			Path out = this.directory.resolve("writer" + p + ".out");
			Path err = this.directory.resolve("writer" + p + ".err");
			outputs.add(out);
			processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
					StateFileWriter.class.getName(), stateFile.toString(), startSignal.toString(), "writer" + p,
					Integer.toString(APPLICATIONS_EACH))
				.redirectOutput(out.toFile())
				.redirectError(err.toFile())
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
				.start());
		}
		for (int p = 1; p <= PROCESSES; p++) {
			Path ready = Path.of(startSignal + ".writer" + p);
			for (int wait = 0; wait < 600 && !Files.exists(ready) && processes.get(p - 1).isAlive(); wait++) {
				Thread.sleep(100);
			}
		}
		Files.createFile(startSignal);
		List<String> printed = new ArrayList<>();
		for (int p = 0; p < PROCESSES; p++) {
			Process process = processes.get(p);
			boolean finished = process.waitFor(120, TimeUnit.SECONDS);
			if (!finished) {
				process.destroyForcibly();
			}
			String err = Files.readString(this.directory.resolve("writer" + (p + 1) + ".err"));
			assertThat(finished).as("writer %d finished; stderr: %s", p + 1, err).isTrue();
			assertThat(process.exitValue()).as("writer %d exit status; stderr: %s", p + 1, err).isZero();
			printed.add(Files.readString(outputs.get(p)).strip());
		}
		return printed;
	}

}
