package io.dicomreg.cli.completion;

import java.util.List;

import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.FileNameCompletionProvider;

import io.dicomreg.cli.catalogue.CompletionRequest;

/**
 * Completes file paths, for every option and argument declared as naming a file.
 */
final class FilePaths {

	private FilePaths() {
	}

	static List<CompletionProposal> complete(CompletionRequest request, String typed) {
		List<String> words = new java.util.ArrayList<>(request.words());
		while (words.size() <= request.wordIndex()) {
			words.add("");
		}
		words.set(request.wordIndex(), typed);
		return new FileNameCompletionProvider().apply(new CompletionContext(words, request.wordIndex(), typed.length(),
				null, null));
	}

}
