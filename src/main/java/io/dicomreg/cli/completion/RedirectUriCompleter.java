package io.dicomreg.cli.completion;

import java.util.List;

import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.stereotype.Component;

import io.dicomreg.apps.ApplicationLocator;
import io.dicomreg.apps.AuthenticationService;

/**
 * Completes the argument of {@code auth redirect remove} with the redirect URIs of the application
 * named by {@code --app} on the line, else of the selected one.
 */
@Component
public class RedirectUriCompleter implements OptionValueCompleter {

	static final String COMMAND = "auth redirect remove";

	private final ApplicationLocator locator;

	private final AuthenticationService authentication;

	public RedirectUriCompleter(ApplicationLocator locator, AuthenticationService authentication) {
		this.locator = locator;
		this.authentication = authentication;
	}

	@Override
	public boolean supports(String commandName, String optionName) {
		return optionName == null && COMMAND.equals(commandName);
	}

	@Override
	public List<CompletionProposal> complete(CompletionContext context, String prefix) {
		if (TypedWords.argumentIndexAtCursor(context) != 0) {
			return List.of();
		}
		String app = TypedWords.optionValue(context, "app").orElse(null);
		return this.authentication.redirectUris(this.locator.resolve(app)).stream()
			.distinct()
			.filter(uri -> uri.startsWith(prefix))
			.map(uri -> new CompletionProposal(uri))
			.toList();
	}

}
