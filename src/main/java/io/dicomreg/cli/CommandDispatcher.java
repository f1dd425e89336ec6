package io.dicomreg.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandExecutor;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.ParsedInput;
import org.springframework.shell.core.command.availability.Availability;

import io.dicomreg.config.DryRun;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.ExitCode;
import io.dicomreg.output.ChangeTracker;
import io.dicomreg.output.Notices;
import io.dicomreg.output.OutputFormat;
import io.dicomreg.output.OutputSettings;

/**
 * Runs one command line, typed or given as arguments: parses it, checks it, executes it and maps
 * the outcome to an exit code. Every error is reported here, as one line.
 */
public class CommandDispatcher {

	private final CommandRegistry registry;

	private final CommandLineParser parser;

	private final OutputSettings output;

	private final ErrorReporter errors;

	private final Notices notices;

	private final CommandArguments arguments;

	/** Commands that change this machine rather than the tenant: a dry run of them cannot be. */
	private static final Set<String> NO_DRY_RUN = Set.of("login", "logout", "walkthrough", "record start", "record stop");

	private final DryRun dryRun;

	private final ChangeTracker changes;

	public CommandDispatcher(CommandRegistry registry, CommandLineParser parser, OutputSettings output,
			ErrorReporter errors, Notices notices, CommandArguments arguments, DryRun dryRun, ChangeTracker changes) {
		this.registry = registry;
		this.parser = parser;
		this.output = output;
		this.errors = errors;
		this.notices = notices;
		this.arguments = arguments;
		this.dryRun = dryRun;
		this.changes = changes;
	}

	/** Reports a failure as one line after {@code prefix}, and returns its exit code. */
	public ExitCode report(Exception failure, PrintWriter err, String prefix) {
		return this.errors.report(failure, err, prefix);
	}

	/** Runs a typed line. */
	public ExitCode execute(String line, PrintWriter out, PrintWriter err, InputReader input) {
		try {
			return execute(ShellWords.split(line), out, err, input);
		}
		catch (DicomregException ex) {
			return this.errors.report(ex, err);
		}
	}

	/** Runs a command given as words already split (one-shot arguments, script lines). */
	public ExitCode execute(List<String> words, PrintWriter out, PrintWriter err, InputReader input) {
		Outcome outcome = run(words, out, err, input);
		return (outcome.failure() != null) ? this.errors.report(outcome.failure(), err) : outcome.exitCode();
	}

	/**
	 * Runs a command and returns its outcome without reporting a failure: a script reports it with
	 * its file and line. In a dry run the command's output is replaced by the changes it would make.
	 */
	public Outcome run(List<String> words, PrintWriter out, PrintWriter err, InputReader input) {
		this.notices.use(err);
		boolean dry = false;
		try {
			ParsedInput parsed = this.parser.parse(words);
			Command command = resolve(parsed);
			if (hasOption(parsed, "help") || hasOption(parsed, "h")) {
				out.println(HelpCommand.usage(command, this.arguments.describe(command.getName())));
				return Outcome.done(ExitCode.OK, null);
			}
			this.output.override(optionValue(parsed, "output").map(OutputFormat::parse).orElse(null));
			check(command, parsed);
			dry = isDryRun(parsed);
			checkDryRun(command.getName(), dry);
			if (dry) {
				this.dryRun.begin();
			}
			this.changes.take();
			// A script prints its lines as they run; each of them shows its own plan.
			boolean planOnly = this.dryRun.active() && !command.getName().equals("script");
			StringWriter captured = new StringWriter();
			PrintWriter target = planOnly ? new PrintWriter(captured) : out;
			ExitStatus status = new CommandExecutor(this.registry)
				.execute(new CommandContext(withoutCommonOptions(parsed), this.registry, target, input));
			if (!planOnly) {
				return Outcome.done(toExitCode(status), this.changes.take());
			}
			target.flush();
			List<String> planned = this.dryRun.takePlanned();
			this.changes.take();
			printPlan(planned, captured.toString(), out);
			return new Outcome(toExitCode(status), null, !planned.isEmpty(), planned);
		}
		catch (Exception ex) {
			return new Outcome(ExitCode.FAILURE, ex, null, List.of());
		}
		finally {
			if (dry) {
				this.dryRun.end();
			}
			this.output.reset();
			out.flush();
			err.flush();
		}
	}

	/**
	 * Checks a command line without running it: it parses, and its command and options exist.
	 * @throws DicomregException (usage) for what would stop it before it ran
	 */
	public void check(List<String> words) {
		ParsedInput parsed = this.parser.parse(words);
		Command command = resolve(parsed);
		checkDryRun(command.getName(), isDryRun(parsed));
		if (!hasOption(parsed, "help") && !hasOption(parsed, "h")) {
			requireOptions(command, parsed);
		}
	}

	/** The name of the command {@code words} run, once checked. */
	public String commandName(List<String> words) {
		return resolve(this.parser.parse(words)).getName();
	}

	/** In a dry run, what would change replaces the command's output; without changes, the output stays. */
	private void printPlan(List<String> planned, String output, PrintWriter out) {
		if (planned.isEmpty()) {
			out.print(output);
			return;
		}
		if (this.output.format() == OutputFormat.JSON) {
			out.println(PlanJson.of(planned));
			return;
		}
		planned.forEach(change -> out.println("Dry run: would " + change + "."));
	}

	private static boolean isDryRun(ParsedInput parsed) {
		return optionValue(parsed, "dry-run").map(value -> !value.equalsIgnoreCase("false")).orElse(false);
	}

	/**
	 * Refuses a dry run of a command that changes this machine rather than the tenant (signing in or
	 * out, recording, the walkthrough), which it could not leave undone.
	 */
	private void checkDryRun(String name, boolean explicit) {
		if ((explicit && NO_DRY_RUN.contains(name)) || (this.dryRun.active() && name.equals("logout"))) {
			throw DicomregException.invalidInput("'" + name + "' cannot run in a dry run (--dry-run): it changes this "
					+ "machine, not the tenant's applications. Run it without --dry-run.");
		}
	}

	/**
	 * What running a command came to.
	 *
	 * @param exitCode its exit code (of no meaning while {@code failure} is set)
	 * @param failure why it failed, or {@code null}
	 * @param changed whether it changed the tenant (in a dry run: would change); {@code null} when it
	 * only read
	 * @param planned in a dry run, the changes it would make
	 */
	public record Outcome(ExitCode exitCode, Exception failure, Boolean changed, List<String> planned) {

		static Outcome done(ExitCode exitCode, Boolean changed) {
			return new Outcome(exitCode, null, changed, List.of());
		}

	}

	private Command resolve(ParsedInput parsed) {
		String name = fullName(parsed);
		Command command = this.registry.getCommandByName(name);
		if (command != null) {
			return command;
		}
		List<Command> group = this.registry.getCommandsByPrefix(parsed.commandName() + " ");
		if (group.isEmpty()) {
			throw DicomregException.invalidInput("Unknown command '" + name + "'. Run 'help' to list the commands.");
		}
		String known = group.stream().map(Command::getName).sorted().collect(Collectors.joining(", "));
		if (parsed.arguments().isEmpty()) {
			throw DicomregException.invalidInput("'" + name + "' needs a sub-command: use one of " + known + ".");
		}
		throw DicomregException.invalidInput("Unknown command '" + name + " " + parsed.arguments().get(0).value()
				+ "': use one of " + known + ".");
	}

	private void check(Command command, ParsedInput parsed) {
		requireOptions(command, parsed);
		Availability availability = command.getAvailabilityProvider().get();
		if (!availability.isAvailable()) {
			throw DicomregException.failure("'" + command.getName() + "' is not available: " + availability.reason());
		}
	}

	private static void requireOptions(Command command, ParsedInput parsed) {
		List<String> missing = CommandLineParser.missingRequired(command, parsed);
		if (!missing.isEmpty()) {
			throw DicomregException.invalidInput("Missing required option " + String.join(", ", missing) + " for '"
					+ command.getName() + "'. Run 'help " + command.getName() + "' for its options.");
		}
	}

	private static String fullName(ParsedInput parsed) {
		return parsed.subCommands().isEmpty() ? parsed.commandName()
				: parsed.commandName() + " " + String.join(" ", parsed.subCommands());
	}

	private static boolean hasOption(ParsedInput parsed, String name) {
		return parsed.options().stream().anyMatch(option -> name.equals(option.longName()));
	}

	private static Optional<String> optionValue(ParsedInput parsed, String name) {
		return parsed.options().stream().filter(option -> name.equals(option.longName())).map(CommandOption::value)
			.findFirst();
	}

	private static ParsedInput withoutCommonOptions(ParsedInput parsed) {
		ParsedInput.Builder builder = ParsedInput.builder().commandName(parsed.commandName());
		parsed.subCommands().forEach(builder::addSubCommand);
		parsed.options()
			.stream()
			.filter(option -> !CommandLineParser.COMMON_OPTIONS.contains(option.longName()))
			.forEach(builder::addOption);
		parsed.arguments().forEach(builder::addArgument);
		return builder.build();
	}

	private static ExitCode toExitCode(ExitStatus status) {
		if (status.code() == ExitStatus.OK.code()) {
			return ExitCode.OK;
		}
		return (status.code() == ExitStatus.USAGE_ERROR.code()) ? ExitCode.USAGE : ExitCode.FAILURE;
	}

}
