package io.dicomreg.cli.catalogue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A command line checked against the catalogue: the command, the values of each option given (by
 * long name, in the order typed) and the positional arguments.
 */
public record ParsedCommand(CommandSpec command, Map<String, List<String>> options, List<String> arguments) {

	/** The value of {@code longName}, if given (the first, for a repeatable option). */
	public Optional<String> option(String longName) {
		List<String> values = this.options.get(longName);
		return (values == null || values.isEmpty()) ? Optional.empty() : Optional.of(values.get(0));
	}

	/** Every value given for {@code longName}, in the order typed. */
	public List<String> values(String longName) {
		return this.options.getOrDefault(longName, List.of());
	}

	/** Whether the flag {@code longName} is given and not {@code false}. */
	public boolean flag(String longName) {
		return option(longName).map(value -> !value.equalsIgnoreCase("false")).orElse(false);
	}

	/** Whether {@code --help} (or {@code -h}) was given. */
	public boolean wantsHelp() {
		return flag(OptionSpec.HELP);
	}

	/** Whether {@code --dry-run} was given (and not {@code --dry-run=false}). */
	public boolean wantsDryRun() {
		return flag(OptionSpec.DRY_RUN);
	}

}
