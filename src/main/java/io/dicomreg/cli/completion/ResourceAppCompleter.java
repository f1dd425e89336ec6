package io.dicomreg.cli.completion;

import java.util.List;

import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.stereotype.Component;

import io.dicomreg.apps.ApiDirectory;

/**
 * Completes {@code --resource-app} of {@code permission add} and {@code permission remove} with the
 * display names of the tenant's service principals that start with what is typed.
 */
@Component
public class ResourceAppCompleter implements OptionValueCompleter {

	private final ApiDirectory apis;

	public ResourceAppCompleter(ApiDirectory apis) {
		this.apis = apis;
	}

	@Override
	public boolean supports(String commandName, String optionName) {
		return PermissionNameCompleter.COMMANDS.contains(commandName) && "resource-app".equals(optionName);
	}

	@Override
	public List<CompletionProposal> complete(CompletionContext context, String prefix) {
		return this.apis.resourceNames(OptionWords.unquoted(prefix)).stream().map(CompletionProposal::new).toList();
	}

}
