package io.dicomreg.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;

import io.dicomreg.error.DicomregException;

/**
 * {@code help} lists the commands by group; {@code help COMMAND} (or {@code COMMAND --help}) shows
 * its usage and options.
 */
public class HelpCommand implements Command {

	private final CommandArguments arguments;

	public HelpCommand(CommandArguments arguments) {
		this.arguments = arguments;
	}

	@Override
	public String getName() {
		return "help";
	}

	@Override
	public String getDescription() {
		return "List the commands, or show the usage and options of one: help COMMAND";
	}

	@Override
	public String getGroup() {
		return "Built-In Commands";
	}

	@Override
	public ExitStatus execute(CommandContext context) {
		String name = context.parsedInput().arguments().stream().map(CommandArgument::value)
			.collect(Collectors.joining(" "));
		CommandRegistry registry = context.commandRegistry();
		PrintWriter out = context.outputWriter();
		if (name.isEmpty()) {
			out.println(overview(registry));
		}
		else {
			Command command = registry.getCommandByName(name);
			List<Command> group = registry.getCommandsByPrefix(name + " ");
			if (command != null) {
				out.println(usage(command, this.arguments.describe(command.getName())));
			}
			else if (!group.isEmpty()) {
				out.println(list(group));
			}
			else {
				throw DicomregException.invalidInput("Unknown command '" + name + "'. Run 'help' to list the commands.");
			}
		}
		out.flush();
		return ExitStatus.OK;
	}

	/** The usage, arguments and options of one command. */
	static String usage(Command command, List<CommandArguments.Described> positional) {
		StringBuilder text = new StringBuilder("Usage: ").append(command.getName());
		positional.forEach(argument -> text.append(' ').append(argument.placeholder()));
		for (CommandOption option : command.getOptions()) {
			String word = "--" + option.longName() + placeholder(option);
			text.append(' ').append(Boolean.TRUE.equals(option.required()) ? word : "[" + word + "]");
		}
		text.append(" [--output table|json] [--dry-run]").append(System.lineSeparator()).append(System.lineSeparator());
		text.append(command.getDescription()).append(System.lineSeparator()).append(System.lineSeparator());
		if (!positional.isEmpty()) {
			int width = positional.stream().mapToInt(argument -> argument.placeholder().length()).max().orElse(0);
			text.append("Arguments:").append(System.lineSeparator());
			positional.forEach(argument -> text.append(String.format("  %-" + width + "s  %s%n", argument.placeholder(),
					argument.description())));
			text.append(System.lineSeparator());
		}
		text.append("Options:").append(System.lineSeparator());
		List<String[]> rows = new ArrayList<>();
		for (CommandOption option : command.getOptions()) {
			String description = (option.description() != null) ? option.description() : "";
			if (Boolean.TRUE.equals(option.required())) {
				description += " (required)";
			}
			else if (option.defaultValue() != null && !option.defaultValue().isEmpty()) {
				description += " (default: " + option.defaultValue() + ")";
			}
			rows.add(new String[] { "--" + option.longName() + placeholder(option), description });
		}
		rows.add(new String[] { "--output table|json", "output format of this command" });
		rows.add(new String[] { "--dry-run", "read everything, change nothing: say what would change" });
		rows.add(new String[] { "-h, --help", "show this help" });
		int width = rows.stream().mapToInt(row -> row[0].length()).max().orElse(0);
		rows.forEach(row -> text.append(String.format("  %-" + width + "s  %s%n", row[0], row[1])));
		if (!command.getAliases().isEmpty()) {
			text.append(System.lineSeparator()).append("Aliases: ").append(String.join(", ", command.getAliases()))
				.append(System.lineSeparator());
		}
		return text.toString().stripTrailing();
	}

	private static String overview(CommandRegistry registry) {
		return list(List.copyOf(registry.getCommands())) + System.lineSeparator()
				+ "Run 'help COMMAND' (or COMMAND --help) for its options; 'dicomreg --help' for the global options.";
	}

	private static String list(List<Command> all) {
		List<Command> commands = all.stream().filter(command -> !command.isHidden())
			.sorted(Comparator.comparing(Command::getGroup).thenComparing(Command::getName)).toList();
		int width = commands.stream().mapToInt(command -> command.getName().length()).max().orElse(0);
		StringBuilder text = new StringBuilder();
		String group = null;
		for (Command command : commands) {
			if (!command.getGroup().equals(group)) {
				group = command.getGroup();
				text.append(text.isEmpty() ? "" : System.lineSeparator()).append(group).append(System.lineSeparator());
			}
			text.append(String.format("  %-" + width + "s  %s%n", command.getName(), command.getDescription()));
		}
		return text.toString();
	}

	private static String placeholder(CommandOption option) {
		Class<?> type = option.type();
		if (type == boolean.class || type == Boolean.class) {
			return "";
		}
		String name = option.longName();
		if (name.endsWith("-env")) {
			return " VAR";
		}
		if (name.endsWith("-file") || name.equals("certificate") || name.equals("save-script") || name.equals("save-to")) {
			return " FILE";
		}
		if (name.equals("var")) {
			return " NAME=VALUE";
		}
		return " " + (name.endsWith("-id") ? "ID" : name.toUpperCase(Locale.ROOT).replace('-', '_'));
	}

}
