package io.dicomreg.cli;

import java.util.List;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;

/**
 * Reads an option given several times ({@code --redirect-uri A --redirect-uri B}): Spring Shell
 * binds only the first occurrence to a method parameter, so a command that takes a repeatable
 * option asks for all of them here.
 */
public final class RepeatedOptions {

	private RepeatedOptions() {
	}

	/** Every value given for {@code longName}, in the order typed. */
	public static List<String> values(CommandContext context, String longName) {
		return context.parsedInput().options().stream()
			.filter(option -> longName.equals(option.longName()))
			.map(CommandOption::value)
			.toList();
	}

}
