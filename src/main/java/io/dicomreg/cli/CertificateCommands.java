package io.dicomreg.cli;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import io.dicomreg.apps.AppRef;
import io.dicomreg.apps.ApplicationLocator;
import io.dicomreg.apps.credentials.CertificateCredential;
import io.dicomreg.apps.credentials.CertificateFileService;
import io.dicomreg.apps.credentials.CertificateRequest;
import io.dicomreg.apps.credentials.CertificateService;
import io.dicomreg.apps.credentials.CertificateToUpload;
import io.dicomreg.apps.credentials.CertificateUpload;
import io.dicomreg.apps.credentials.CreatedCertificate;
import io.dicomreg.apps.Guids;
import io.dicomreg.apps.credentials.RemovedCertificate;
import io.dicomreg.apps.credentials.UploadedCertificate;
import io.dicomreg.cli.catalogue.OptionValue;
import io.dicomreg.cli.catalogue.Traits;
import io.dicomreg.cli.completion.AppNameCompleter;
import io.dicomreg.cli.completion.CertificateCompleter;
import io.dicomreg.error.Subject;
import io.dicomreg.error.DicomregException;
import io.dicomreg.output.Details;
import io.dicomreg.output.Result;
import io.dicomreg.output.Shown;
import io.dicomreg.output.Table;

/**
 * Certificate commands (tutorial step 4, "Certificates &amp; secrets").
 */
@Component
public class CertificateCommands {

	private final CertificateService certificates;

	private final CertificateFileService files;

	private final ApplicationLocator locator;

	public CertificateCommands(CertificateService certificates, CertificateFileService files, ApplicationLocator locator) {
		this.certificates = certificates;
		this.files = files;
		this.locator = locator;
	}

	@Command(name = { "cert", "create" }, group = SecretCommands.GROUP,
			description = "Make a self-signed RSA 2048 certificate in local files; no sign-in needed (tutorial step 4)")
	public Result create(CommandRun run,
			@Option(longName = "subject", required = true, description = "subject, e.g. \"CN=DICOM client\" (CN= is added when no attribute is named)")
			@OptionValue(subject = Subject.CERTIFICATE_SUBJECT) String subject,
			@Option(longName = "years", defaultValue = "1", description = "validity in years, 1 to 3")
			@OptionValue(subject = Subject.CERTIFICATE_YEARS) String years,
			@Option(longName = "out", required = true, description = "path and name of the files: writes OUT.crt (certificate), OUT.key (private key, mode 0600)")
			@OptionValue(file = true, subject = Subject.CERTIFICATE_FILES) String out,
			@Option(longName = "pfx-password-env", description = "also write OUT.pfx (PKCS#12, mode 0600) protected by the password in this environment variable")
			@OptionValue(label = "VAR", subject = Subject.PFX_PASSWORD_VARIABLE) String pfxPasswordEnv,
			@Option(longName = "if-missing", description = "make nothing when OUT.crt and OUT.key already hold a valid certificate for this --subject and its key (for scripts)") boolean ifMissing) {
		CreatedCertificate created = this.files.createCertificate(
				new CertificateRequest(subject, years(years), Paths.of(out, "--out"), pfxPasswordEnv, ifMissing), run.plan());
		Details details = Details.create()
			.add("Subject", "subject", created.subject())
			.add("Thumbprint", "thumbprint", created.thumbprint())
			.add("Valid from", "notBefore", created.notBefore())
			.add("Valid until", "notAfter", created.notAfter())
			.add("Key", "key", created.key())
			.add("Signature algorithm", "signatureAlgorithm", created.signatureAlgorithm())
			.add("Certificate (public)", "certificateFile", created.certificateFile().toString())
			.add("Private key (0600)", "keyFile", created.keyFile().toString());
		if (created.pfxFile() != null) {
			details.add("PFX (0600)", "pfxFile", created.pfxFile().toString());
		}
		String upload = "Upload the public certificate with: cert upload --file " + ShellWords.quote(created.certificateFile().toString());
		Result result = Result.of(details).changed(created.changed());
		if (!created.changed()) {
			return result.note(created.filesText() + " are already there: nothing was made.").note(upload);
		}
		return result.note(upload).note("Keep the private key to yourself: whoever has it can sign in as the application.");
	}

	@Command(name = { "cert", "upload" }, group = SecretCommands.GROUP,
			description = "Upload a certificate's public part, keeping every other certificate (tutorial step 4)",
			availabilityProvider = "signedIn")
	@Traits(passwordFrom = "pfx-password-env")
	public Result upload(CommandRun run,
			@Option(longName = "file", required = true, description = "PEM, DER (.cer/.crt) or PFX (.pfx/.p12) file; only the public certificate is sent, never a private key")
			@OptionValue(file = true, subject = Subject.CERTIFICATE_FILE) String file,
			@Option(longName = "pfx-password-env", description = "environment variable holding the PFX password (else it is asked, masked)")
			@OptionValue(label = "VAR", subject = Subject.PFX_PASSWORD_VARIABLE) String pfxPasswordEnv,
			@Option(longName = "description", description = "description shown in the portal (default: the certificate's subject)")
			@OptionValue(subject = Subject.CERTIFICATE_DESCRIPTION) String description,
			@Option(longName = "app", description = AppOption.DESCRIPTION)
			@OptionValue(completion = AppNameCompleter.class, subject = Subject.APPLICATION) String app) {
		CertificateToUpload certificate = this.files.readCertificate(
				new CertificateUpload(Paths.of(file, "--file"), pfxPasswordEnv, description), MaskedPrompt.pfxPassword(run, "--pfx-password-env"), run.plan());
		UploadedCertificate uploaded = this.certificates.uploadCertificate(this.locator.resolve(app, run.plan()), certificate, run.plan());
		return Result.of(describe(uploaded.app(), uploaded.certificate())).changed(uploaded.changed())
			.note(uploaded.changed() ? "Uploaded the public certificate only."
					: "No change: this certificate is already on '" + uploaded.app().displayName() + "' and still valid.");
	}

	@Command(name = { "cert", "list" }, group = SecretCommands.GROUP,
			description = "List the certificates, expired and soon expiring ones flagged (tutorial step 4)",
			availabilityProvider = "signedIn")
	public Result list(CommandRun run,
			@Option(longName = "app", description = AppOption.DESCRIPTION)
			@OptionValue(completion = AppNameCompleter.class, subject = Subject.APPLICATION) String app) {
		AppRef ref = this.locator.resolve(app, run.plan());
		List<CertificateCredential> certificates = this.certificates.listCertificates(ref);
		Table table = Table.of("Thumbprint", "thumbprint", "Description", "description", "Key ID", "keyId", "Start",
				"startDateTime", "Expires", "endDateTime", "Days left", "daysLeft", "Status", "status");
		certificates.forEach(certificate -> table.row(certificate.thumbprint(), certificate.description(),
				certificate.keyId(), certificate.start(), certificate.end(), certificate.daysLeft(),
				Shown.as(certificate.status().label(), certificate.status())));
		return Result.of(table).note(certificates.isEmpty()
				? "'" + ref.displayName() + "' has no certificates. Make one with 'cert create', upload it with 'cert upload'."
				: ExpiryNote.of(certificates.stream().map(CertificateCredential::status).toList(), "certificate",
						"'cert create' and 'cert upload'", "'cert remove THUMBPRINT'"));
	}

	@Command(name = { "cert", "remove" }, group = SecretCommands.GROUP,
			description = "Remove one certificate, keeping the others: cert remove THUMBPRINT|KEYID (tutorial step 4)",
			availabilityProvider = "signedIn")
	public Result remove(CommandRun run,
			@Argument(index = 0, description = "thumbprint or key ID of the certificate (see cert list)")
			@OptionValue(completion = CertificateCompleter.class, subject = Subject.CERTIFICATE_SELECTOR) String thumbprintOrKeyId,
			@Option(longName = "app", description = AppOption.DESCRIPTION)
			@OptionValue(completion = AppNameCompleter.class, subject = Subject.APPLICATION) String app) {
		String selector = CertificateService.checkThumbprintOrKeyId(thumbprintOrKeyId);
		RemovedCertificate removed = this.certificates.removeCertificate(this.locator.resolve(app, run.plan()), selector, run.plan());
		if (removed.removed().isEmpty()) {
			Details details = Details.create()
				.add("Application", "displayName", removed.app().displayName())
				.add("Application (client) ID", "appId", removed.app().appId())
				.add(Guids.isGuid(removed.selector()) ? "Key ID" : "Thumbprint",
						Guids.isGuid(removed.selector()) ? "keyId" : "thumbprint", removed.selector())
				.add("Certificates left", "remaining", removed.remaining());
			return Result.of(details).changed(false).note("No change: '" + removed.app().displayName()
					+ "' has no certificate with " + (Guids.isGuid(removed.selector()) ? "key ID " : "thumbprint ")
					+ removed.selector() + " (removed already, or never there). Run 'cert list' to see its "
					+ "thumbprints and key IDs.");
		}
		CertificateCredential first = removed.removed().get(0);
		Details details = Details.create()
			.add("Application", "displayName", removed.app().displayName())
			.add("Application (client) ID", "appId", removed.app().appId())
			.add("Thumbprint", "thumbprint", first.thumbprint())
			.add("Description", "description", first.description())
			.add("Key ID", "keyId", removed.removed().stream().map(certificate -> String.valueOf(certificate.keyId()))
				.collect(Collectors.joining(", ")))
			.add("Certificates left", "remaining", removed.remaining());
		return Result.of(details).changed(removed.changed())
			.note("Removed: anything signing in with this certificate now fails.");
	}

	private static Details describe(AppRef app, CertificateCredential certificate) {
		return Details.create()
			.add("Application", "displayName", app.displayName())
			.add("Application (client) ID", "appId", app.appId())
			.add("Thumbprint", "thumbprint", certificate.thumbprint())
			.add("Description", "description", certificate.description())
			.add("Key ID", "keyId", certificate.keyId())
			.add("Start", "startDateTime", certificate.start())
			.add("Expires", "endDateTime", certificate.end());
	}

	private static int years(String years) {
		try {
			return Integer.parseInt(years.strip());
		}
		catch (NumberFormatException | NullPointerException ex) {
			throw DicomregException.invalidInput("--years takes a whole number of years, " + CertificateFileService.MIN_YEARS
					+ " to " + CertificateFileService.MAX_YEARS + ".");
		}
	}


}
