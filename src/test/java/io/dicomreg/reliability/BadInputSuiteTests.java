package io.dicomreg.reliability;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
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
import io.dicomreg.cli.catalogue.ArgumentSpec;
import io.dicomreg.cli.catalogue.CommandCatalogue;
import io.dicomreg.cli.catalogue.CommandSpec;
import io.dicomreg.cli.catalogue.OptionSpec;
import io.dicomreg.config.DicomregHome;
import io.dicomreg.error.Subject;
import io.dicomreg.support.TestCertificates;
import io.dicomreg.support.TestShell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Bad input, generated from the command catalogue: for every command, every option and every
 * positional argument, the malformed, hostile and impossible values an administrator (or a
 * script, or a paste) can give. Each one must be refused at once (no prompt, no hang), in exactly
 * one line that starts with {@code Error:} and names the option or the input, with a non-zero
 * exit status, no Java exception name, no raw control character, and no change: no Graph write in
 * the sandbox's request log, the tenant's state file and the session byte for byte as before.
 * <p>
 * Commands are run through the same {@link CommandDispatcher} as the shell and one-shot mode, in
 * one long-lived context on one sandbox tenant holding one of everything, so that hundreds of
 * cases take seconds. A new command or option gets its cases without anyone writing them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputSuiteTests {

	/** The fewest cases the generator must produce: fewer means it lost a family of inputs. */
	private static final int AT_LEAST = 500;

	private static final String CONTROL = "bad\u001b[31mred\u0007";

	private static final String BIDI = "txt.exe\u202Egpj";

	private static final String LONG = "x".repeat(300);

	/** Two million characters, with spaces: a name is echoed whole only when short. */
	private static final String HUGE = "ab ".repeat(666_667).substring(0, 2_000_000);

	/** What a command needs beyond its required options to be right: one of several options. */
	private static final Map<String, List<String>> NEEDED = Map.of("permission add", List.of("--scope", "User.Read"),
			"permission remove", List.of("--scope", "User.Read"), "auth platform add", List.of("--postman"));

	private Path directory;

	private Path home;

	private Path state;

	private Path log;

	private ConfigurableApplicationContext context;

	private CommandCatalogue catalogue;

	private CommandDispatcher dispatcher;

	private Files2 files;

	private final Map<String, List<String>> preconditions = new LinkedHashMap<>();

	@BeforeAll
	void startOnATenantHoldingOneOfEverything(@TempDir Path directory) throws Exception {
		this.directory = directory;
		this.home = directory.resolve("home");
		this.state = directory.resolve("tenant.json");
		this.log = directory.resolve("requests.log");
		TestShell shell = new TestShell(this.home, "--sandbox-state", this.state.toString());
		Path certificate = TestCertificates.selfSigned("suite").writePem(directory.resolve("suite.pem"));
		for (String[] command : List.of(new String[] { "login" }, new String[] { "app", "register", "--name", "twin" },
				new String[] { "app", "register", "--name", "twin", "--new" },
				new String[] { "app", "register", "--name", "suite" },
				new String[] { "auth", "platform", "add", "mobile-desktop", "--postman" },
				new String[] { "secret", "add", "--description", "suite", "--save-to",
						directory.resolve("secret.txt").toString() },
				new String[] { "cert", "upload", "--file", certificate.toString() },
				new String[] { "permission", "add-dicom" },
				// Tokens for ARM and for reading users are asked for once here: a first sign-in to a resource records
				// its refresh token in the tenant, which the cases below must not be blamed for.
				new String[] { "dicom", "list" }, new String[] { "role", "list", "--dicom", "dicom1", "--assignee",
						"admin@contoso.onmicrosoft.com" }, new String[] { "permission", "list" })) {
			assertThat(shell.run(command).exitCode()).as(String.join(" ", command)).isZero();
		}
		PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
		this.context = DicomregApplication.application(GlobalOptions.parse(new String[] { "--sandbox-state",
				this.state.toString(), "--sandbox-log", this.log.toString(), "help" }), new Streams(quiet, quiet),
				new DicomregHome(this.home)).run();
		this.catalogue = this.context.getBean(CommandCatalogue.class);
		this.dispatcher = this.context.getBean(CommandDispatcher.class);
		this.files = new Files2(Files.createDirectories(directory.resolve("files")));
	}

	@AfterAll
	void close() {
		this.context.close();
	}

	@TestFactory
	Stream<DynamicTest> everyBadInputIsRefusedInOneLineNamingItAndChangesNothing() throws Exception {
		List<Case> cases = cases();
		assertThat(cases).as("generated cases").hasSizeGreaterThanOrEqualTo(AT_LEAST);
		return cases.stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c)));
	}

	/**
	 * Damaged files of dicomreg's own: the sandbox state, the session, the selected app, the token
	 * cache and the secret intents, each emptied, truncated, made binary, {@code null}, of another
	 * shape or a folder, under the commands that read them, run one-shot as a user would. Each
	 * ends in one line that says which file and what to do (or succeeds when the file is not
	 * needed), and the damaged file is left as it was for the user to look at.
	 */
	@TestFactory
	Stream<DynamicTest> damagedFilesOfDicomregAreNamedInOneLineAndLeftAsTheyWere() throws Exception {
		Map<String, byte[]> damages = new LinkedHashMap<>();
		damages.put("empty", new byte[0]);
		damages.put("null", "null".getBytes(StandardCharsets.UTF_8));
		damages.put("truncated", "{\"a\":".getBytes(StandardCharsets.UTF_8));
		damages.put("an array", "[1, 2]".getBytes(StandardCharsets.UTF_8));
		damages.put("another shape", "{\"unexpected\": {\"deep\": [true]}}".getBytes(StandardCharsets.UTF_8));
		damages.put("binary", new byte[] { 0x1b, '[', '2', 'J', (byte) 0xff, (byte) 0xfe, 0, 7 });
		damages.put("a folder", null);
		Map<String, List<String>> files = new LinkedHashMap<>();
		files.put("tenant.json", List.of("whoami", "app show"));
		files.put("home/sessions", List.of("whoami", "app show"));
		files.put("home/selection", List.of("app show", "secret list"));
		files.put("home/cache", List.of("app show"));
		List<DynamicTest> tests = new ArrayList<>();
		for (Map.Entry<String, List<String>> file : files.entrySet()) {
			for (Map.Entry<String, byte[]> damage : damages.entrySet()) {
				for (String command : file.getValue()) {
					tests.add(DynamicTest.dynamicTest(file.getKey() + " " + damage.getKey() + " | " + command,
							() -> damaged(file.getKey(), damage.getValue(), command.split(" "))));
				}
			}
		}
		assertThat(tests).hasSizeGreaterThanOrEqualTo(40);
		return tests.stream();
	}

	private void damaged(String file, byte[] damage, String... command) throws Exception {
		Path copy = Files.createTempDirectory(this.directory, "damaged");
		copyTree(this.directory.resolve("home"), copy.resolve("home"));
		Files.copy(this.state, copy.resolve("tenant.json"));
		Path target = copy.resolve(file);
		if (Files.isDirectory(target)) {
			try (Stream<Path> listed = Files.list(target)) {
				target = listed.filter(Files::isRegularFile).findFirst().orElseThrow();
			}
		}
		Files.delete(target);
		if (damage == null) {
			Files.createDirectory(target);
		}
		else {
			Files.write(target, damage);
		}
		byte[] damaged = (damage != null) ? Files.readAllBytes(target) : null;
		Path log = copy.resolve("requests.log");
		TestShell.Result result = new TestShell(copy.resolve("home"), "--sandbox-state", copy.resolve("tenant.json")
			.toString(), "--sandbox-log", log.toString()).run(command);

		String all = result.all();
		assertThat(all).doesNotContain("Exception", "\tat ", "java.", "NullPointer");
		assertThat(all.codePoints().filter(BadInputSuiteTests::raw)).as("raw control characters").isEmpty();
		if (result.exitCode() != 0) {
			List<String> errors = result.err().lines().filter(line -> line.startsWith("Error: ")).toList();
			assertThat(errors).as(all).hasSize(1);
			assertThat(errors.get(0).length()).as("the length of the error line").isLessThan(600);
			assertThat(errors.get(0)).as("names the file or what it is").containsAnyOf(target.getFileName().toString(),
					"session", "selected", "token cache", "state", "sign", "login");
		}
		if (damaged != null && !file.equals("home/cache") && !file.equals("home/sessions")) {
			assertThat(Files.readAllBytes(target)).as("the damaged file, left for the user").isEqualTo(damaged);
		}
		if (Files.exists(log)) {
			assertThat(Files.readAllLines(log)).noneMatch(line -> line.endsWith(" graph-write"));
		}
	}

	private static void copyTree(Path from, Path to) throws Exception {
		try (Stream<Path> walk = Files.walk(from)) {
			for (Path source : walk.toList()) {
				Path target = to.resolve(from.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(source, target);
				}
			}
		}
	}

	private void check(Case c) throws Exception {
		try {
			refusedWithoutChange(c);
		}
		catch (AssertionError ex) {
			throw new AssertionError(c + " => " + ex.getMessage(), ex);
		}
	}

	private void refusedWithoutChange(Case c) throws Exception {
		byte[] stateBefore = Files.readAllBytes(this.state);
		Map<Path, byte[]> sessionBefore = session();
		long writesBefore = graphWrites();
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();

		Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> this.dispatcher.execute(c.words(),
				new PrintWriter(out), new PrintWriter(err), new NoInput()), "refused at once, without waiting for input");

		String all = out + "\n" + err;
		List<String> errorLines = err.toString().lines().filter(line -> !line.isBlank()).toList();
		assertThat(outcome.exitCode().code()).as("exit status").isNotZero();
		if (c.usage()) {
			assertThat(outcome.exitCode().code()).as("a usage error's exit status").isEqualTo(2);
		}
		assertThat(errorLines).as("error output").hasSize(1);
		String error = errorLines.get(0);
		assertThat(error).startsWith("Error: ");
		assertThat(error.length()).as("the length of the error line").isLessThan(600);
		assertThat(c.mentions()).as("the error '%s' names one of", error).anyMatch(error::contains);
		assertThat(all).doesNotContain("Exception", "\tat ", "java.", "NullPointer");
		assertThat(all.codePoints().filter(BadInputSuiteTests::raw)).as("raw control characters").isEmpty();
		assertThat(graphWrites()).as("Graph writes").isEqualTo(writesBefore);
		assertThat(Files.readAllBytes(this.state)).as("the tenant").isEqualTo(stateBefore);
		assertThat(session()).as("the session and its selection").containsExactlyInAnyOrderEntriesOf(sessionBefore);
	}

	private List<Case> cases() throws Exception {
		List<Case> cases = new ArrayList<>();
		for (CommandSpec command : this.catalogue.commands()) {
			cases.addAll(commandCases(command));
			for (OptionSpec option : command.options()) {
				cases.addAll(optionCases(command, option));
			}
			for (ArgumentSpec argument : command.arguments()) {
				cases.addAll(argumentCases(command, argument));
			}
		}
		cases.addAll(combinations());
		return cases;
	}

	/** What is wrong with a command line whatever its options: an unknown option, a stray word, a missing option. */
	private List<Case> commandCases(CommandSpec command) {
		List<Case> cases = new ArrayList<>();
		List<String> valid = valid(command);
		cases.add(Case.usage(with(valid, "--no-such-option"), "--no-such-option"));
		cases.add(Case.usage(with(valid, "-q"), "-q"));
		cases.add(Case.usage(with(valid, "---"), "---"));
		if (command.arguments().stream().noneMatch(ArgumentSpec::variadic)) {
			cases.add(Case.usage(with(valid, "stray-word"), "'stray-word'"));
		}
		List<String> required = command.options().stream().filter(OptionSpec::required).map(o -> "--" + o.longName())
			.toList();
		if (!required.isEmpty()) {
			cases.add(Case.usage(without(valid, required), required.toArray(String[]::new)));
		}
		return cases;
	}

	/** An option without its value, given twice, a flag given a value, and the bad values of its kind. */
	private List<Case> optionCases(CommandSpec command, OptionSpec option) throws Exception {
		List<Case> cases = new ArrayList<>();
		String name = "--" + option.longName();
		List<String> valid = without(valid(command), List.of(name));
		if (option.longName().equals(OptionSpec.HELP)) {
			cases.add(Case.usage(with(valid, "--help=maybe"), name));
			return cases;
		}
		if (option.flag()) {
			cases.add(Case.usage(with(valid, name + "=maybe"), name));
			cases.add(Case.usage(with(valid, name + "="), name));
			if (!option.repeatable()) {
				cases.add(Case.usage(with(valid, name, name), name));
			}
			return cases;
		}
		cases.add(Case.usage(with(valid, name), name));
		cases.add(Case.usage(with(with(valid, name), "--output", "json"), name));
		if (!option.repeatable()) {
			String good = goodValue(command, option);
			cases.add(Case.usage(with(valid, name, good, name, good), name));
		}
		for (Bad bad : badValues(command, option)) {
			cases.add(new Case(with(valid, name, bad.value()), bad.usage(), mentions(name, bad)));
			if (!option.repeatable() && !bad.value().isEmpty() && !bad.value().startsWith("-")) {
				cases.add(new Case(with(valid, name + "=" + bad.value()), bad.usage(), mentions(name, bad)));
			}
		}
		return cases;
	}

	/** The bad values of a positional argument, in its place. */
	private List<Case> argumentCases(CommandSpec command, ArgumentSpec argument) throws Exception {
		List<Case> cases = new ArrayList<>();
		List<String> valid = valid(command);
		if (valid.size() <= command.name().split(" ").length + argument.index()) {
			return cases;
		}
		int at = command.name().split(" ").length + argument.index();
		for (Bad bad : badValues(command, argument)) {
			List<String> words = new ArrayList<>(valid);
			words.set(at, bad.value());
			cases.add(new Case(words, bad.usage(), mentions(concept(command, argument), bad)));
		}
		return cases;
	}

	private String[] mentions(String name, Bad bad) {
		List<String> mentions = new ArrayList<>(List.of(name));
		mentions.addAll(bad.mentions());
		mentions.addAll(echoes(bad.value()));
		return mentions.toArray(String[]::new);
	}

	/**
	 * How an error may show a bad value so that the user sees which one it means: whole when short
	 * and printable, else its start, its length, or its first escaped character; never raw.
	 */
	private static List<String> echoes(String value) {
		if (value.isEmpty()) {
			return List.of("''");
		}
		if (value.isBlank()) {
			return List.of();
		}
		if (value.equals(LONG)) {
			return List.of("(300 characters)");
		}
		int raw = (int) value.codePoints().takeWhile(c -> !raw(c) && c != '\n').count();
		if (raw < value.length()) {
			return List.of("'" + value.substring(0, raw) + "\\");
		}
		return List.of(value.substring(0, Math.min(value.length(), 24)));
	}

	/** How an error names a positional argument: there is one, so the thing it is names it. */
	private static String concept(CommandSpec command, ArgumentSpec argument) {
		if (command.name().startsWith("record")) {
			return "interactive";
		}
		return switch (argument.subject()) {
			case APPLICATION -> "application";
			case PLATFORM -> "platform";
			case SECRET_KEY_ID -> "key ID";
			case CERTIFICATE_SELECTOR -> "thumbprint";
			case SCRIPT_FILE -> "script";
			case REDIRECT_URI -> "redirect URI";
			default -> argument.placeholder();
		};
	}

	private List<Bad> badValues(CommandSpec command, OptionSpec option) throws Exception {
		if (!option.choices().isEmpty()) {
			return List.of(Bad.usage("nonsense"), Bad.usage(""), Bad.usage(CONTROL), Bad.usage(LONG));
		}
		return badValues(command.name(), option.longName(), option.subject(), option.file());
	}

	private List<Bad> badValues(CommandSpec command, ArgumentSpec argument) throws Exception {
		if (!argument.choices().isEmpty()) {
			return List.of(Bad.usage("nonsense"), Bad.usage(""), Bad.usage(CONTROL), Bad.usage(LONG));
		}
		return badValues(command.name(), argument.placeholder(), argument.subject(), argument.file());
	}

	private List<Bad> badValues(String command, String name, Subject subject, boolean file) throws Exception {
		List<Bad> text = List.of(Bad.of(""), Bad.of(CONTROL), Bad.of(BIDI), Bad.of("two\nlines"), Bad.of(LONG),
				Bad.of("   "), Bad.of(HUGE, "(2000000 characters)", "2000000 characters"));
		return switch (subject) {
			case DISPLAY_NAME, UNIQUE_NAME, NAME_PREFIX, SECRET_DESCRIPTION, CERTIFICATE_DESCRIPTION -> text;
			case CERTIFICATE_SUBJECT -> concat(text, List.of(Bad.of("CN="), Bad.of("CN=a,,"), Bad.of("XX=unknown"),
					Bad.of("CN=" + LONG)));
			case APPLICATION -> List.of(Bad.of("no such app", "no such app"), Bad.of(UUID.randomUUID().toString()),
					Bad.of(""), Bad.of(CONTROL), Bad.of(LONG), Bad.of("twin", "twin"), Bad.of("'"));
			case LIST_SIZE -> numbers(List.of("0", "-1", "1000", "abc", "", "1e3", "99999999999", "1.5"));
			case SECRET_LIFETIME -> numbers(List.of("0m", "25m", "-3m", "abc", "", "12", "2020-01-01", "2099-01-01",
					"2026-02-30", "99999999999m", "3M3", "P6M"));
			case CERTIFICATE_YEARS -> numbers(List.of("0", "4", "-1", "abc", "", "99999999999", "1.5"));
			// A well-formed key ID or thumbprint the app does not have is no error: removing it again changes nothing.
			case SECRET_KEY_ID -> List.of(Bad.of("not-a-guid", "not-a-guid"), Bad.of(""), Bad.of(LONG), Bad.of(CONTROL),
					Bad.of("0f8fad5b-d9cb-469f-a165-70867728950"));
			case CERTIFICATE_SELECTOR -> List.of(Bad.of("zz", "zz"), Bad.of("ABCDEF0123456789ABCDEF0123456789ABCDEF0"),
					Bad.of(""), Bad.of(CONTROL), Bad.of(LONG));
			case REDIRECT_URI -> command.equals("auth redirect remove") ? List.of(Bad.of("")) : redirectUris();
			case PLATFORM -> List.of(Bad.usage("desktop"), Bad.usage(""), Bad.usage(CONTROL));
			case API -> List.of(Bad.of("No Such API", "No Such API"), Bad.of(UUID.randomUUID().toString()), Bad.of(""),
					Bad.of(CONTROL), Bad.of(LONG));
			case DELEGATED_PERMISSION, APPLICATION_PERMISSION -> List.of(Bad.of("No.Such.Permission"), Bad.of(""),
					Bad.of(CONTROL), Bad.of(LONG), Bad.of("Dicom.ReadWrite Dicom.ReadWrite"));
			case TENANT -> List.of(Bad.of("not a tenant!"), Bad.of(""), Bad.of(CONTROL), Bad.of(LONG),
					Bad.of("https://login.microsoftonline.com/x"));
			case DICOM_SERVICE -> List.of(Bad.of("no-such-service", "no-such-service"), Bad.of(""), Bad.of(CONTROL),
					Bad.of(LONG), Bad.of("/subscriptions/" + UUID.randomUUID() + "/resourceGroups/rg/providers/"
							+ "Microsoft.HealthcareApis/workspaces/ws/dicomservices/none"));
			case SUBSCRIPTION -> List.of(Bad.of("not-a-guid", "not-a-guid"), Bad.of(""), Bad.of(CONTROL), Bad.of(LONG));
			case ASSIGNEE -> List.of(Bad.of("nobody@contoso.onmicrosoft.com", "nobody@contoso.onmicrosoft.com"),
					Bad.of(UUID.randomUUID().toString()), Bad.of(""), Bad.of(CONTROL), Bad.of(LONG), Bad.of("no such app"));
			case DICOM_ROLE, API_VERSION, EXPORT_FORMAT -> List.of(Bad.usage("admin"), Bad.usage(""), Bad.usage(CONTROL));
			case WAIT -> List.of(Bad.usage("ten", "ten"), Bad.usage("0.5m"), Bad.usage("2d"), Bad.usage("99h"), Bad.usage(""),
					Bad.usage(CONTROL));
			case EXPORT_FILE, CA_FILE -> this.files.unwritable(false);
			case PORT -> List.of(Bad.usage("0"), Bad.usage("70000"), Bad.usage("http", "http"), Bad.usage(""),
					Bad.usage(CONTROL), Bad.usage("-1"));
			case EXPIRY_WINDOW -> List.of(Bad.usage("ten", "ten"), Bad.usage("-1"), Bad.usage("1.5d"), Bad.usage(""),
					Bad.usage(CONTROL));
			case SIGN_IN_PERMISSION -> List.of(Bad.of("not a permission!"), Bad.of(""), Bad.of(CONTROL), Bad.of(LONG),
					Bad.of("http://management.azure.com/user_impersonation"));
			case CLIENT_ID -> List.of(Bad.of("not-a-guid"), Bad.of("0f8fad5b-d9cb-469f-a165-70867728950"), Bad.of(CONTROL),
					Bad.of(LONG), Bad.of("{0f8fad5b-d9cb-469f-a165-70867728950e}"));
			case PFX_PASSWORD_VARIABLE, CLIENT_SECRET_VARIABLE, CLIENT_CERTIFICATE_PASSWORD_VARIABLE -> List.of(
					Bad.of("DICOMREG_SUITE_UNSET_VARIABLE", "DICOMREG_SUITE_UNSET_VARIABLE"), Bad.of(""),
					Bad.of("1BAD"), Bad.of("A=B"), Bad.of("a b"), Bad.of(CONTROL), Bad.of(LONG));
			case SCRIPT_FILE -> this.files.unreadable().stream().filter(bad -> !bad.value().endsWith("empty.pem")
					&& !bad.value().endsWith("truncated.pem")).toList();
			case CERTIFICATE_FILE, CLIENT_SECRET_FILE, CLIENT_CERTIFICATE -> this.files.unreadable();
			case SECRET_FILE, CERTIFICATE_FILES -> this.files.unwritable(subject == Subject.CERTIFICATE_FILES);
			case NONE, AUDIENCE -> file ? this.files.unwritable(false) : otherValues(command, name);
		};
	}

	/** Options and arguments without a subject of their own: told apart by command and name. */
	private List<Bad> otherValues(String command, String name) {
		return switch (command + " " + name) {
			case "script var" -> List.of(Bad.usage("NOEQUALS"), Bad.usage("=value"), Bad.usage("1A=b"),
					Bad.usage("A B=c"), Bad.usage(""), Bad.usage(CONTROL + "=x"));
			case "help COMMAND" -> List.of(Bad.usage("no-such-command", "no-such-command"), Bad.usage(CONTROL),
					Bad.usage(LONG));
			default -> List.of(Bad.of(""), Bad.of(CONTROL), Bad.of(LONG));
		};
	}

	private List<Bad> redirectUris() {
		return List.of(Bad.of("http://example.com/callback"), Bad.of("not a uri"),
				Bad.of("https://exa mple.com/"), Bad.of("https://example.com/#fragment"),
				Bad.of("https://*.example.com/"), Bad.of("javascript:alert(1)"),
				Bad.of("https://example.com/" + "a".repeat(260)), Bad.of("https://localhost:70000/"), Bad.of(""),
				Bad.of("https://example.com/\u0007"), Bad.of("https://example.com/" + BIDI),
				Bad.of("https://example.com/a;b"), Bad.of("http://[::1]:8080/"), Bad.of("/relative/path"),
				Bad.of("https://example.com:-1/"));
	}

	/** Commands whose options conflict or need each other, beyond what one option alone gets wrong. */
	private List<Case> combinations() throws Exception {
		Path secret = this.files.write("client-secret.txt", "s3cr3t-value");
		Path pem = TestCertificates.selfSigned("combo").writePem(this.directory.resolve("combo.pem"));
		String client = UUID.randomUUID().toString();
		return List.of(
				Case.usage(List.of("login", "--service-principal", "--tenant", "sandbox", "--client-id", client),
						"--secret-file", "--secret-env", "--certificate"),
				Case.usage(List.of("login", "--service-principal", "--tenant", "sandbox", "--client-id", client,
						"--secret-file", secret.toString(), "--secret-env", "HOME"), "--secret-file", "--secret-env"),
				Case.usage(List.of("login", "--service-principal", "--tenant", "sandbox", "--client-id", client,
						"--secret-file", secret.toString(), "--certificate", pem.toString()), "--secret-file",
						"--certificate"),
				Case.usage(List.of("login", "--secret-file", secret.toString()), "--secret-file", "--service-principal"),
				Case.usage(List.of("login", "--certificate", pem.toString()), "--certificate", "--service-principal"),
				Case.usage(List.of("login", "--browser", "--service-principal", "--tenant", "sandbox", "--client-id",
						client, "--secret-file", secret.toString()), "--browser", "--service-principal"),
				Case.usage(List.of("login", "--service-principal", "--client-id", client, "--secret-file",
						secret.toString(), "--certificate-password-env", "HOME"), "--certificate-password-env"),
				Case.usage(List.of("walkthrough", "--resume", "--restart"), "--resume", "--restart"),
				Case.usage(List.of("permission", "add", "--resource-app", "Microsoft Graph"), "--scope", "--role"),
				Case.usage(List.of("permission", "remove", "--resource-app", "Microsoft Graph"), "--scope", "--role"),
				Case.of(List.of("auth", "platform", "add", "web", "--postman"), "--postman"),
				Case.of(List.of("auth", "platform", "add", "spa"), "--redirect-uri"),
				Case.of(List.of("auth", "platform", "add", "spa", "--redirect-uri", "myapp://callback"),
						"myapp://callback"),
				Case.of(List.of("secret", "add", "--if-missing"), "--description", "--if-missing"),
				Case.of(List.of("secret", "add", "--description", "json", "--output", "json"), "--save-to",
						"--output"),
				Case.of(List.of("cert", "create", "--subject", "CN=x", "--out", this.directory.resolve("c").toString(),
						"--pfx-password-env", "DICOMREG_SUITE_UNSET_VARIABLE"), "DICOMREG_SUITE_UNSET_VARIABLE"),
				Case.of(List.of("cert", "upload", "--file", pem.toString(), "--pfx-password-env", "HOME"),
						"--pfx-password-env"),
				Case.of(List.of("app", "delete", "--app", "twin", "--yes"), "twin"),
				Case.of(List.of("app", "delete", "--app", "suite"), "--yes"),
				Case.of(List.of("record", "stop"), "record"),
				Case.of(List.of("record", "start", this.directory.resolve("rec.dicomreg").toString()), "interactive"),
				Case.of(List.of("walkthrough"), "walkthrough", "terminal", "interactive"));
	}

	/** A command line of {@code command} that is right in every way: the cases each break one thing. */
	private List<String> valid(CommandSpec command) {
		List<String> words = new ArrayList<>(List.of(command.name().split(" ")));
		for (ArgumentSpec argument : command.arguments()) {
			if (!argument.variadic()) {
				words.add(goodArgument(command, argument));
			}
		}
		for (OptionSpec option : command.options()) {
			if (option.required()) {
				words.add("--" + option.longName());
				words.add(goodValue(command, option));
			}
		}
		words.addAll(NEEDED.getOrDefault(command.name(), List.of()));
		return words;
	}

	private String goodArgument(CommandSpec command, ArgumentSpec argument) {
		if (!argument.choices().isEmpty()) {
			return argument.choices().get(0);
		}
		return switch (argument.subject()) {
			case APPLICATION -> "suite";
			case PLATFORM -> "mobile-desktop";
			case REDIRECT_URI -> "https://www.getpostman.com/oauth2/callback";
			case SECRET_KEY_ID, CERTIFICATE_SELECTOR -> UUID.randomUUID().toString();
			case SCRIPT_FILE -> this.files.path("good.dicomreg").toString();
			default -> argument.file() ? this.files.path("good.txt").toString() : "word";
		};
	}

	private String goodValue(CommandSpec command, OptionSpec option) {
		if (!option.choices().isEmpty()) {
			return option.choices().get(0);
		}
		return switch (option.subject()) {
			case APPLICATION -> "suite";
			case API -> "Microsoft Graph";
			case DICOM_SERVICE -> "dicom1";
			case PORT -> "8443";
			case DELEGATED_PERMISSION -> "User.Read";
			case CERTIFICATE_SUBJECT -> "CN=suite";
			case CERTIFICATE_FILES -> this.directory.resolve("new-cert-" + UUID.randomUUID()).toString();
			case CERTIFICATE_FILE -> this.directory.resolve("suite.pem").toString();
			case LIST_SIZE -> "5";
			case CERTIFICATE_YEARS -> "1";
			case SECRET_LIFETIME -> "6m";
			default -> "word";
		};
	}

	private List<Bad> numbers(List<String> values) {
		return values.stream().map(v -> Bad.of(v)).toList();
	}

	private static List<Bad> concat(List<Bad> first, List<Bad> second) {
		List<Bad> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

	private static List<String> with(List<String> words, String... more) {
		List<String> all = new ArrayList<>(words);
		all.addAll(Arrays.asList(more));
		return all;
	}

	/** {@code words} without the options named (and their values). */
	private static List<String> without(List<String> words, List<String> options) {
		List<String> kept = new ArrayList<>();
		for (int i = 0; i < words.size(); i++) {
			if (options.contains(words.get(i))) {
				if (i + 1 < words.size() && !words.get(i + 1).startsWith("--")) {
					i++;
				}
				continue;
			}
			kept.add(words.get(i));
		}
		return kept;
	}

	private Map<Path, byte[]> session() throws Exception {
		Map<Path, byte[]> files = new LinkedHashMap<>();
		for (String folder : List.of("sessions", "selection", "intents")) {
			Path path = this.home.resolve(folder);
			if (Files.isDirectory(path)) {
				try (Stream<Path> listed = Files.list(path)) {
					for (Path file : listed.filter(Files::isRegularFile).toList()) {
						files.put(file, Files.readAllBytes(file));
					}
				}
			}
		}
		return files;
	}

	private long graphWrites() throws Exception {
		if (!Files.exists(this.log)) {
			return 0;
		}
		try (Stream<String> lines = Files.lines(this.log)) {
			return lines.filter(line -> line.endsWith(" graph-write")).count();
		}
	}

	/** A character a terminal would act on: C0 but newline and tab, DEL, C1, bidi formatting. */
	private static boolean raw(int c) {
		return (c < 0x20 && c != '\n' && c != '\t' && c != '\r') || (c >= 0x7f && c <= 0x9f)
				|| (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
	}

	/**
	 * One bad command line.
	 *
	 * @param words the words as typed
	 * @param usage whether it is refused as a usage error (exit status 2) rather than any failure
	 * @param mentions what the error may name to point at the mistake: at least one of them
	 */
	record Case(List<String> words, boolean usage, List<String> mentions) {

		Case(List<String> words, boolean usage, String... mentions) {
			this(words, usage, List.of(mentions));
		}

		static Case usage(List<String> words, String... mentions) {
			return new Case(words, true, mentions);
		}

		static Case of(List<String> words, String... mentions) {
			return new Case(words, false, mentions);
		}

		@Override
		public String toString() {
			StringBuilder shown = new StringBuilder();
			for (String word : this.words) {
				StringBuilder escaped = new StringBuilder();
				word.codePoints().limit(40).forEach(c -> escaped.append(raw(c) || c == '\n'
						? String.format("\\u%04x", c) : Character.toString(c)));
				if (word.length() > 40) {
					escaped.setLength(Math.min(escaped.length(), 37));
					escaped.append("...");
				}
				shown.append(shown.isEmpty() ? "" : " ").append(escaped.isEmpty() ? "''" : escaped.toString());
			}
			return shown.toString();
		}

	}

	/**
	 * A bad value and what the error may name instead of the option (the value itself).
	 */
	record Bad(String value, boolean usage, List<String> mentions) {

		static Bad of(String value, String... mentions) {
			return new Bad(value, false, List.of(mentions));
		}

		static Bad usage(String value, String... mentions) {
			return new Bad(value, true, List.of(mentions));
		}

	}

	/** Files that cannot be read or written as asked, made once. */
	private static final class Files2 {

		private final Path folder;

		Files2(Path folder) {
			this.folder = folder;
		}

		Path path(String name) {
			return this.folder.resolve(name);
		}

		Path write(String name, String content) throws Exception {
			return Files.writeString(this.folder.resolve(name), content);
		}

		/** Where an input file cannot be read: missing, a folder, a FIFO, a device, huge, binary, damaged, empty. */
		List<Bad> unreadable() throws Exception {
			List<Bad> bad = new ArrayList<>();
			bad.add(Bad.of(this.folder.resolve("missing.pem").toString(), "missing.pem"));
			bad.add(Bad.of(this.folder.toString()));
			Path fifo = this.folder.resolve("pipe");
			if (!Files.exists(fifo) && new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() != 0) {
				throw new IllegalStateException("mkfifo failed");
			}
			bad.add(Bad.of(fifo.toString()));
			bad.add(Bad.of("/dev/zero"));
			Path huge = this.folder.resolve("huge.pem");
			if (!Files.exists(huge)) {
				try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
					file.setLength(3L * 1024 * 1024 * 1024);
				}
			}
			bad.add(Bad.of(huge.toString()));
			Path binary = this.folder.resolve("binary.pem");
			Files.write(binary, new byte[] { 'a', (byte) 0xff, (byte) 0xfe, 0, 1, 2 });
			bad.add(Bad.of(binary.toString()));
			Path empty = this.folder.resolve("empty.pem");
			Files.write(empty, new byte[0]);
			bad.add(Bad.of(empty.toString()));
			byte[] der = TestCertificates.selfSigned("truncated").certificate().getEncoded();
			Path truncatedDer = Files.write(this.folder.resolve("truncated.cer"), Arrays.copyOf(der, der.length / 2));
			bad.add(Bad.of(truncatedDer.toString()));
			Path pfx = TestCertificates.selfSigned("truncated").writePfx(this.folder.resolve("whole.pfx"), "pw".toCharArray());
			byte[] pfxBytes = Files.readAllBytes(pfx);
			Path truncatedPfx = Files.write(this.folder.resolve("truncated.pfx"), Arrays.copyOf(pfxBytes, pfxBytes.length / 2));
			bad.add(Bad.of(truncatedPfx.toString()));
			Path truncated = this.folder.resolve("truncated.pem");
			Files.writeString(truncated, "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n");
			bad.add(Bad.of(truncated.toString()));
			bad.add(Bad.of(""));
			bad.add(Bad.of(this.folder.resolve(CONTROL).toString()));
			bad.add(Bad.of(this.folder.resolve(LONG).toString()));
			return bad;
		}

		/** Where an output file cannot be made: already there, in a missing folder, under a file, empty names. */
		List<Bad> unwritable(boolean stem) throws Exception {
			Path existing = Files.writeString(this.folder.resolve("existing" + (stem ? ".crt" : "")), "keep me");
			Path existingStem = this.folder.resolve("existing");
			List<Bad> bad = new ArrayList<>();
			bad.add(Bad.of((stem ? existingStem : existing).toString(), "existing"));
			bad.add(Bad.of(this.folder.resolve("no-such-folder").resolve("out").toString(), "no-such-folder"));
			Path plain = Files.writeString(this.folder.resolve("plain-file"), "x");
			bad.add(Bad.of(plain.resolve("out").toString(), "plain-file"));
			bad.add(Bad.of(""));
			bad.add(Bad.of("."));
			bad.add(Bad.of(this.folder.toString() + "/"));
			bad.add(Bad.of(this.folder.resolve(CONTROL).toString()));
			bad.add(Bad.of(this.folder.resolve(LONG).toString()));
			bad.add(Bad.of("/proc/version"));
			return bad;
		}

	}

	/** No one at the keyboard: every question ends at once, as on a closed standard input. */
	private static final class NoInput implements InputReader {

		@Override
		public String readInput(String prompt) {
			return null;
		}

		@Override
		public char[] readPassword(String prompt) {
			return null;
		}

		@Override
		public String readInput() {
			return null;
		}

		@Override
		public char[] readPassword() {
			return null;
		}

	}

}
