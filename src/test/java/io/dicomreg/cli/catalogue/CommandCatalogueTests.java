package io.dicomreg.cli.catalogue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.shell.core.command.completion.CompletionProposal;

import io.dicomreg.DicomregApplication;
import io.dicomreg.cli.CommandLineParser;
import io.dicomreg.cli.GlobalOptions;
import io.dicomreg.cli.HelpText;
import io.dicomreg.cli.Streams;
import io.dicomreg.cli.completion.CommandLineCompleter;
import io.dicomreg.config.DicomregHome;
import io.dicomreg.error.DicomregException;
import io.dicomreg.support.TestCertificates;
import io.dicomreg.support.TestShell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Walks the catalogue of the running application and checks every command against it: help shows
 * exactly the options the parser accepts, every file option and argument completes paths, and
 * every option and argument with a completion source completes, against a sandbox tenant holding
 * one of everything.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandCatalogueTests {

	private static final Pattern OPTION_ROW = Pattern.compile("^  (?:-\\w, )?--([a-z-]+)", Pattern.MULTILINE);

	/**
	 * Words a completion needs typed before it on the line: which API's permissions to propose. Keyed
	 * by command and option (or argument index).
	 */
	private static final Map<String, List<String>> CONTEXT = Map.of(
			"permission add --scope", List.of("--resource-app", "Azure API for DICOM"),
			"permission remove --scope", List.of("--resource-app", "Azure API for DICOM"),
			"permission add --role", List.of("--resource-app", "Microsoft Graph"),
			"permission remove --role", List.of("--resource-app", "Microsoft Graph"));

	private Path directory;

	private ConfigurableApplicationContext context;

	private CommandCatalogue catalogue;

	private CommandLineParser parser;

	private CommandLineCompleter completer;

	private Path files;

	@BeforeAll
	void startWithATenantHoldingOneOfEverything(@TempDir Path directory) throws Exception {
		this.directory = directory;
		Path home = this.directory.resolve("home");
		String state = this.directory.resolve("tenant.json").toString();
		TestShell shell = new TestShell(home, "--sandbox-state", state);
		Path certificate = TestCertificates.selfSigned("catalogue").writePem(this.directory.resolve("catalogue.pem"));
		for (String[] command : List.of(new String[] { "login" }, new String[] { "app", "register", "--name", "catalogue" },
				new String[] { "auth", "platform", "add", "mobile-desktop", "--postman" },
				new String[] { "secret", "add", "--description", "catalogue", "--save-to",
						this.directory.resolve("secret.txt").toString() },
				new String[] { "cert", "upload", "--file", certificate.toString() },
				new String[] { "permission", "add-dicom" })) {
			assertThat(shell.run(command).exitCode()).as(String.join(" ", command)).isZero();
		}
		PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
		this.context = DicomregApplication.application(GlobalOptions.parse(new String[] { "--sandbox-state", state, "help" }),
				new Streams(quiet, quiet), new DicomregHome(home)).run();
		this.catalogue = this.context.getBean(CommandCatalogue.class);
		this.parser = this.context.getBean(CommandLineParser.class);
		this.completer = this.context.getBean(CommandLineCompleter.class);
		this.files = Files.createDirectories(this.directory.resolve("files"));
		Files.writeString(this.files.resolve("completes-me.txt"), "x");
	}

	@AfterAll
	void close() {
		this.context.close();
	}

	Stream<Arguments> commands() {
		return commandNames().stream().map(Arguments::of);
	}

	Stream<Arguments> completingOptions() {
		List<Arguments> cases = new ArrayList<>();
		for (String name : commandNames()) {
			CommandSpec command = this.catalogue.find(name).orElseThrow();
			command.options().stream().filter(OptionSpec::completes).forEach(option -> cases.add(Arguments.of(name,
					"--" + option.longName())));
			command.arguments().stream().filter(ArgumentSpec::completes).forEach(argument -> cases.add(Arguments.of(name,
					argument.placeholder())));
		}
		return cases.stream();
	}

	@ParameterizedTest
	@MethodSource("commands")
	void helpShowsExactlyTheOptionsTheParserAccepts(String name) {
		CommandSpec command = this.catalogue.find(name).orElseThrow();
		String help = HelpText.usage(command);
		Set<String> shown = new LinkedHashSet<>();
		Matcher rows = OPTION_ROW.matcher(help.substring(help.indexOf("Options:")));
		while (rows.find()) {
			shown.add(rows.group(1));
		}

		assertThat(shown).containsExactlyElementsOf(command.options().stream().map(OptionSpec::longName).toList());
		for (OptionSpec option : command.options()) {
			List<String> words = new ArrayList<>(List.of(name.split(" ")));
			words.add("--" + option.longName());
			if (!option.flag()) {
				words.add(option.choices().isEmpty() ? "value" : option.choices().get(0));
			}
			assertThat(this.parser.parse(words).options()).as(String.join(" ", words)).containsKey(option.longName());
			if (!option.longName().equals(OptionSpec.HELP)) {
				assertThat(help.lines().findFirst().orElseThrow())
					.contains(option.required() ? option.usage() : "[" + option.usage() + "]");
			}
		}
		for (String common : List.of(OptionSpec.OUTPUT, OptionSpec.DRY_RUN, OptionSpec.HELP)) {
			if (!shown.contains(common)) {
				List<String> words = new ArrayList<>(List.of(name.split(" ")));
				words.add("--" + common);
				assertThatThrownBy(() -> this.parser.parse(words)).isInstanceOf(DicomregException.class);
			}
		}
		assertThatThrownBy(() -> this.parser.parse(List.of((name + " --no-such-option").split(" "))))
			.hasMessageContaining("Unknown option '--no-such-option'");
	}

	@ParameterizedTest
	@MethodSource("commands")
	void everyOptionOrArgumentThatNamesAFileCompletesPaths(String name) {
		CommandSpec command = this.catalogue.find(name).orElseThrow();
		String typed = this.files + "/completes";
		for (OptionSpec option : command.options().stream().filter(option -> !option.flag()).toList()) {
			List<String> words = new ArrayList<>(List.of(name.split(" ")));
			words.add("--" + option.longName());
			words.add(typed);
			assertThat(values(words).stream().anyMatch(value -> value.endsWith("completes-me.txt")))
				.as("%s --%s completes file paths", name, option.longName())
				.isEqualTo(option.file());
		}
		for (ArgumentSpec argument : command.arguments()) {
			List<String> words = new ArrayList<>(List.of(name.split(" ")));
			for (int i = 0; i < argument.index(); i++) {
				words.add("x");
			}
			words.add(typed);
			assertThat(values(words).stream().anyMatch(value -> value.endsWith("completes-me.txt")))
				.as("%s %s completes file paths", name, argument.placeholder())
				.isEqualTo(argument.file());
		}
	}

	@ParameterizedTest
	@MethodSource("completingOptions")
	void everyOptionOrArgumentWithACompletionSourceCompletes(String name, String optionOrArgument) {
		List<String> words = new ArrayList<>(List.of(name.split(" ")));
		words.addAll(CONTEXT.getOrDefault(name + " " + optionOrArgument, List.of()));
		if (optionOrArgument.startsWith("--")) {
			words.add(optionOrArgument);
			boolean file = this.catalogue.find(name).orElseThrow().option(optionOrArgument.substring(2)).orElseThrow().file();
			words.add(file ? this.files + "/" : "");
		}
		else {
			boolean file = this.catalogue.find(name).orElseThrow().arguments().stream()
				.filter(argument -> argument.placeholder().equals(optionOrArgument)).findFirst().orElseThrow().file();
			words.add(file ? this.files + "/" : "");
		}

		assertThat(values(words)).as("%s %s completes", name, optionOrArgument).isNotEmpty();
	}

	private List<String> commandNames() {
		return this.catalogue.commands().stream().map(CommandSpec::name).toList();
	}

	/** The values (not options) proposed for the last word. */
	private List<String> values(List<String> words) {
		return this.completer.proposals(words, words.size() - 1, words.get(words.size() - 1).length()).stream()
			.map(CompletionProposal::value)
			.filter(value -> !value.startsWith("-"))
			.toList();
	}

}
