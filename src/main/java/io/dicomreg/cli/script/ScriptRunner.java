package io.dicomreg.cli.script;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.shell.core.InputReader;

import io.dicomreg.cli.CommandDispatcher;
import io.dicomreg.cli.CommandRun;
import io.dicomreg.cli.catalogue.CommandSpec;
import io.dicomreg.cli.CommandDispatcher.Outcome;
import io.dicomreg.cli.ShellWords;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.ExitCode;
import io.dicomreg.error.SecretShapes;
import io.dicomreg.output.SafeText;

/**
 * Runs a script: every line is checked first (it parses, its variables are defined, its command
 * and options exist), then the lines run in order through the same dispatcher as typed commands.
 * The first failure stops it, unless asked to go on; a summary counts what changed.
 */
public class ScriptRunner {

	private final Supplier<CommandDispatcher> dispatcher;

	private final Function<String, String> environment;

	/**
	 * @param dispatcher the dispatcher of typed commands, looked up when a script runs (it knows the
	 * commands, this one among them)
	 * @param environment environment variables by name
	 */
	public ScriptRunner(Supplier<CommandDispatcher> dispatcher, Function<String, String> environment) {
		this.dispatcher = dispatcher;
		this.environment = environment;
	}

	/**
	 * Runs {@code file}.
	 * @param variables values given with {@code --var}, which win over the environment
	 * @param run the run of the {@code script} command: its output, notices and dry-run plan, which
	 * the lines share
	 * @return OK when every line ran, USAGE when a line did not pass the check (none ran), FAILURE
	 * when a line failed
	 * @throws DicomregException (usage) when the file cannot be read
	 */
	public ExitCode run(Path file, Map<String, String> variables, boolean continueOnError, CommandRun run) {
		PrintWriter out = run.out();
		PrintWriter err = run.notices();
		boolean dryRun = run.plan().active();
		String name = file.toString();
		List<ScriptLine> lines = ScriptFile.read(file);
		Function<String, String> values = variable -> variables.containsKey(variable) ? variables.get(variable)
				: this.environment.apply(variable);
		List<List<String>> commands = check(name, lines, values, err);
		if (commands == null) {
			err.println(SafeText.of(SecretShapes.redact(name)) + ": nothing was run: correct the lines above first.");
			return ExitCode.USAGE;
		}
		Summary summary = new Summary(lines.size());
		for (int i = 0; i < lines.size(); i++) {
			ScriptLine line = lines.get(i);
			out.println("[" + name + ":" + line.number() + "] " + line.text());
			out.flush();
			Outcome outcome = this.dispatcher.get().run(commands.get(i), out, err, new InputReader() {
			}, run.plan());
			if (!outcome.succeeded()) {
				this.dispatcher.get().report(outcome.failure(), err, name + ":" + line.number() + ": " + line.text() + ": ");
				summary.failed(name + ":" + line.number());
				if (!continueOnError) {
					break;
				}
			}
			else {
				// A line's own --dry-run in a real run changes nothing.
				summary.ran(dryRun || outcome.planned().isEmpty() ? outcome.changed() : Boolean.FALSE);
			}
		}
		out.println(summary.describe(name, dryRun));
		if (!summary.failures.isEmpty() && continueOnError) {
			err.println(SafeText.of(SecretShapes.redact("Failed: " + String.join(", ", summary.failures))));
		}
		return summary.failures.isEmpty() ? ExitCode.OK : ExitCode.FAILURE;
	}

	/** Every line's words, or {@code null} after reporting each line that cannot run. */
	private List<List<String>> check(String name, List<ScriptLine> lines, Function<String, String> values, PrintWriter err) {
		List<List<String>> commands = new ArrayList<>();
		boolean valid = true;
		for (ScriptLine line : lines) {
			String place = name + ":" + line.number() + ": " + line.text() + ": ";
			try {
				List<String> words = ShellWords.split(line.text(), values);
				CommandSpec command = this.dispatcher.get().check(words);
				if (!command.traits().inScripts()) {
					throw DicomregException.invalidInput("'" + command.name() + "' cannot run in a script.");
				}
				commands.add(words);
			}
			catch (DicomregException ex) {
				this.dispatcher.get().report(ex, err, place);
				valid = false;
			}
		}
		return valid ? commands : null;
	}

	/** What the lines came to. */
	private static final class Summary {

		private final int lines;

		private int changed;

		private int unchanged;

		private final List<String> failures = new ArrayList<>();

		Summary(int lines) {
			this.lines = lines;
		}

		void ran(Boolean changed) {
			if (Boolean.TRUE.equals(changed)) {
				this.changed++;
			}
			else {
				this.unchanged++;
			}
		}

		void failed(String place) {
			this.failures.add(place);
		}

		String describe(String name, boolean dryRun) {
			int ran = this.changed + this.unchanged + this.failures.size();
			String text = name + ": " + ran + " of " + this.lines + " line(s) run: " + this.changed
					+ (dryRun ? " would change, " : " changed, ") + this.unchanged + " unchanged, " + this.failures.size()
					+ " failed";
			if (ran < this.lines) {
				text += ", " + (this.lines - ran) + " not run";
			}
			return text + (dryRun ? ". Dry run: nothing was changed." : ".");
		}

	}

}
