package io.dicomreg.cli.catalogue;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

import io.dicomreg.error.Subject;

/**
 * One command as declared on its {@code @Command} method: name, help texts, traits, options and
 * positional arguments.
 *
 * @param name its full name, e.g. {@code secret add}
 * @param aliases other names it answers to
 * @param description one line for help
 * @param group the heading help lists it under
 * @param availability the bean name of its availability provider (e.g. {@code signedIn}), or empty
 * @param traits what it does in dry runs, scripts and recordings
 * @param options its own options, then the common ones it takes
 * @param arguments its positional arguments, in order
 * @param method the method that runs it
 */
public record CommandSpec(String name, List<String> aliases, String description, String group, String availability,
		Traits traits, List<OptionSpec> options, List<ArgumentSpec> arguments, Method method) {

	/** The option {@code name} (long or one-letter, without dashes) names, if the command takes it. */
	public Optional<OptionSpec> option(String name) {
		return this.options.stream().filter(option -> option.isNamed(name)).findFirst();
	}

	/** The command's own options, without the common ones. */
	public List<OptionSpec> ownOptions() {
		return this.options.stream().filter(option -> !option.common()).toList();
	}

	/** The most positional arguments it takes. */
	public int maximumArguments() {
		return this.arguments.stream().anyMatch(ArgumentSpec::variadic) ? Integer.MAX_VALUE : this.arguments.size();
	}

	/** The positional argument at {@code index}, if it takes one there. */
	public Optional<ArgumentSpec> argument(int index) {
		if (index >= 0 && index < this.arguments.size()) {
			return Optional.of(this.arguments.get(index));
		}
		return this.arguments.stream().filter(ArgumentSpec::variadic).findFirst().filter(any -> index >= 0);
	}

	/** The option or argument that gives {@code subject}, as the command line names it. */
	public Optional<String> nameOf(Subject subject) {
		if (subject == Subject.NONE) {
			return Optional.empty();
		}
		Optional<String> option = this.options.stream().filter(candidate -> candidate.subject() == subject)
			.map(candidate -> "--" + candidate.longName()).findFirst();
		return option.or(() -> this.arguments.stream().filter(argument -> argument.subject() == subject)
			.map(ArgumentSpec::placeholder).findFirst());
	}

	/** Whether it needs somebody signed in. */
	public boolean needsAvailability() {
		return !this.availability.isEmpty();
	}

}
