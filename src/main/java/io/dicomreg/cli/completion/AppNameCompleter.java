package io.dicomreg.cli.completion;

import java.util.List;

import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;

import io.dicomreg.apps.AppNameIndex;

/**
 * Completes application display names: every {@code --app} option and the argument of
 * {@code app use}.
 */
public class AppNameCompleter implements OptionValueCompleter {

	private final AppNameIndex names;

	public AppNameCompleter(AppNameIndex names) {
		this.names = names;
	}

	@Override
	public boolean supports(String commandName, String optionName) {
		return "app".equals(optionName) || (optionName == null && commandName.equals("app use"));
	}

	@Override
	public List<CompletionProposal> complete(CompletionContext context, String prefix) {
		String typed = prefix.startsWith("\"") || prefix.startsWith("'") ? prefix.substring(1) : prefix;
		return this.names.namesStartingWith(typed).stream().map(CompletionProposal::new).toList();
	}

}
