package io.dicomreg.cli.catalogue;

import java.util.List;

import org.springframework.shell.core.command.completion.CompletionProposal;

/**
 * Proposes values for the options and arguments that name it in their {@link OptionValue}.
 * Completers never fail the line being edited: the caller offers nothing when one throws.
 */
public interface ValueCompleter {

	/**
	 * Proposals for the word being typed.
	 * @param request the line being edited
	 * @param prefix what is typed of the value so far (after any {@code --option=} and an opening quote)
	 */
	List<CompletionProposal> complete(CompletionRequest request, String prefix);

	/** The default of {@link OptionValue#completion()}: no completer. */
	final class None implements ValueCompleter {

		private None() {
		}

		@Override
		public List<CompletionProposal> complete(CompletionRequest request, String prefix) {
			return List.of();
		}

	}

}
