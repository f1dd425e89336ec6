package io.dicomreg.cli.completion;

import java.util.List;

import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;

/**
 * Completes the values of some options (or positional arguments) of some commands. Every bean of
 * this type is asked by {@link CommandCompletions}, in order.
 */
public interface OptionValueCompleter {

	/**
	 * Whether this completer serves {@code optionName} of {@code commandName}.
	 * @param commandName the full command name, e.g. {@code secret remove}
	 * @param optionName the option's long name, or {@code null} for a positional argument
	 */
	boolean supports(String commandName, String optionName);

	/**
	 * Proposals for the word being typed.
	 * @param prefix what is typed of the value so far (after any {@code --option=})
	 */
	List<CompletionProposal> complete(CompletionContext context, String prefix);

}
