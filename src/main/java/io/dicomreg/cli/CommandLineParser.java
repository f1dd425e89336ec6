package io.dicomreg.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;

import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ParsedInput;

import io.dicomreg.error.DicomregException;

/**
 * Parses a command line the way a POSIX shell splits words: quotes keep spaces, every declared
 * option is checked, and values are taken literally.
 * <p>
 * The same parser serves typed lines, one-shot arguments (already split by the user's shell) and
 * script lines, so a command means the same everywhere.
 */
public class CommandLineParser implements CommandParser {

	/** Options every command accepts: the output format and help. */
	static final List<String> COMMON_OPTIONS = List.of("output", "help", "dry-run");

	private final CommandRegistry registry;

	private final ToIntFunction<String> maximumArguments;

	public CommandLineParser(CommandRegistry registry, ToIntFunction<String> maximumArguments) {
		this.registry = registry;
		this.maximumArguments = maximumArguments;
	}

	@Override
	public ParsedInput parse(String line) {
		return parse(ShellWords.split(line));
	}

	/**
	 * Parses words that are already split.
	 * @throws DicomregException (usage) for an unknown command or option, or a missing value
	 */
	public ParsedInput parse(List<String> words) {
		if (words.isEmpty()) {
			throw DicomregException.invalidInput("No command given. Run 'help' to list the commands.");
		}
		int commandLength = commandLength(words);
		String commandName = String.join(" ", words.subList(0, commandLength));
		ParsedInput.Builder builder = ParsedInput.builder().commandName(words.get(0));
		words.subList(1, commandLength).forEach(builder::addSubCommand);
		Command command = this.registry.getCommandByName(commandName);
		List<CommandOption> declared = (command != null) ? command.getOptions() : List.of();
		parseOptionsAndArguments(commandName, declared, words.subList(commandLength, words.size()), builder,
				command != null);
		ParsedInput parsed = builder.build();
		int maximum = (command != null) ? this.maximumArguments.applyAsInt(commandName) : Integer.MAX_VALUE;
		if (parsed.arguments().size() > maximum) {
			// The stray word is not echoed: it may be a secret typed where an option was meant.
			throw DicomregException.invalidInput("'" + commandName + "' takes "
					+ ((maximum == 0) ? "no arguments" : "at most " + maximum + " argument(s)")
					+ ": a word is neither an option nor an option's value. Run 'help " + commandName + "' for its usage.");
		}
		return parsed;
	}

	private int commandLength(List<String> words) {
		int length = 1;
		String prefix = words.get(0);
		while (length < words.size() && !words.get(length).startsWith("-")) {
			String candidate = prefix + " " + words.get(length);
			if (this.registry.getCommandsByPrefix(candidate).stream().noneMatch(c -> startsWithWords(c, candidate))) {
				break;
			}
			prefix = candidate;
			length++;
		}
		return length;
	}

	private static boolean startsWithWords(Command command, String prefix) {
		return command.getName().equals(prefix) || command.getName().startsWith(prefix + " ");
	}

	private void parseOptionsAndArguments(String commandName, List<CommandOption> declared, List<String> rest,
			ParsedInput.Builder builder, boolean known) {
		int argumentIndex = 0;
		for (int i = 0; i < rest.size(); i++) {
			String word = rest.get(i);
			if (word.equals("--")) {
				for (String argument : rest.subList(i + 1, rest.size())) {
					builder.addArgument(new CommandArgument(argumentIndex++, argument));
				}
				return;
			}
			if (!isOptionWord(word)) {
				builder.addArgument(new CommandArgument(argumentIndex++, word));
				continue;
			}
			String name = optionName(word);
			Optional<CommandOption> option = find(declared, name);
			if (known && option.isEmpty() && !isCommon(name)) {
				throw DicomregException.invalidInput("Unknown option '" + displayName(word) + "' for '" + commandName
						+ "'. Run 'help " + commandName + "' for its options.");
			}
			String longName = option.map(CommandOption::longName).orElse(name);
			if (word.contains("=")) {
				builder.addOption(option(longName, requireValue(longName, word.substring(word.indexOf('=') + 1))));
			}
			else if (isFlag(option, name)) {
				builder.addOption(option(longName, "true"));
			}
			else {
				if (i + 1 >= rest.size() || isOptionOf(declared, rest.get(i + 1))) {
					throw DicomregException.invalidInput("Option --" + longName + " needs a value.");
				}
				builder.addOption(option(longName, requireValue(longName, rest.get(++i))));
			}
		}
	}

	private static String requireValue(String longName, String value) {
		if (value.isBlank()) {
			throw DicomregException.invalidInput("Option --" + longName + " needs a value.");
		}
		return value;
	}

	private static boolean isOptionWord(String word) {
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

	private static Optional<CommandOption> find(List<CommandOption> declared, String name) {
		return declared.stream()
			.filter(o -> name.equals(o.longName()) || (name.length() == 1 && o.shortName() == name.charAt(0)))
			.findFirst();
	}

	private static boolean isCommon(String name) {
		return COMMON_OPTIONS.contains(name) || name.equals("h");
	}

	private static boolean isFlag(Optional<CommandOption> option, String name) {
		if (option.isPresent()) {
			Class<?> type = option.get().type();
			return type == boolean.class || type == Boolean.class;
		}
		return name.equals("help") || name.equals("h") || name.equals("dry-run");
	}

	private static boolean isOptionOf(List<CommandOption> declared, String word) {
		return isOptionWord(word) && (find(declared, optionName(word)).isPresent() || isCommon(optionName(word)));
	}

	private static CommandOption option(String longName, String value) {
		return CommandOption.with().longName(longName).value(value).build();
	}

	/** The required options of {@code command} missing from {@code input}, by long name. */
	static List<String> missingRequired(Command command, ParsedInput input) {
		List<String> missing = new ArrayList<>();
		for (CommandOption option : command.getOptions()) {
			boolean given = input.options().stream().anyMatch(o -> o.longName().equals(option.longName()));
			if (Boolean.TRUE.equals(option.required()) && !given) {
				missing.add("--" + option.longName());
			}
		}
		return missing;
	}

}
