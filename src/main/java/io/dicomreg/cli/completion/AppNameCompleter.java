package io.dicomreg.cli.completion;

import java.util.List;

import io.dicomreg.cli.catalogue.CompletionRequest;
import io.dicomreg.cli.catalogue.ValueCompleter;
import org.springframework.shell.core.command.completion.CompletionProposal;

import io.dicomreg.apps.AppNameIndex;

/**
 * Completes application display names: every {@code --app} option and the argument of
 * {@code app use}.
 */
public class AppNameCompleter implements ValueCompleter {

	private final AppNameIndex names;

	public AppNameCompleter(AppNameIndex names) {
		this.names = names;
	}

	@Override
	public List<CompletionProposal> complete(CompletionRequest request, String prefix) {
		return this.names.namesStartingWith(prefix).stream().map(CompletionProposal::new).toList();
	}

}
