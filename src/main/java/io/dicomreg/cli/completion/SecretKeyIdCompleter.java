package io.dicomreg.cli.completion;

import java.util.List;
import java.util.Locale;

import io.dicomreg.cli.catalogue.CompletionRequest;
import io.dicomreg.cli.catalogue.ValueCompleter;
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
public class SecretKeyIdCompleter implements ValueCompleter {

	private final SecretService secrets;

	private final ApplicationLocator locator;

	public SecretKeyIdCompleter(SecretService secrets, ApplicationLocator locator) {
		this.secrets = secrets;
		this.locator = locator;
	}

	@Override
	public List<CompletionProposal> complete(CompletionRequest request, String prefix) {
		String typed = prefix.toLowerCase(Locale.ROOT);
		List<ClientSecret> secrets = this.secrets.listSecrets(this.locator.resolve(request.typed("app").orElse(null)));
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
