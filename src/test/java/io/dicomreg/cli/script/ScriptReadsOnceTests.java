package io.dicomreg.cli.script;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.shell.core.InputReader;

import io.dicomreg.DicomregApplication;
import io.dicomreg.cli.CommandDispatcher;
import io.dicomreg.cli.GlobalOptions;
import io.dicomreg.cli.Streams;
import io.dicomreg.config.DicomregHome;
import io.dicomreg.support.TestShell;
import io.dicomreg.support.TestShell.Result;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Across the lines of a script, what one line read the next does not read again (counted in the sandbox's request
 * log), unless dicomreg wrote it meanwhile; commands typed one after another read afresh.
 */
class ScriptReadsOnceTests {

	private static final List<String> TUTORIAL = List.of("app register --name \"Read once\" --unique-name read-once",
			"app ids", "auth public-client off", "auth platform add web --redirect-uri https://localhost:5001/signin-oidc",
			"secret add --description once --save-to SECRET --if-missing", "permission add-dicom",
			"permission grant --scope Dicom.ReadWrite", "role assign --role owner --dicom dicom1", "app show");

	@TempDir
	Path directory;

	private Path log;

	private TestShell shell;

	@BeforeEach
	void signIn() {
		this.log = this.directory.resolve("requests.log");
		this.shell = new TestShell(this.directory.resolve("home"), "--sandbox-state",
				this.directory.resolve("tenant.json").toString(), "--sandbox-log", this.log.toString());
		assertThat(this.shell.run("login").exitCode()).isZero();
	}

	@Test
	void aReplayedTutorialReadsEachThingOnce() throws IOException {
		Path script = script("tutorial.dicomreg", TUTORIAL.stream()
			.map(line -> line.replace("SECRET", this.directory.resolve("secret.txt").toString())).toList());
		assertThat(this.shell.run("script", script.toString()).exitCode()).isZero();
		int before = served().size();

		Result replay = this.shell.run("script", script.toString());

		List<String> reads = served().subList(before, served().size()).stream().map(line -> line.split(" ")[2]).toList();
		assertThat(replay.exitCode()).as(replay.all()).isZero();
		assertThat(replay.out()).contains("9 of 9 line(s) run: 0 changed, 9 unchanged, 0 failed.");
		assertThat(reads).as("each read once").doesNotHaveDuplicates();
		assertThat(reads).filteredOn(path -> path.startsWith("/v1.0/")).hasSizeLessThanOrEqualTo(9);
		assertThat(reads).filteredOn(path -> path.startsWith("/subscriptions?")).hasSize(1);
	}

	@Test
	void aLineSeesWhatAnEarlierLineChanged() throws IOException {
		assertThat(this.shell.run("app", "register", "--name", "Changed between lines").exitCode()).isZero();
		Path script = script("change.dicomreg", List.of("auth show", "auth public-client on", "auth show"));
		int before = served().size();

		Result result = this.shell.run("--output", "json", "script", script.toString());

		List<String> requests = served().subList(before, served().size());
		assertThat(result.exitCode()).as(result.all()).isZero();
		int patch = indexOf(requests, "PATCH /v1.0/applications/");
		assertThat(patch).isPositive();
		assertThat(requests.subList(patch + 1, requests.size())).anyMatch(line -> line.contains(" GET /v1.0/applications/"));
		assertThat(result.out().lastIndexOf("\"isFallbackPublicClient\" : true")).isGreaterThan(result.out().lastIndexOf("[" + script + ":3]"));
	}

	@Test
	void commandsTypedOneAfterAnotherReadAfresh() throws IOException {
		assertThat(this.shell.run("app", "register", "--name", "Typed twice").exitCode()).isZero();
		PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
		try (ConfigurableApplicationContext context = DicomregApplication.application(GlobalOptions.parse(new String[] {
				"--sandbox-state", this.directory.resolve("tenant.json").toString(), "--sandbox-log", this.log.toString(),
				"version" }), new Streams(quiet, quiet), new DicomregHome(this.directory.resolve("home"))).run()) {
			CommandDispatcher dispatcher = context.getBean(CommandDispatcher.class);
			int before = served().size();

			for (int typed = 0; typed < 2; typed++) {
				StringWriter out = new StringWriter();
				assertThat(dispatcher.execute(List.of("auth", "show"), new PrintWriter(out), new PrintWriter(out),
						new InputReader() {
						}).exitCode().code()).as(out.toString()).isZero();
			}

			assertThat(served().subList(before, served().size()))
				.filteredOn(line -> line.contains(" GET /v1.0/applications/")).hasSize(2);
		}
	}

	private Path script(String name, List<String> lines) throws IOException {
		return Files.write(this.directory.resolve(name), lines);
	}

	private List<String> served() throws IOException {
		return Files.readAllLines(this.log);
	}

	private static int indexOf(List<String> requests, String text) {
		for (int i = 0; i < requests.size(); i++) {
			if (requests.get(i).contains(text)) {
				return i;
			}
		}
		return -1;
	}

}
