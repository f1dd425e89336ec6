package io.dicomreg.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.dicomreg.cli.catalogue.CommandCatalogue;
import io.dicomreg.cli.catalogue.CommandSpec;
import io.dicomreg.cli.catalogue.OptionSpec;
import io.dicomreg.cli.catalogue.ParsedCommand;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.Echo;

/**
 * Parses a command line the way a POSIX shell splits words: quotes keep spaces, every option is
 * checked against the command's declaration in the catalogue, and values are taken literally.
 * <p>
 * The same parser serves typed lines, one-shot arguments (already split by the user's shell) and
 * script lines, so a command means the same everywhere.
 */
public class CommandLineParser {

	private final CommandCatalogue catalogue;

	public CommandLineParser(CommandCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	/** Splits and parses a typed line. */
	public ParsedCommand parse(String line) {
		return parse(ShellWords.split(line));
	}

	/**
	 * Parses words that are already split.
	 * @throws DicomregException (usage) for an unknown command or option, a missing or repeated
	 * value, a stray word, or a dry run of a command that cannot have one
	 */
	public ParsedCommand parse(List<String> words) {
		if (words.isEmpty()) {
			throw DicomregException.invalidInput("No command given. Run 'help' to list the commands.");
		}
		int length = this.catalogue.commandLength(words);
		CommandSpec command = resolve(words, length);
		Map<String, List<String>> options = new LinkedHashMap<>();
		List<String> arguments = new ArrayList<>();
		parseOptionsAndArguments(command, words.subList(length, words.size()), options, arguments);
		if (arguments.size() > command.maximumArguments()) {
			int maximum = command.maximumArguments();
			// Echoed whole only when short: a long stray word may be a secret typed where an option was meant.
			throw DicomregException.invalidInput("'" + command.name() + "' takes "
					+ ((maximum == 0) ? "no arguments" : "at most " + maximum + " argument(s)") + ": "
					+ Echo.quoted(arguments.get(maximum)) + " is neither an option nor an option's value. Run 'help "
					+ command.name() + "' for its usage.");
		}
		return new ParsedCommand(command, options, arguments);
	}

	/** The required options of the parsed command that were not given, as {@code --name}. */
	public static List<String> missingRequired(ParsedCommand parsed) {
		return parsed.command().options().stream()
			.filter(option -> option.required() && !parsed.options().containsKey(option.longName()))
			.map(option -> "--" + option.longName())
			.toList();
	}

	private CommandSpec resolve(List<String> words, int length) {
		String name = String.join(" ", words.subList(0, length));
		Optional<CommandSpec> command = this.catalogue.find(name);
		if (command.isPresent()) {
			return command.get();
		}
		List<CommandSpec> group = this.catalogue.group(name);
		if (group.isEmpty()) {
			throw DicomregException.invalidInput("Unknown command " + Echo.quoted(name) + ". Run 'help' to list the commands.");
		}
		String known = group.stream().map(CommandSpec::name).sorted().collect(Collectors.joining(", "));
		boolean more = length < words.size() && !isOptionWord(words.get(length));
		if (!more) {
			throw DicomregException.invalidInput("'" + name + "' needs a sub-command: use one of " + known + ".");
		}
		throw DicomregException.invalidInput("Unknown command '" + name + " " + Echo.word(words.get(length)) + "': use one of "
				+ known + ".");
	}

	private static void parseOptionsAndArguments(CommandSpec command, List<String> rest, Map<String, List<String>> options,
			List<String> arguments) {
		for (int i = 0; i < rest.size(); i++) {
			String word = rest.get(i);
			if (word.equals("--")) {
				arguments.addAll(rest.subList(i + 1, rest.size()));
				return;
			}
			if (!isOptionWord(word)) {
				arguments.add(word);
				continue;
			}
			String name = optionName(word);
			if (name.equals(OptionSpec.DRY_RUN) && command.option(name).isEmpty()) {
				if (!word.equalsIgnoreCase("--" + OptionSpec.DRY_RUN + "=false")) {
					throw DryRuns.refused(command);
				}
				continue;
			}
			OptionSpec option = command.option(name)
				.orElseThrow(() -> DicomregException.invalidInput("Unknown option " + Echo.quoted(displayName(word)) + " for '"
						+ command.name() + "'. Run 'help " + command.name() + "' for its options."));
			String value;
			if (word.contains("=")) {
				value = requireValue(option, word.substring(word.indexOf('=') + 1));
			}
			else if (option.flag()) {
				value = "true";
			}
			else {
				if (i + 1 >= rest.size() || isOptionOf(command, rest.get(i + 1))) {
					throw DicomregException.invalidInput("Option --" + option.longName() + " needs a value.");
				}
				value = requireValue(option, rest.get(++i));
			}
			add(options, option, value);
		}
	}

	private static void add(Map<String, List<String>> options, OptionSpec option, String value) {
		List<String> values = options.computeIfAbsent(option.longName(), name -> new ArrayList<>());
		if (!values.isEmpty() && !option.repeatable()) {
			throw DicomregException.invalidInput("Option --" + option.longName() + " is given more than once: give it "
					+ "once.");
		}
		values.add(value);
	}

	private static String requireValue(OptionSpec option, String value) {
		if (value.isBlank()) {
			throw DicomregException.invalidInput("Option --" + option.longName() + " needs a value.");
		}
		if (option.flag() && !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
			throw DicomregException.invalidInput("Option --" + option.longName() + " is a flag: give it alone, or as --"
					+ option.longName() + "=true or --" + option.longName() + "=false.");
		}
		return option.flag() ? value.toLowerCase(Locale.ROOT) : value;
	}

	static boolean isOptionWord(String word) {
		return word.startsWith("-") && word.length() > 1 && !isNumber(word);
	}

	private static boolean isNumber(String word) {
		return word.substring(1).chars().allMatch(Character::isDigit);
	}

	private static String optionName(String word) {
		String bare = word.startsWith("--") ? word.substring(2) : word.substring(1);
		return bare.contains("=") ? bare.substring(0, bare.indexOf('=')) : bare;
	}

	private static String displayName(String word) {
		return word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
	}

	private static boolean isOptionOf(CommandSpec command, String word) {
		return isOptionWord(word) && command.option(optionName(word)).isPresent();
	}

}
