package io.dicomreg.cli.completion;

import java.util.List;
import java.util.Set;

import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.FileNameCompletionProvider;

/**
 * Completes file paths for the options that name files.
 */
public class FilePathCompleter implements OptionValueCompleter {

	/** Long names of options whose value is a file path. */
	/** Commands whose positional argument is a file. */
	static final Set<String> FILE_ARGUMENTS = Set.of("script", "record start");

	static final Set<String> FILE_OPTIONS = Set.of("secret-file", "certificate", "file", "save-to", "out", "save-script");

	@Override
	public boolean supports(String commandName, String optionName) {
		return (optionName != null) ? FILE_OPTIONS.contains(optionName) : FILE_ARGUMENTS.contains(commandName);
	}

	@Override
	public List<CompletionProposal> complete(CompletionContext context, String prefix) {
		return new FileNameCompletionProvider().apply(context);
	}

}
