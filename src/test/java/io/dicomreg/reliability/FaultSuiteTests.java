package io.dicomreg.reliability;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.shell.core.InputReader;

import io.dicomreg.DicomregApplication;
import io.dicomreg.cli.CommandDispatcher;
import io.dicomreg.cli.CommandDispatcher.Outcome;
import io.dicomreg.cli.GlobalOptions;
import io.dicomreg.cli.Streams;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.config.DicomregHome;
import io.dicomreg.sandbox.http.RecordedRequest;
import io.dicomreg.sandbox.SandboxInspector;
import io.dicomreg.support.TestCertificates;
import io.dicomreg.support.TestShell;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command under the faults Graph really answers with, at each of its Graph requests in turn:
 * throttling (429) and unavailability (503, 504) are retried and the command succeeds; a server
 * error (500) and a connection reset end it in one line (with Graph's request id for an answer),
 * nothing half-done: the same command run again succeeds, and once more changes nothing.
 * <p>
 * Faults come from the sandbox's fault switch, the same rules as {@code --sandbox-faults}, with
 * {@code retry-after=0} so that retries cost no waiting here (that Retry-After is honoured is
 * proven with the Graph SDK in the sandbox's own tests). A delay past the client's timeout is
 * proven there too: dicomreg's timeouts are the Graph SDK's (minutes), too long for this suite.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultSuiteTests {

	private static final List<String> TRANSIENT = List.of("429", "503", "504");

	private static final List<String> FATAL = List.of("500", "reset");

	private final AtomicInteger cases = new AtomicInteger();

	private Path directory;

	private ConfigurableApplicationContext context;

	private CommandDispatcher dispatcher;

	private SandboxInspector sandbox;

	@BeforeAll
	void startOnATenantWithOneApplication(@TempDir Path directory) throws Exception {
		this.directory = directory;
		Path home = directory.resolve("home");
		String state = directory.resolve("tenant.json").toString();
		TestShell shell = new TestShell(home, "--sandbox-state", state);
		assertThat(shell.run("login").exitCode()).isZero();
		assertThat(shell.run("app", "register", "--name", "fault base", "--unique-name", "fault-base").exitCode()).isZero();
		PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
		this.context = DicomregApplication.application(GlobalOptions.parse(new String[] { "--sandbox-state", state, "help" }),
				new Streams(quiet, quiet), new DicomregHome(home)).run();
		this.dispatcher = this.context.getBean(CommandDispatcher.class);
		this.sandbox = SandboxInspector.of(this.context.getBean(ConnectionTarget.class).sandbox());
	}

	@AfterAll
	void close() {
		this.context.close();
	}

	@TestFactory
	Stream<DynamicNode> everyCommandRetriesWhatGraphAsksToRetryAndEndsCleanlyOnTheRest() {
		List<Template> templates = List.of(
				Template.writing("app register", n -> List.of("app", "register", "--name", "fault " + n, "--unique-name",
						"fault-" + n)),
				Template.writing("auth platform add", n -> List.of("auth", "platform", "add", "web", "--redirect-uri",
						"https://fault.example/" + n, "--app", "fault base")),
				Template.writing("secret add --if-missing", n -> List.of("secret", "add", "--description", "fault " + n,
						"--save-to", this.directory.resolve("secret-" + n + ".txt").toString(), "--if-missing", "--app",
						"fault base")),
				Template.writing("cert upload", n -> List.of("cert", "upload", "--file", certificate(n), "--app",
						"fault base")),
				Template.writing("permission add", n -> List.of("permission", "add", "--resource-app", "Microsoft Graph",
						"--scope", (n % 2 == 0) ? "openid" : "profile", "--app", "fault " + n)).setUp(this::registered),
				Template.writing("permission add-dicom", n -> List.of("permission", "add-dicom", "--app", "fault " + n))
					.setUp(this::registered),
				Template.writing("secret remove", n -> List.of("secret", "remove", secretOf(n), "--app", "fault " + n))
					.setUp(this::registered),
				Template.writing("app delete", n -> List.of("app", "delete", "--app", "fault " + n, "--yes"))
					.setUp(this::registered).gone("No application named 'fault "),
				Template.reading("app list", n -> List.of("app", "list", "--name-starts-with", "fault")),
				Template.reading("app show", n -> List.of("app", "show", "--app", "fault base")),
				Template.reading("secret list", n -> List.of("secret", "list", "--app", "fault base")),
				Template.reading("cert list", n -> List.of("cert", "list", "--app", "fault base")),
				Template.reading("permission list", n -> List.of("permission", "list", "--app", "fault base")),
				Template.reading("auth show", n -> List.of("auth", "show", "--app", "fault base")));
		return templates.stream().map(this::container);
	}

	private DynamicContainer container(Template template) {
		int reference = this.cases.incrementAndGet();
		template.setUp().apply(reference);
		List<String> words = template.words().apply(reference);
		this.sandbox.clearRequests();
		Run plain = run(words);
		assertThat(plain.outcome().exitCode().code()).as(template.name() + ": " + plain.err()).isZero();
		long requests = this.sandbox.requests().stream().map(RecordedRequest::path).filter(path -> path.startsWith("/v1.0/"))
			.count();
		assertThat(requests).as(template.name() + " calls Graph").isPositive();
		List<DynamicTest> tests = new ArrayList<>();
		for (long request = 1; request <= requests; request++) {
			for (String fault : TRANSIENT) {
				long at = request;
				tests.add(DynamicTest.dynamicTest(fault + " at Graph request " + at + " of " + requests + ": retried",
						() -> retried(template, fault, at)));
			}
			for (String fault : FATAL) {
				long at = request;
				tests.add(DynamicTest.dynamicTest(fault + " at Graph request " + at + " of " + requests
						+ ": one line, rerun converges", () -> endsCleanly(template, fault, at)));
			}
		}
		return DynamicContainer.dynamicContainer(template.name(), tests);
	}

	@Test
	void aPostWhoseConnectionEndedIsNeverSentAgainBehindDicomregsBack() throws Exception {
		Path file = this.directory.resolve("once.txt");
		List<String> words = List.of("secret", "add", "--description", "sent once", "--save-to", file.toString(),
				"--if-missing", "--app", "fault base");
		this.sandbox.clearRequests();

		Run reset = faulted(words, "POST /v1.0/applications/ reset");

		endedInOneLine("reset", reset);
		assertThat(this.sandbox.requests()).filteredOn(request -> request.path().endsWith("/addPassword")).hasSize(1);
		assertThat(file).doesNotExist();
		Run again = run(words);
		assertThat(again.outcome().exitCode().code()).as(again.err()).isZero();
		assertThat(file).isRegularFile();
		Run list = run(List.of("secret", "list", "--app", "fault base", "--output", "json"));
		assertThat(new ObjectMapper().readTree(list.out()).findValuesAsText("description")).containsOnlyOnce("sent once");
	}

	private void retried(Template template, String fault, long at) {
		int n = this.cases.incrementAndGet();
		template.setUp().apply(n);
		List<String> words = template.words().apply(n);
		Run run = faulted(words, "* /v1.0/ " + fault + " retry-after=0 skip=" + (at - 1));

		assertThat(run.outcome().exitCode().code()).as("retried after %s: %s", fault, run.err()).isZero();
		assertThat(run.err()).doesNotContain("Error");
	}

	private void endsCleanly(Template template, String fault, long at) {
		int n = this.cases.incrementAndGet();
		template.setUp().apply(n);
		List<String> words = template.words().apply(n);
		// A reset every time: the HTTP client sends a request again on a connection that ended once.
		Run run = faulted(words, "* /v1.0/ " + fault + (fault.equals("reset") ? " times=all" : "") + " skip=" + (at - 1));

		endedInOneLine(fault, run);

		Run again = run(words);
		if (template.gone() == null || again.outcome().exitCode().code() == 0) {
			assertThat(again.outcome().exitCode().code()).as("the rerun: " + again.err()).isZero();
		}
		if (template.writes()) {
			Run once = run(words);
			if (template.gone() != null) {
				assertThat(once.err()).as("a third run of a deletion that took effect").contains(template.gone());
			}
			else {
				assertThat(once.outcome().exitCode().code()).as(once.err()).isZero();
				assertThat(once.outcome().changed()).as("a third run changes nothing: " + once.out()).isFalse();
			}
		}
	}

	private static void endedInOneLine(String fault, Run run) {
		assertThat(run.outcome().exitCode().code()).as("after %s: %s", fault, run.out()).isEqualTo(1);
		List<String> lines = run.err().lines().filter(line -> !line.isBlank()).toList();
		assertThat(lines).as("the error").singleElement().asString().startsWith("Error: ")
			.doesNotContain("Exception", "limit=", "content=", "okhttp", "\tat ");
		if (fault.equals("500")) {
			assertThat(lines.get(0)).as("Graph's error code and request id").contains("UnknownError", "request-id: ");
		}
		else {
			assertThat(lines.get(0)).as("a reset says the connection ended")
				.contains("the connection to Microsoft Graph ended before an answer came");
		}

	}

	private Run faulted(List<String> words, String spec) {
		this.sandbox.clearFaults();
		this.sandbox.injectFaults(spec);
		try {
			return run(words);
		}
		finally {
			this.sandbox.clearFaults();
		}
	}

	private Run run(List<String> words) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		Outcome outcome = this.dispatcher.execute(words, new PrintWriter(out), new PrintWriter(err), new InputReader() {
		});
		return new Run(outcome, out.toString(), err.toString());
	}

	/** Registers the application {@code fault-N} and gives it a secret, without faults. */
	private int registered(int n) {
		Run register = run(List.of("app", "register", "--name", "fault " + n, "--unique-name", "fault-" + n));
		assertThat(register.outcome().exitCode().code()).as(register.err()).isZero();
		Run secret = run(List.of("secret", "add", "--app", "fault " + n, "--description", "set up",
				"--save-to", this.directory.resolve("setup-" + n + ".txt").toString()));
		assertThat(secret.outcome().exitCode().code()).as(secret.err()).isZero();
		run(List.of("app", "use", "fault base"));
		return n;
	}

	private String secretOf(int n) {
		Run list = run(List.of("secret", "list", "--app", "fault " + n, "--output", "json"));
		try {
			return new ObjectMapper().readTree(list.out()).get(0).path("keyId").asText();
		}
		catch (Exception ex) {
			throw new IllegalStateException(list.out() + list.err(), ex);
		}
	}

	private String certificate(int n) {
		try {
			Path file = this.directory.resolve("certificate-" + n + ".pem");
			if (!Files.exists(file)) {
				TestCertificates.selfSigned("fault " + n).writePem(file);
			}
			return file.toString();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Run(Outcome outcome, String out, String err) {
	}

	/**
	 * A command line for case {@code n}, on a target of its own so that each case has its write to do.
	 *
	 * @param name how the report names it
	 * @param words its words for case {@code n}
	 * @param writes whether it changes the tenant
	 * @param setUp what case {@code n} needs first, done without faults
	 * @param gone what a rerun says instead of succeeding when the first run's change took effect, or {@code null}
	 */
	private record Template(String name, IntFunction<List<String>> words, boolean writes, IntFunction<Integer> setUp,
			String gone) {

		static Template writing(String name, IntFunction<List<String>> words) {
			return new Template(name, words, true, n -> n, null);
		}

		static Template reading(String name, IntFunction<List<String>> words) {
			return new Template(name, words, false, n -> n, null);
		}

		Template setUp(IntFunction<Integer> setUp) {
			return new Template(this.name, this.words, this.writes, setUp, this.gone);
		}

		Template gone(String refusal) {
			return new Template(this.name, this.words, this.writes, this.setUp, refusal);
		}

	}

}
