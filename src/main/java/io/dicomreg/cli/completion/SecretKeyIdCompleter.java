package io.dicomreg.cli.completion;

import java.util.List;
import java.util.Locale;

import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.stereotype.Component;

import io.dicomreg.apps.ApplicationLocator;
import io.dicomreg.apps.credentials.ClientSecret;
import io.dicomreg.apps.credentials.SecretService;

/**
 * Completes the key ID of {@code secret remove} from the application's secrets, each shown with
 * its description, hint and end date: one Graph request for the selected app.
 */
@Component
public class SecretKeyIdCompleter implements OptionValueCompleter {

	private final SecretService secrets;

	private final ApplicationLocator locator;

	public SecretKeyIdCompleter(SecretService secrets, ApplicationLocator locator) {
		this.secrets = secrets;
		this.locator = locator;
	}

	@Override
	public boolean supports(String commandName, String optionName) {
		return "secret remove".equals(commandName) && optionName == null;
	}

	@Override
	public List<CompletionProposal> complete(CompletionContext context, String prefix) {
		String typed = prefix.toLowerCase(Locale.ROOT);
		List<ClientSecret> secrets = this.secrets.listSecrets(this.locator.resolve(TypedOptions.value(context, "app")));
		return secrets.stream()
			.filter(secret -> secret.keyId().toString().startsWith(typed))
			.map(secret -> new CompletionProposal(secret.keyId().toString())
				.description(describe(secret.description(), secret.hint() + "...", secret.end())))
			.toList();
	}

	static String describe(String description, String detail, Object end) {
		return ((description != null) ? description + ", " : "") + detail + ", expires " + end;
	}

}
