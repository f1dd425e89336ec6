package io.dicomreg.cli.completion;

import java.util.List;

import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;
import org.springframework.shell.core.command.completion.DefaultCompletionProvider;

/**
 * The completion provider of every dicomreg command (bean name {@code completions}): hands the
 * value being typed to the first {@link OptionValueCompleter} that serves it, else to Spring
 * Shell's default (enum values). Completers never fail the line being edited.
 */
public class CommandCompletions implements CompletionProvider {

	/** The bean name commands give as {@code completionProvider}. */
	public static final String BEAN_NAME = "completions";

	private final List<OptionValueCompleter> completers;

	public CommandCompletions(List<OptionValueCompleter> completers) {
		this.completers = completers;
	}

	@Override
	public List<CompletionProposal> apply(CompletionContext context) {
		if (context.getCommand() == null) {
			return List.of();
		}
		String commandName = context.getCommand().getName();
		CommandOption option = context.getCommandOption();
		String optionName = (option != null) ? option.longName() : null;
		String typed = (context.currentWordUpToCursor() != null) ? context.currentWordUpToCursor() : "";
		if (optionName == null && typed.startsWith("-")) {
			return List.of();
		}
		String inlinePrefix = (optionName != null && typed.startsWith("--" + optionName + "=")) ? "--" + optionName + "="
				: "";
		for (OptionValueCompleter completer : this.completers) {
			if (completer.supports(commandName, optionName)) {
				try {
					return completer.complete(context, typed.substring(inlinePrefix.length()))
						.stream()
						.map(proposal -> proposal.value(inlinePrefix + proposal.value()))
						.toList();
				}
				catch (RuntimeException ex) {
					// Completion is a convenience: offline, signed out or throttled, it offers nothing.
					return List.of();
				}
			}
		}
		return new DefaultCompletionProvider().apply(context);
	}

}
