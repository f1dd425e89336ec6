package io.dicomreg.cli.completion;

import java.util.List;
import java.util.Map;

import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.stereotype.Component;

import io.dicomreg.apps.Platform;

/**
 * Completes the fixed first arguments of the authentication commands: the platform of
 * {@code auth platform add}, and {@code on} or {@code off} for {@code auth public-client}.
 */
@Component
public class AuthChoicesCompleter implements OptionValueCompleter {

	private static final Map<String, List<String>> CHOICES = Map.of(
			"auth platform add", Platform.inCommandOrder().stream().map(Platform::commandName).toList(),
			"auth public-client", List.of("on", "off"));

	@Override
	public boolean supports(String commandName, String optionName) {
		return optionName == null && CHOICES.containsKey(commandName);
	}

	@Override
	public List<CompletionProposal> complete(CompletionContext context, String prefix) {
		if (TypedWords.argumentIndexAtCursor(context) != 0) {
			return List.of();
		}
		return CHOICES.get(context.getCommand().getName()).stream()
			.filter(choice -> choice.startsWith(prefix))
			.map(CompletionProposal::new)
			.toList();
	}

}
