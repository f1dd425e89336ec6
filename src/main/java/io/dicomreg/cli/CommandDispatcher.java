package io.dicomreg.cli;

import java.io.PrintWriter;
import java.util.List;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.availability.Availability;
import org.springframework.shell.core.command.availability.AvailabilityProvider;

import io.dicomreg.cli.catalogue.CommandSpec;
import io.dicomreg.cli.catalogue.DryRunMode;
import io.dicomreg.cli.catalogue.OptionSpec;
import io.dicomreg.cli.catalogue.ParsedCommand;
import io.dicomreg.config.CommandScope;
import io.dicomreg.config.DryRun;
import io.dicomreg.config.RequestCounts;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.ExitCode;
import io.dicomreg.output.OutputFormat;
import io.dicomreg.output.Renderer;
import io.dicomreg.output.Result;

/**
 * Runs one command line, typed or given as arguments: parses it against the catalogue, checks it,
 * makes its {@link CommandRun}, calls the command, renders its result and maps the outcome to an
 * exit code. Every error is reported here, as one line.
 */
public class CommandDispatcher {

	private final CommandLineParser parser;

	private final CommandInvoker invoker;

	private final BeanFactory beans;

	private final Renderer renderer;

	private final ErrorReporter errors;

	private final OutputFormat defaultFormat;

	private final RequestCounts requests;

	private final CommandScope scope;

	/**
	 * @param requests the counts of requests sent, printed after each command (with {@code --verbose}), or
	 * {@code null} not to print them
	 */
	public CommandDispatcher(CommandLineParser parser, BeanFactory beans, Renderer renderer, ErrorReporter errors,
			OutputFormat defaultFormat, RequestCounts requests, CommandScope scope) {
		this.parser = parser;
		this.invoker = new CommandInvoker(beans);
		this.beans = beans;
		this.renderer = renderer;
		this.errors = errors;
		this.defaultFormat = defaultFormat;
		this.requests = requests;
		this.scope = scope;
	}

	/** Reports a failure as one line after {@code prefix}, and returns its exit code. */
	public ExitCode report(Exception failure, PrintWriter err, String prefix) {
		return this.errors.report(failure, err, prefix);
	}

	/** Runs a typed line. */
	public Outcome execute(String line, PrintWriter out, PrintWriter err, InputReader input) {
		try {
			return execute(ShellWords.split(line), out, err, input);
		}
		catch (DicomregException ex) {
			return Outcome.failed(this.errors.report(ex, err), ex);
		}
	}

	/** Runs a command given as words already split (one-shot arguments, script lines), reporting a failure. */
	public Outcome execute(List<String> words, PrintWriter out, PrintWriter err, InputReader input) {
		Outcome outcome = run(words, out, err, input);
		return (outcome.failure() != null) ? Outcome.failed(this.errors.report(outcome.failure(), err), outcome.failure())
				: outcome;
	}

	/**
	 * Runs a command and returns its outcome without reporting a failure: a script reports it with
	 * its file and line. In a dry run the command's output is replaced by the changes it would make.
	 */
	public Outcome run(List<String> words, PrintWriter out, PrintWriter err, InputReader input) {
		return run(words, out, err, input, null);
	}

	/**
	 * Runs a line of a script: like {@link #run(List, PrintWriter, PrintWriter, InputReader)}, with the
	 * script's plan, so that a dry-run script's lines see what the lines before would have done.
	 * @param scriptPlan the plan of the script the line belongs to, or {@code null}
	 */
	public Outcome run(List<String> words, PrintWriter out, PrintWriter err, InputReader input, DryRun scriptPlan) {
		ParsedCommand parsed = null;
		RequestCounts.Counts before = null;
		if (scriptPlan != null) {
			this.scope.beginScriptLine();
		}
		else {
			this.scope.begin();
		}
		try {
			parsed = this.parser.parse(words);
			CommandSpec command = parsed.command();
			if (parsed.wantsHelp()) {
				out.println(HelpText.usage(command));
				return Outcome.done(ExitCode.OK, null, false);
			}
			OutputFormat format = parsed.option(OptionSpec.OUTPUT).map(OutputFormat::parse).orElse(this.defaultFormat);
			DryRun plan = planOf(parsed, scriptPlan);
			check(parsed, format, plan);
			checkAvailable(command);
			plan.takePlanned();
			CommandRun run = new CommandRun(parsed, format, out, err, input, plan);
			before = (this.requests != null) ? this.requests.now() : null;
			Result result = this.invoker.invoke(run);
			if (!plan.active() || command.traits().dryRun() != DryRunMode.PLAN) {
				print(result, format, out, err);
				if (result.failure() != null) {
					err.println("Error: " + io.dicomreg.output.SafeText.of(io.dicomreg.error.SecretShapes.redact(result.failure())));
				}
				return Outcome.done(result.isFailed() ? ExitCode.FAILURE : ExitCode.OK, result.changed(),
						command.traits().endsShell());
			}
			List<String> planned = plan.takePlanned();
			if (planned.isEmpty()) {
				print(result, format, out, err);
			}
			else {
				printPlan(planned, format, out);
			}
			return new Outcome(ExitCode.OK, null, !planned.isEmpty(), planned, false);
		}
		catch (Exception ex) {
			return new Outcome(ExitCode.FAILURE, withOptionNames(ex, parsed), null, List.of(), false);
		}
		finally {
			if (before != null) {
				err.println(this.requests.now().since(before));
			}
			out.flush();
			err.flush();
		}
	}

	/**
	 * Checks a command line without running it: it parses, its command and options exist, its
	 * required options are given.
	 * @return the command it runs
	 * @throws DicomregException (usage) for what would stop it before it ran
	 */
	public CommandSpec check(List<String> words) {
		ParsedCommand parsed = this.parser.parse(words);
		if (!parsed.wantsHelp()) {
			requireOptions(parsed);
		}
		return parsed.command();
	}

	private void print(Result result, OutputFormat format, PrintWriter out, PrintWriter err) {
		if (format == OutputFormat.JSON) {
			result.jsonNotes().forEach(err::println);
		}
		String text = this.renderer.render(result, format);
		if (!text.isEmpty() || !result.notes().isEmpty() || result.changed() != null) {
			out.println(text);
		}
	}

	/** In a dry run, what would change replaces the command's output. */
	private static void printPlan(List<String> planned, OutputFormat format, PrintWriter out) {
		if (format == OutputFormat.JSON) {
			out.println(PlanJson.of(planned));
			return;
		}
		planned.forEach(change -> out.println("Dry run: would " + change + "."));
	}

	/**
	 * The plan of this run: the script's when it is a dry run; a new dry run's when the line asks for
	 * one; else one that plans nothing.
	 */
	private static DryRun planOf(ParsedCommand parsed, DryRun scriptPlan) {
		if (scriptPlan != null && scriptPlan.active()) {
			return scriptPlan;
		}
		return parsed.wantsDryRun() ? DryRun.planning() : DryRun.off();
	}

	private static void check(ParsedCommand parsed, OutputFormat format, DryRun plan) {
		requireOptions(parsed);
		CommandSpec command = parsed.command();
		if (plan.active() && command.traits().dryRun() == DryRunMode.REFUSE) {
			throw DryRuns.refused(command);
		}
		List<String> oneOf = List.of(command.traits().jsonNeedsOneOf());
		if (format == OutputFormat.JSON && !oneOf.isEmpty() && oneOf.stream().noneMatch(parsed.options()::containsKey)) {
			throw DicomregException.invalidInput("With --output json the value must go somewhere: add " + String.join(
					" or ", oneOf.stream().map(name -> command.option(name).orElseThrow().usage()).toList()) + ".");
		}
	}

	private void checkAvailable(CommandSpec command) {
		if (!command.needsAvailability()) {
			return;
		}
		Availability availability = this.beans.getBean(command.availability(), AvailabilityProvider.class).get();
		if (!availability.isAvailable()) {
			throw DicomregException.failure("'" + command.name() + "' is not available: " + availability.reason());
		}
	}

	private static void requireOptions(ParsedCommand parsed) {
		List<String> missing = CommandLineParser.missingRequired(parsed);
		if (!missing.isEmpty()) {
			String name = parsed.command().name();
			throw DicomregException.invalidInput("Missing required option " + String.join(", ", missing) + " for '" + name
					+ "'. Run 'help " + name + "' for its options.");
		}
	}

	/** A service's error about a thing of the domain, said with the option of this command that gave it. */
	private static Exception withOptionNames(Exception failure, ParsedCommand parsed) {
		if (parsed == null || !(failure instanceof DicomregException error)) {
			return failure;
		}
		return parsed.command().nameOf(error.getSubject())
			.<Exception>map(name -> error.renamed(error.messageNaming(name)))
			.orElse(failure);
	}

	/**
	 * What running a command came to.
	 *
	 * @param exitCode its exit code (of no meaning while {@code failure} is set)
	 * @param failure why it failed, or {@code null}
	 * @param changed whether it changed the tenant (in a dry run: would change); {@code null} when it
	 * only read
	 * @param planned in a dry run, the changes it would make
	 * @param endsShell whether it ends the interactive shell
	 */
	public record Outcome(ExitCode exitCode, Exception failure, Boolean changed, List<String> planned,
			boolean endsShell) {

		static Outcome done(ExitCode exitCode, Boolean changed, boolean endsShell) {
			return new Outcome(exitCode, null, changed, List.of(), endsShell);
		}

		static Outcome failed(ExitCode exitCode, Exception failure) {
			return new Outcome(exitCode, failure, null, List.of(), false);
		}

		/** Whether it succeeded. */
		public boolean succeeded() {
			return this.failure == null && this.exitCode == ExitCode.OK;
		}

	}

}
