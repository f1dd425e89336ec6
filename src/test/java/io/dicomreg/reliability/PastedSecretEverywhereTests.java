package io.dicomreg.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.shell.core.InputReader;

import io.dicomreg.DicomregApplication;
import io.dicomreg.cli.CommandDispatcher;
import io.dicomreg.cli.CommandDispatcher.Outcome;
import io.dicomreg.cli.GlobalOptions;
import io.dicomreg.cli.Streams;
import io.dicomreg.cli.catalogue.CommandCatalogue;
import io.dicomreg.cli.catalogue.CommandSpec;
import io.dicomreg.cli.catalogue.OptionSpec;
import io.dicomreg.config.DicomregHome;
import io.dicomreg.support.TerminalSession;
import io.dicomreg.support.TestShell;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real client secret, pasted where it does not belong in every command of the catalogue (as the
 * command, as a stray word, as an unknown option, as the value of every option, in {@code --verbose}
 * too), then typed into the interactive shell and a recording: of every run that failed, no output
 * holds the secret; nor do the shell history, the recorded script, the sandbox's request log, or
 * any file of the dicomreg home.
 */
class PastedSecretEverywhereTests {

	@TempDir
	Path directory;

	@Test
	void aPastedSecretIsInNoErrorNoHistoryNoRecordingNoLogAndNoFileOfDicomreg() throws Exception {
		Path home = this.directory.resolve("home");
		Path state = this.directory.resolve("tenant.json");
		Path log = this.directory.resolve("requests.log");
		TestShell shell = new TestShell(home, "--sandbox-state", state.toString(), "--sandbox-log", log.toString());
		assertThat(shell.run("login").exitCode()).isZero();
		assertThat(shell.run("app", "register", "--name", "pasted").exitCode()).isZero();
		String secret = new ObjectMapper().readTree(shell.run("--output", "json", "secret", "add", "--description",
				"pasted", "--show-secret").out()).path("secretText").asText();
		assertThat(secret).hasSizeGreaterThan(30);

		// Pasted into a tenant and home of their own: a line that succeeds (an app named with the secret) is the user's
		// own doing, and its outputs are not searched; the tenant and home searched below see only the shell session.
		Path pasting = Files.createDirectories(this.directory.resolve("pasting"));
		Files.copy(state, pasting.resolve("tenant.json"));
		TestShell pastingShell = new TestShell(pasting.resolve("home"), "--sandbox-state", pasting.resolve("tenant.json")
			.toString());
		assertThat(pastingShell.run("login").exitCode()).isZero();
		assertThat(pastingShell.run("app", "use", "pasted").exitCode()).isZero();
		Map<String, String> failures = new LinkedHashMap<>();
		PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
		for (boolean verbose : List.of(false, true)) {
			List<String> global = new ArrayList<>(List.of("--sandbox-state", pasting.resolve("tenant.json").toString(),
					"--sandbox-log", log.toString()));
			if (verbose) {
				global.add("--verbose");
			}
			global.add("help");
			try (ConfigurableApplicationContext context = DicomregApplication.application(
					GlobalOptions.parse(global.toArray(String[]::new)), new Streams(quiet, quiet),
					new DicomregHome(pasting.resolve("home"))).run()) {
				CommandDispatcher dispatcher = context.getBean(CommandDispatcher.class);
				for (List<String> words : pastings(context.getBean(CommandCatalogue.class), secret, pasting, verbose)) {
					StringWriter out = new StringWriter();
					StringWriter err = new StringWriter();
					Outcome outcome = dispatcher.execute(words, new PrintWriter(out), new PrintWriter(err), new InputReader() {
					});
					if (!outcome.succeeded()) {
						failures.put((verbose ? "--verbose " : "") + String.join(" ", words).replace(secret, "SECRET"),
								out + "\n" + err);
					}
				}
			}
		}
		Path recording = this.directory.resolve("recorded.dicomreg");
		try (TerminalSession terminal = TerminalSession.start(home, "--sandbox-state", state.toString())) {
			terminal.enter("record start " + recording).expect("Recording to");
			terminal.enter(secret).expect("Error");
			terminal.enter("secret remove " + secret).expect("Error");
			terminal.enter("app show --app " + secret).expect("Error");
			terminal.enter("record stop").expect("Recorded to");
			terminal.enter("exit");
			assertThat(terminal.exitCode()).isZero();
		}

		assertThat(failures).as("runs that failed").hasSizeGreaterThan(100);
		assertThat(failures).allSatisfy((line, output) -> assertThat(output).as(line).doesNotContain(secret)
			.doesNotContain(secret.substring(3, 20)));
		Map<String, String> files = new LinkedHashMap<>();
		for (Path file : filesUnder(home)) {
			files.put(file.toString(), read(file));
		}
		files.put("recording", read(recording));
		files.put("request log", read(log));
		files.put("state", read(state));
		assertThat(files).containsKeys(home.resolve("history").toString());
		assertThat(files).allSatisfy((file, text) -> assertThat(text).as(file).doesNotContain(secret)
			.doesNotContain(secret.substring(3, 20)));
	}

	/**
	 * The secret where a word of each command goes: the command, a stray word, an option's name, every
	 * option's value; with {@code --verbose}, the words the parser refuses (stack traces come with
	 * failures past it, which the first pass has).
	 */
	private static List<List<String>> pastings(CommandCatalogue catalogue, String secret, Path folder, boolean verbose) {
		// A file option's value is the secret as a file name in the pasting folder: nothing is written elsewhere.
		String inFolder = folder.resolve(secret).toString();
		List<List<String>> lines = new ArrayList<>();
		lines.add(List.of(secret));
		lines.add(List.of("app", secret));
		for (CommandSpec command : catalogue.commands()) {
			List<String> name = List.of(command.name().split(" "));
			boolean fileArgument = command.arguments().stream().anyMatch(argument -> argument.file());
			lines.add(with(name, fileArgument ? inFolder : secret));
			lines.add(with(name, "--" + secret + "=x"));
			if (verbose) {
				continue;
			}
			lines.add(with(name, "--" + secret));
			for (OptionSpec option : command.options()) {
				String value = option.file() ? inFolder : secret;
				lines.add(with(name, "--" + option.longName() + "=" + value));
				if (!option.flag()) {
					lines.add(with(name, "--" + option.longName(), value, "--no-such-option"));
				}
			}
		}
		return lines;
	}

	private static List<String> with(List<String> words, String... more) {
		List<String> all = new ArrayList<>(words);
		all.addAll(List.of(more));
		return all;
	}

	private static List<Path> filesUnder(Path directory) throws IOException {
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter(Files::isRegularFile).toList();
		}
	}

	private static String read(Path file) {
		try {
			return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
