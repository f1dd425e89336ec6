package io.dicomreg.cli.completion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.dicomreg.cli.catalogue.CompletionRequest;
import io.dicomreg.cli.catalogue.ValueCompleter;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.stereotype.Component;

import io.dicomreg.apps.ApplicationLocator;
import io.dicomreg.apps.credentials.CertificateCredential;
import io.dicomreg.apps.credentials.CertificateService;

/**
 * Completes the argument of {@code cert remove}: the thumbprints and key IDs of the application's
 * certificates, each shown with its description and end date; one Graph request for the selected app.
 */
@Component
public class CertificateCompleter implements ValueCompleter {

	private final CertificateService certificates;

	private final ApplicationLocator locator;

	public CertificateCompleter(CertificateService certificates, ApplicationLocator locator) {
		this.certificates = certificates;
		this.locator = locator;
	}

	@Override
	public List<CompletionProposal> complete(CompletionRequest request, String prefix) {
		List<CertificateCredential> certificates = this.certificates
			.listCertificates(this.locator.resolve(request.typed("app").orElse(null)));
		List<CompletionProposal> proposals = new ArrayList<>();
		for (CertificateCredential certificate : certificates) {
			if (certificate.thumbprint() != null && certificate.thumbprint().startsWith(prefix.toUpperCase(Locale.ROOT))) {
				proposals.add(new CompletionProposal(certificate.thumbprint())
					.description(SecretKeyIdCompleter.describe(certificate.description(), "thumbprint", certificate.end())));
			}
			if (certificate.keyId() != null && certificate.keyId().toString().startsWith(prefix.toLowerCase(Locale.ROOT))) {
				proposals.add(new CompletionProposal(certificate.keyId().toString())
					.description(SecretKeyIdCompleter.describe(certificate.description(), "key ID", certificate.end())));
			}
		}
		return proposals;
	}

}
