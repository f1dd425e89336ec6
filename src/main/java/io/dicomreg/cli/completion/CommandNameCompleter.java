package io.dicomreg.cli.completion;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.stereotype.Component;

import io.dicomreg.cli.catalogue.CommandCatalogue;
import io.dicomreg.cli.catalogue.CommandSpec;
import io.dicomreg.cli.catalogue.CompletionRequest;
import io.dicomreg.cli.catalogue.ValueCompleter;

/**
 * Completes the command named after {@code help}: the next word of the command names that start
 * with the words already given.
 */
@Component
public class CommandNameCompleter implements ValueCompleter {

	private final ObjectProvider<CommandCatalogue> catalogue;

	public CommandNameCompleter(ObjectProvider<CommandCatalogue> catalogue) {
		this.catalogue = catalogue;
	}

	@Override
	public List<CompletionProposal> complete(CompletionRequest request, String prefix) {
		int first = request.command().name().split(" ").length;
		List<String> given = request.words().subList(Math.min(first, request.wordIndex()), request.wordIndex());
		return this.catalogue.getObject().commands().stream()
			.map(CommandSpec::name)
			.map(name -> List.of(name.split(" ")))
			.filter(words -> words.size() > given.size() && words.subList(0, given.size()).equals(given)
					&& words.get(given.size()).startsWith(prefix))
			.map(words -> words.get(given.size()))
			.distinct()
			.map(CompletionProposal::new)
			.toList();
	}

}
