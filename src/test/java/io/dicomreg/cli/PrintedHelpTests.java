package io.dicomreg.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.shell.core.InputReader;

import io.dicomreg.DicomregApplication;
import io.dicomreg.cli.CommandDispatcher.Outcome;
import io.dicomreg.cli.catalogue.CommandCatalogue;
import io.dicomreg.cli.catalogue.CommandSpec;
import io.dicomreg.config.DicomregHome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The help written at build time is what the running shell prints: every command by name, alias,
 * {@code help NAME}, {@code NAME --help} and {@code NAME -h}, every group, and the overview, each
 * compared with the shell's dispatcher in a started context; and it names exactly the commands of
 * that context's catalogue.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrintedHelpTests {

	private ConfigurableApplicationContext context;

	private CommandCatalogue catalogue;

	private CommandDispatcher dispatcher;

	private PrintedHelp printed;

	@BeforeAll
	void start(@TempDir Path home) {
		PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
		this.context = DicomregApplication.application(GlobalOptions.parse(new String[] { "--sandbox", "version" }),
				new Streams(quiet, quiet), new DicomregHome(home)).run();
		this.catalogue = this.context.getBean(CommandCatalogue.class);
		this.dispatcher = this.context.getBean(CommandDispatcher.class);
		this.printed = PrintedHelp.load().orElseThrow(() -> new AssertionError(
				"The build did not write " + PrintedHelp.RESOURCE + " (exec-maven-plugin, process-classes)"));
	}

	@AfterAll
	void close() {
		this.context.close();
	}

	Stream<List<String>> questions() {
		List<List<String>> questions = new ArrayList<>();
		questions.add(List.of("help"));
		TreeSet<String> groups = new TreeSet<>();
		for (CommandSpec command : this.catalogue.commands()) {
			List<String> names = new ArrayList<>(command.aliases());
			names.add(command.name());
			for (String name : names) {
				List<String> words = List.of(name.split(" "));
				questions.add(concat(List.of("help"), words));
				questions.add(concat(words, List.of("--help")));
				questions.add(concat(words, List.of("-h")));
				for (int length = 1; length < words.size(); length++) {
					groups.add(String.join(" ", words.subList(0, length)));
				}
			}
		}
		groups.forEach(group -> questions.add(concat(List.of("help"), List.of(group.split(" ")))));
		return questions.stream();
	}

	@ParameterizedTest
	@MethodSource("questions")
	void printsWhatTheShellPrints(List<String> words) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		Outcome outcome = this.dispatcher.execute(words, new PrintWriter(out), new PrintWriter(err), new InputReader() {
		});
		assertThat(outcome.exitCode().code()).as(err.toString()).isZero();

		ByteArrayOutputStream printedOut = new ByteArrayOutputStream();
		boolean answered = PrintedHelp.answer(GlobalOptions.parse(words.toArray(String[]::new)),
				new PrintStream(printedOut, true, StandardCharsets.UTF_8));

		assertThat(answered).as("answered without Spring").isTrue();
		assertThat(printedOut.toString(StandardCharsets.UTF_8)).isEqualTo(out.toString());
	}

	@Test
	void namesExactlyTheCommandsOfTheRunningShell() {
		TreeSet<String> names = new TreeSet<>();
		this.catalogue.commands().forEach(command -> {
			names.add(command.name());
			names.addAll(command.aliases());
		});
		TreeSet<String> printedNames = new TreeSet<>();
		for (String name : names) {
			assertThat(this.printed.text(concat(List.of(name.split(" ")), List.of("--help")))).as(name).isPresent();
		}
		HelpIndexWriter.texts(this.catalogue).keySet().stream().filter(key -> key.startsWith(PrintedHelp.COMMAND))
			.forEach(key -> printedNames.add(key.substring(PrintedHelp.COMMAND.length())));
		assertThat(printedNames).isEqualTo(names);
		assertThat(HelpIndexWriter.texts(HelpIndexWriter.catalogue())).isEqualTo(HelpIndexWriter.texts(this.catalogue));
	}

	@Test
	void knowsWhichCommandsConnectAsTheRunningShellDoes() {
		assertThat(HelpIndexWriter.connecting(HelpIndexWriter.catalogue()))
			.isEqualTo(HelpIndexWriter.connecting(this.catalogue))
			.contains("app show", "role assign", "verify")
			.doesNotContain("help", "version", "login", "sandbox serve");
		assertThat(PrintedHelp.connects(GlobalOptions.parse(new String[] { "--sandbox", "app", "show", "--app", "x" })))
			.isTrue();
		for (String[] args : List.of(new String[] { "--sandbox", "app", "show", "--help" }, new String[] { "version" },
				new String[] { "--sandbox" }, new String[] { "sandbox", "serve" }, new String[] { "frobnicate" })) {
			assertThat(PrintedHelp.connects(GlobalOptions.parse(args))).as(String.join(" ", args)).isFalse();
		}
	}

	@Test
	void leavesToTheShellWhatItCannotAnswerExactly() {
		for (String[] args : List.of(new String[] { "--output", "json", "help" }, new String[] { "--verbose", "help" },
				new String[] { "help", "frobnicate" },
				new String[] { "help", "--output", "json" }, new String[] { "app", "--help" },
				new String[] { "app", "show", "--app", "x", "--help" }, new String[] { "frobnicate", "--help" },
				new String[] { "app", "show" }, new String[] {})) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			assertThat(PrintedHelp.answer(GlobalOptions.parse(args), new PrintStream(out, true, StandardCharsets.UTF_8)))
				.as(String.join(" ", args)).isFalse();
			assertThat(out.size()).isZero();
		}
	}

	@Test
	void aRunOfHelpIsAnsweredFromThePrintedTexts(@TempDir Path home) {
		io.dicomreg.support.TestShell.Result result = new io.dicomreg.support.TestShell(home).run("help", "app", "show");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).isEqualTo(this.printed.text(List.of("help", "app", "show")).orElseThrow()
				+ System.lineSeparator());
	}

	private static List<String> concat(List<String> first, List<String> second) {
		List<String> words = new ArrayList<>(first);
		words.addAll(second);
		return List.copyOf(words);
	}

}
