package io.dicomreg.cli.walkthrough;

import io.dicomreg.cli.walkthrough.WalkthroughProgress.Authentication;

/**
 * Step 5: a client secret and/or a certificate, each added by its own part.
 */
class CredentialsStep implements WalkthroughStep {

	private final SecretPart secret;

	private final CertificatePart certificate;

	CredentialsStep(SecretPart secret, CertificatePart certificate) {
		this.secret = secret;
		this.certificate = certificate;
	}

	@Override
	public String title() {
		return "Certificates and secrets";
	}

	@Override
	public String explanation() {
		return "A confidential client signs in with a client secret (a password Entra ID makes, shown only once) or a "
				+ "certificate (only its public key is uploaded; the private key stays with you). A certificate is the "
				+ "safer choice in production; for testing, dicomreg can make a self-signed one, as the tutorial does.";
	}

	@Override
	public void run(StepContext context) {
		context.app();
		Authentication authentication = context.progress().getAuthentication();
		boolean publicClient = authentication != null && authentication.publicClient();
		Kind kind = context.prompts().choose("What should the client sign in with?", Choice.ordered(
				publicClient ? Kind.NONE : Kind.SECRET,
				Choice.of("A client secret (the tutorial's choice)", Kind.SECRET),
				Choice.of("A certificate", Kind.CERTIFICATE),
				Choice.of("Both a client secret and a certificate", Kind.BOTH),
				Choice.of("Nothing: a public client keeps no secret", Kind.NONE)));
		if (kind == Kind.SECRET || kind == Kind.BOTH) {
			this.secret.run(context);
		}
		if (kind == Kind.CERTIFICATE || kind == Kind.BOTH) {
			this.certificate.run(context);
		}
	}

	private enum Kind {
		SECRET, CERTIFICATE, BOTH, NONE
	}

}
