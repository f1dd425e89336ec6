package io.dicomreg.cli.completion;

import java.util.List;

import io.dicomreg.cli.catalogue.CompletionRequest;
import io.dicomreg.cli.catalogue.ValueCompleter;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.stereotype.Component;

import io.dicomreg.apps.ApiDirectory;

/**
 * Completes {@code --resource-app} of {@code permission add} and {@code permission remove} with the
 * display names of the tenant's service principals that start with what is typed.
 */
@Component
public class ResourceAppCompleter implements ValueCompleter {

	private final ApiDirectory apis;

	public ResourceAppCompleter(ApiDirectory apis) {
		this.apis = apis;
	}

	@Override
	public List<CompletionProposal> complete(CompletionRequest request, String prefix) {
		return this.apis.resourceNames(prefix).stream().map(CompletionProposal::new).toList();
	}

}
