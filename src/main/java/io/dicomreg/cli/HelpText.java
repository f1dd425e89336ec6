package io.dicomreg.cli;

import java.util.ArrayList;
import java.util.List;

import io.dicomreg.cli.catalogue.ArgumentSpec;
import io.dicomreg.cli.catalogue.CommandCatalogue;
import io.dicomreg.cli.catalogue.CommandSpec;
import io.dicomreg.cli.catalogue.OptionSpec;

/**
 * The help texts, written from the catalogue alone: the list of commands by group, and one
 * command's usage, arguments and options, exactly those the parser accepts.
 */
public final class HelpText {

	private static final String NEWLINE = System.lineSeparator();

	private HelpText() {
	}

	/** Every command by group, with the hint that follows. */
	public static String overview(CommandCatalogue catalogue) {
		return list(catalogue.commands()) + NEWLINE
				+ "Run 'help COMMAND' (or COMMAND --help) for its options; 'dicomreg --help' for the global options.";
	}

	/** Some commands by group, one line each. */
	public static String list(List<CommandSpec> commands) {
		int width = commands.stream().mapToInt(command -> command.name().length()).max().orElse(0);
		StringBuilder text = new StringBuilder();
		String group = null;
		for (CommandSpec command : commands) {
			if (!command.group().equals(group)) {
				group = command.group();
				text.append(text.isEmpty() ? "" : NEWLINE).append(group).append(NEWLINE);
			}
			text.append(String.format("  %-" + width + "s  %s%n", command.name(), command.description()));
		}
		return text.toString();
	}

	/** The usage, arguments and options of one command. */
	public static String usage(CommandSpec command) {
		StringBuilder text = new StringBuilder("Usage: ").append(command.name());
		command.arguments().forEach(argument -> text.append(' ').append(argument.placeholder())
			.append(argument.variadic() ? "..." : ""));
		for (OptionSpec option : command.options()) {
			if (!option.longName().equals(OptionSpec.HELP)) {
				text.append(' ').append(option.required() ? option.usage() : "[" + option.usage() + "]");
			}
		}
		text.append(NEWLINE).append(NEWLINE).append(command.description()).append(NEWLINE).append(NEWLINE);
		if (!command.arguments().isEmpty()) {
			int width = command.arguments().stream().mapToInt(argument -> argument.placeholder().length()).max().orElse(0);
			text.append("Arguments:").append(NEWLINE);
			for (ArgumentSpec argument : command.arguments()) {
				text.append(String.format("  %-" + width + "s  %s%n", argument.placeholder(), argument.description()));
			}
			text.append(NEWLINE);
		}
		text.append("Options:").append(NEWLINE);
		List<String[]> rows = new ArrayList<>();
		for (OptionSpec option : command.options()) {
			rows.add(new String[] { optionColumn(option), optionDescription(option) });
		}
		int width = rows.stream().mapToInt(row -> row[0].length()).max().orElse(0);
		rows.forEach(row -> text.append(String.format("  %-" + width + "s  %s%n", row[0], row[1])));
		if (!command.aliases().isEmpty()) {
			text.append(NEWLINE).append("Aliases: ").append(String.join(", ", command.aliases())).append(NEWLINE);
		}
		return text.toString().stripTrailing();
	}

	private static String optionColumn(OptionSpec option) {
		return (option.shortName() != 0) ? "-" + option.shortName() + ", " + option.usage() : option.usage();
	}

	private static String optionDescription(OptionSpec option) {
		String description = (option.description() != null) ? option.description() : "";
		if (option.required()) {
			return description + " (required)";
		}
		if (option.defaultValue() != null) {
			return description + " (default: " + option.defaultValue() + ")";
		}
		return description;
	}

}
