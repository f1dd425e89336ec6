package io.dicomreg.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
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

import io.dicomreg.error.DicomregException;
import io.dicomreg.error.ExitCode;
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

	public CommandDispatcher(CommandRegistry registry, CommandLineParser parser, OutputSettings output,
			ErrorReporter errors, Notices notices, CommandArguments arguments) {
		this.registry = registry;
		this.parser = parser;
		this.output = output;
		this.errors = errors;
		this.notices = notices;
		this.arguments = arguments;
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
		this.notices.use(err);
		try {
			ParsedInput parsed = this.parser.parse(words);
			Command command = resolve(parsed);
			if (hasOption(parsed, "help") || hasOption(parsed, "h")) {
				out.println(HelpCommand.usage(command, this.arguments.describe(command.getName())));
				return ExitCode.OK;
			}
			this.output.override(optionValue(parsed, "output").map(OutputFormat::parse).orElse(null));
			check(command, parsed);
			ExitStatus status = new CommandExecutor(this.registry)
				.execute(new CommandContext(withoutCommonOptions(parsed), this.registry, out, input));
			return toExitCode(status);
		}
		catch (Exception ex) {
			return this.errors.report(ex, err);
		}
		finally {
			this.output.reset();
			out.flush();
			err.flush();
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
		List<String> missing = CommandLineParser.missingRequired(command, parsed);
		if (!missing.isEmpty()) {
			throw DicomregException.invalidInput("Missing required option " + String.join(", ", missing) + " for '"
					+ command.getName() + "'. Run 'help " + command.getName() + "' for its options.");
		}
		Availability availability = command.getAvailabilityProvider().get();
		if (!availability.isAvailable()) {
			throw DicomregException.failure("'" + command.getName() + "' is not available: " + availability.reason());
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
