package io.dicomreg.cli.walkthrough;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.dicomreg.apps.AppRef;
import io.dicomreg.apps.credentials.CertificateCredential;
import io.dicomreg.apps.credentials.CertificateFileService;
import io.dicomreg.apps.credentials.CertificateRequest;
import io.dicomreg.apps.credentials.CertificateService;
import io.dicomreg.apps.credentials.CertificateToUpload;
import io.dicomreg.apps.credentials.CertificateUpload;
import io.dicomreg.apps.credentials.CreatedCertificate;
import io.dicomreg.apps.credentials.UploadedCertificate;
import io.dicomreg.cli.walkthrough.WalkthroughProgress.Certificate;
import io.dicomreg.error.DicomregException;

/**
 * Adds the certificate of step 5: made here (self-signed, private key in a 0600 file) or read from
 * a file, then its public part uploaded.
 */
class CertificatePart {

	private final CertificateService certificates;

	private final CertificateFileService files;

	CertificatePart(CertificateService certificates, CertificateFileService files) {
		this.certificates = certificates;
		this.files = files;
	}

	void run(StepContext context) {
		Prompts prompts = context.prompts();
		AppRef app = context.app();
		Certificate previous = context.progress().getCertificate();
		if (previous != null && previous.thumbprint() != null && uploaded(app, previous.thumbprint())) {
			prompts.say("The certificate " + previous.thumbprint() + " uploaded earlier in this walkthrough is kept.");
			return;
		}
		boolean make = prompts.choose("Which certificate?", Choice.ordered(previous == null || previous.created(),
				Choice.of("Make a self-signed certificate (for testing, as the tutorial does)", true),
				Choice.of("Upload a certificate file (PEM, DER or PFX; only the public key is sent)", false)));
		CertificateToUpload upload = make ? make(context, previous) : read(context);
		context.confirm("Upload the certificate " + upload.certificate().getSubjectX500Principal().getName() + " (thumbprint "
				+ upload.thumbprint() + ") to '" + app.displayName() + "'?");
		UploadedCertificate uploaded = this.certificates.uploadCertificate(app, upload, context.plan());
		CertificateCredential credential = uploaded.certificate();
		Certificate chosen = context.progress().getCertificate();
		context.progress().setCertificate(new Certificate(make, make ? chosen.subject() : null, make ? chosen.years() : 0,
				upload.file().toString(), credential.thumbprint(), String.valueOf(credential.keyId())));
		prompts.say(uploaded.changed() ? "Uploaded the certificate (thumbprint " + credential.thumbprint() + ", expires "
				+ Days.of(credential.end()) + ")." : "The certificate was already uploaded: nothing changed.");
	}

	private CertificateToUpload make(StepContext context, Certificate previous) {
		Prompts prompts = context.prompts();
		String unique = context.progress().getApplication().uniqueName();
		boolean madeBefore = previous != null && previous.created();
		Path certificateFile = madeBefore ? previous.path() : Path.of(unique + "-certificate.crt").toAbsolutePath();
		if (madeBefore && Files.exists(certificateFile) && Files.exists(keyFileOf(certificateFile))) {
			// Made before an interruption: use it rather than make another.
			prompts.say("Using " + certificateFile + ", made earlier in this walkthrough.");
			return this.files.readCertificate(CertificateUpload.of(certificateFile), () -> null, context.plan());
		}
		String subject = prompts.text("Subject", madeBefore ? previous.subject() : "CN=" + unique);
		int years = prompts.choose("Valid for", Choice.ordered(madeBefore ? previous.years() : 1,
				Choice.of("1 year", 1), Choice.of("2 years", 2), Choice.of("3 years", 3)));
		while (true) {
			String prefix = Path.of(prompts.text("Files to write (PREFIX.crt, and PREFIX.key for the private key)",
					certificateFile.toString().replaceAll("\\.crt$", "")))
				.toAbsolutePath()
				.normalize()
				.toString();
			try {
				context.confirm("Make a self-signed certificate for " + subject + ", valid " + years + " year(s), in "
						+ prefix + ".crt and " + prefix + ".key (readable only by you)?");
				context.progress().setCertificate(new Certificate(true, subject, years, prefix + ".crt", null, null));
				context.save();
				CreatedCertificate made = this.files.createCertificate(new CertificateRequest(subject, years,
						Path.of(prefix), null), context.plan());
				prompts.say("Wrote " + made.certificateFile() + " and the private key " + made.keyFile() + ".");
				return this.files.readCertificate(CertificateUpload.of(made.certificateFile()), () -> null, context.plan());
			}
			catch (DicomregException ex) {
				prompts.error(ex.getMessage());
			}
		}
	}

	private static Path keyFileOf(Path certificateFile) {
		return Path.of(certificateFile.toString().replaceAll("\\.crt$", "") + ".key");
	}

	private CertificateToUpload read(StepContext context) {
		while (true) {
			Path file = context.prompts().existingFile("Certificate file");
			try {
				CertificateToUpload upload = this.files.readCertificate(new CertificateUpload(file, null, null),
						() -> context.prompts().password("PFX password"), context.plan());
				context.progress().setCertificate(new Certificate(false, null, 0, file.toString(), null, null));
				return upload;
			}
			catch (DicomregException ex) {
				context.prompts().error(ex.getMessage());
			}
		}
	}

	private boolean uploaded(AppRef app, String thumbprint) {
		List<CertificateCredential> present = this.certificates.listCertificates(app);
		return present.stream().anyMatch(credential -> thumbprint.equals(credential.thumbprint()));
	}

}
