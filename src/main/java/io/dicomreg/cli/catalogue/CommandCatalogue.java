package io.dicomreg.cli.catalogue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;

import io.dicomreg.error.Subject;

/**
 * Every command, as declared on the command classes: read once from their {@code @Command}
 * methods, {@link Traits}, {@code @Option}s, {@code @Argument}s and {@link OptionValue}s. It is the
 * only description of the commands that the parser, the dispatcher, help, completion, the recorder
 * and the script runner use, so adding a command is adding its method.
 */
public final class CommandCatalogue {

	private final Map<String, CommandSpec> byName = new LinkedHashMap<>();

	private CommandCatalogue(Collection<CommandSpec> commands) {
		commands.forEach(command -> {
			this.byName.put(command.name(), command);
			command.aliases().forEach(alias -> this.byName.put(alias, command));
		});
	}

	/** The catalogue of the {@code @Command} methods of {@code commandClasses}. */
	public static CommandCatalogue of(Collection<Class<?>> commandClasses) {
		List<CommandSpec> commands = new ArrayList<>();
		for (Class<?> type : commandClasses) {
			Arrays.stream(type.getMethods())
				.filter(method -> AnnotatedElementUtils.hasAnnotation(method, Command.class))
				.sorted(Comparator.comparing(Method::getName))
				.forEach(method -> commands.add(read(method)));
		}
		return new CommandCatalogue(commands);
	}

	/** Whether {@code type} declares commands. */
	public static boolean declaresCommands(Class<?> type) {
		return Arrays.stream(type.getMethods()).anyMatch(method -> AnnotatedElementUtils.hasAnnotation(method, Command.class));
	}

	/** Every command once, sorted by group then name. */
	public List<CommandSpec> commands() {
		return this.byName.values().stream().distinct()
			.sorted(Comparator.comparing(CommandSpec::group).thenComparing(CommandSpec::name)).toList();
	}

	/** The command named {@code name} (or an alias of it). */
	public Optional<CommandSpec> find(String name) {
		return Optional.ofNullable(this.byName.get(name));
	}

	/** The commands whose names start with the words {@code prefix} and more, e.g. the group of {@code app}. */
	public List<CommandSpec> group(String prefix) {
		return commands().stream().filter(command -> command.name().startsWith(prefix + " ")).toList();
	}

	/** Whether some command name is {@code words} or starts with them. */
	public boolean isPrefix(String words) {
		return this.byName.keySet().stream().anyMatch(name -> name.equals(words) || name.startsWith(words + " "));
	}

	/**
	 * How many of the leading {@code words} name a command: the longest run of words, none an
	 * option, that is a command name or the start of one.
	 */
	public int commandLength(List<String> words) {
		if (words.isEmpty()) {
			return 0;
		}
		int length = 1;
		String prefix = words.get(0);
		while (length < words.size() && !words.get(length).startsWith("-")) {
			String candidate = prefix + " " + words.get(length);
			if (!isPrefix(candidate)) {
				break;
			}
			prefix = candidate;
			length++;
		}
		return length;
	}

	private static CommandSpec read(Method method) {
		Command command = AnnotatedElementUtils.findMergedAnnotation(method, Command.class);
		Traits traits = Optional.ofNullable(method.getAnnotation(Traits.class)).orElse(Defaults.TRAITS);
		String name = String.join(" ", (command.name().length > 0) ? command.name() : new String[] { method.getName() });
		List<OptionSpec> options = new ArrayList<>();
		List<ArgumentSpec> arguments = new ArrayList<>();
		for (Parameter parameter : method.getParameters()) {
			OptionValue value = parameter.getAnnotation(OptionValue.class);
			Option option = parameter.getAnnotation(Option.class);
			Argument argument = parameter.getAnnotation(Argument.class);
			Arguments all = parameter.getAnnotation(Arguments.class);
			if (option != null) {
				options.add(option(option, value, parameter));
			}
			else if (argument != null) {
				arguments.add(argument(argument.index(), argument.description(), value, parameter, false));
			}
			else if (all != null) {
				arguments.add(argument(arguments.size(), "", value, parameter, true));
			}
		}
		arguments.sort(Comparator.comparingInt(ArgumentSpec::index));
		options.add(OptionSpec.output());
		if (traits.dryRun().acceptsOption()) {
			options.add(OptionSpec.dryRun());
		}
		options.add(OptionSpec.help());
		return new CommandSpec(name, List.of(command.alias()), command.description(), command.group(),
				command.availabilityProvider(), traits, List.copyOf(options), List.copyOf(arguments), method);
	}

	private static OptionSpec option(Option option, OptionValue value, Parameter parameter) {
		Class<?> type = parameter.getType();
		boolean flag = type == boolean.class || type == Boolean.class;
		List<String> choices = (value != null) ? List.of(value.choices()) : List.of();
		String label = (value != null && !value.label().isEmpty()) ? value.label()
				: choices.isEmpty() ? option.longName().toUpperCase(Locale.ROOT).replace('-', '_') : String.join("|", choices);
		String defaultValue = option.defaultValue().isEmpty() ? null : option.defaultValue();
		char shortName = Character.isLetterOrDigit(option.shortName()) ? option.shortName() : 0;
		return new OptionSpec(option.longName(), shortName, option.description(), option.required(),
				defaultValue, flag, flag ? "" : label, value != null && value.repeatable(), value != null && value.file(),
				choices, completer(value), (value != null) ? value.subject() : Subject.NONE, false);
	}

	private static ArgumentSpec argument(int index, String description, OptionValue value, Parameter parameter,
			boolean variadic) {
		String placeholder = (value != null && !value.label().isEmpty()) ? value.label()
				: parameter.getName().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
		return new ArgumentSpec(index, placeholder, description, value != null && value.file(),
				(value != null) ? List.of(value.choices()) : List.of(), completer(value),
				(value != null) ? value.subject() : Subject.NONE, variadic);
	}

	private static Class<? extends ValueCompleter> completer(OptionValue value) {
		if (value == null || value.completion() == ValueCompleter.None.class) {
			return null;
		}
		if (Modifier.isAbstract(value.completion().getModifiers()) && !value.completion().isInterface()) {
			throw new IllegalStateException("A completer must be a concrete bean type: " + value.completion());
		}
		return value.completion();
	}

	/** Holds the default {@link Traits} of a command that declares none. */
	private static final class Defaults {

		static final Traits TRAITS = defaults();

		@Traits
		private static void declared() {
		}

		private static Traits defaults() {
			try {
				return Defaults.class.getDeclaredMethod("declared").getAnnotation(Traits.class);
			}
			catch (NoSuchMethodException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
