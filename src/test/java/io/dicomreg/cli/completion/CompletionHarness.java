package io.dicomreg.cli.completion;

import java.util.List;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.completion.CompletionProposal;

import io.dicomreg.cli.AppCommands;
import io.dicomreg.cli.AuthCommands;
import io.dicomreg.cli.CertificateCommands;
import io.dicomreg.cli.PermissionCommands;
import io.dicomreg.cli.SecretCommands;
import io.dicomreg.cli.SessionCommands;
import io.dicomreg.cli.ShellCommands;
import io.dicomreg.cli.catalogue.CommandCatalogue;
import io.dicomreg.cli.script.RecordCommands;
import io.dicomreg.cli.script.ScriptCommands;
import io.dicomreg.cli.walkthrough.WalkthroughCommands;

/**
 * The shell's completer over the real commands' catalogue, with the completers a test gives (as
 * beans by their type): completes words as typed, without a running application.
 */
final class CompletionHarness {

	/** Every command class of dicomreg. */
	static final List<Class<?>> COMMAND_CLASSES = List.of(AppCommands.class, AuthCommands.class, SecretCommands.class,
			CertificateCommands.class, PermissionCommands.class, SessionCommands.class, ScriptCommands.class,
			RecordCommands.class, WalkthroughCommands.class, ShellCommands.class);

	private final CommandLineCompleter completer;

	CompletionHarness(Object... completers) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		for (Object completer : completers) {
			beans.addBean(completer.getClass().getName(), completer);
		}
		this.completer = new CommandLineCompleter(new CommandRegistry(), CommandCatalogue.of(COMMAND_CLASSES), beans);
	}

	/** The values (not the options) proposed for the last word, with the cursor at its end. */
	List<String> complete(String... words) {
		return completeAt(words.length - 1, words);
	}

	/** The values (not the options) proposed for word {@code index}, with the cursor at its end. */
	List<String> completeAt(int index, String... words) {
		return proposals(index, words).stream().map(CompletionProposal::value).toList();
	}

	/** The value proposals (not the options) for word {@code index}, with the cursor at its end. */
	List<CompletionProposal> proposals(int index, String... words) {
		return everything(index, words).stream().filter(proposal -> !proposal.value().startsWith("-")).toList();
	}

	/** Every proposal for word {@code index}, options included, with the cursor at its end. */
	List<CompletionProposal> everything(int index, String... words) {
		return this.completer.proposals(List.of(words), index, words[index].length());
	}

}
