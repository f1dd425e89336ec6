package io.dicomreg.cli.completion;

import java.util.List;

import io.dicomreg.cli.catalogue.CompletionRequest;
import io.dicomreg.cli.catalogue.ValueCompleter;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.stereotype.Component;

import io.dicomreg.apps.ApplicationLocator;
import io.dicomreg.apps.AuthenticationService;

/**
 * Completes the argument of {@code auth redirect remove} with the redirect URIs of the application
 * named by {@code --app} on the line, else of the selected one.
 */
@Component
public class RedirectUriCompleter implements ValueCompleter {

	private final ApplicationLocator locator;

	private final AuthenticationService authentication;

	public RedirectUriCompleter(ApplicationLocator locator, AuthenticationService authentication) {
		this.locator = locator;
		this.authentication = authentication;
	}

	@Override
	public List<CompletionProposal> complete(CompletionRequest request, String prefix) {
		String app = request.typed("app").orElse(null);
		return this.authentication.redirectUris(this.locator.resolve(app)).stream()
			.distinct()
			.filter(uri -> uri.startsWith(prefix))
			.map(uri -> new CompletionProposal(uri))
			.toList();
	}

}
