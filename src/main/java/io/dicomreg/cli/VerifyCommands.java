package io.dicomreg.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import io.dicomreg.auth.CredentialSource;
import io.dicomreg.cli.catalogue.OptionValue;
import io.dicomreg.cli.catalogue.Traits;
import io.dicomreg.cli.catalogue.DryRunMode;
import io.dicomreg.cli.completion.AppNameCompleter;
import io.dicomreg.cli.completion.DicomServiceCompleter;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.Echo;
import io.dicomreg.error.Subject;
import io.dicomreg.output.Result;
import io.dicomreg.output.Table;
import io.dicomreg.verify.AuditService;
import io.dicomreg.verify.Finding;
import io.dicomreg.verify.Link;
import io.dicomreg.verify.Verification;
import io.dicomreg.verify.VerifyRequest;
import io.dicomreg.verify.VerifyService;

/**
 * {@code verify}: proof that a registered client reads DICOM data, link by link.
 */
@Component
public class VerifyCommands {

	private static final String GROUP = "Proof (after step 6)";

	private static final Pattern DURATION = Pattern.compile("(\\d{1,4})(s|m|h)?");

	private static final Duration LONGEST_WAIT = Duration.ofHours(1);

	private final VerifyService verify;

	private final AuditService audit;

	public VerifyCommands(VerifyService verify, AuditService audit) {
		this.verify = verify;
		this.audit = audit;
	}

	@Command(name = { "app", "audit" }, group = GROUP,
			description = "Find what keeps apps from working: expired or expiring credentials, no service principal, no consent, no DICOM role, unsafe settings",
			availabilityProvider = "signedIn")
	public Result audit(
			@Option(longName = "app", description = AppOption.DESCRIPTION)
			@OptionValue(completion = AppNameCompleter.class, subject = Subject.APPLICATION) String app,
			@Option(longName = "all", description = "audit every application of the tenant") boolean all,
			@Option(longName = "within", defaultValue = "30d", description = "how soon an expiry is a warning, in days, e.g. 14d")
			@OptionValue(label = "DAYS", subject = Subject.EXPIRY_WINDOW) String within) {
		if (all && app != null) {
			throw DicomregException.invalidInput("Give --app or --all, not both.");
		}
		AuditService.Audit found = this.audit.audit(app, all, days(within));
		Table table = Table.of("Application", "app", "Client ID", "appId", "Severity", "severity", "Finding", "finding",
				"Fix", "fix");
		found.findings().forEach(finding -> table.row(finding.app(), finding.appId(), finding.severity().word(),
				finding.finding(), finding.fix()));
		long errors = found.findings().stream().filter(f -> f.severity() == Finding.Severity.ERROR).count();
		String roles = (found.dicomServices() < 0) ? " DICOM roles were not checked: Azure Resource Manager could not be "
				+ "read with this sign-in." : "";
		return Result.of(table)
			.failed(found.hasErrors() ? errors + " error(s) found: see above." : null)
			.note(found.apps() + " app(s) audited: " + errors + " error(s), " + (found.findings().size() - errors)
					+ " warning(s)." + roles);
	}

	static Duration days(String text) {
		Matcher matcher = Pattern.compile("(\\d{1,4})d?").matcher((text != null) ? text.strip().toLowerCase(Locale.ROOT) : "");
		if (!matcher.matches()) {
			throw DicomregException.invalidNaming(Subject.EXPIRY_WINDOW, Echo.quoted(String.valueOf(text)) + " given for {} "
					+ "is no number of days: use e.g. 30d.");
		}
		return Duration.ofDays(Long.parseLong(matcher.group(1)));
	}

	@Command(name = "verify", group = GROUP,
			description = "Check that the app can read DICOM data: app, service principal, credential, token, consent, role and the DICOM service's answer, one line each",
			availabilityProvider = "signedIn")
	@Traits(dryRun = DryRunMode.RUN_FOR_REAL, passwordFrom = "certificate-password-env")
	public Result verify(CommandRun run,
			@Option(longName = "dicom", required = true, description = "the DICOM service: its name (Tab completes), workspace/name, service URL or resource id")
			@OptionValue(label = "SERVICE", completion = DicomServiceCompleter.class, subject = Subject.DICOM_SERVICE) String dicom,
			@Option(longName = "app", description = AppOption.DESCRIPTION)
			@OptionValue(completion = AppNameCompleter.class, subject = Subject.APPLICATION) String app,
			@Option(longName = "secret-file", description = "file holding the app's client secret")
			@OptionValue(label = "FILE", file = true, subject = Subject.CLIENT_SECRET_FILE) String secretFile,
			@Option(longName = "secret-env", description = "environment variable holding the app's client secret")
			@OptionValue(label = "VAR", subject = Subject.CLIENT_SECRET_VARIABLE) String secretEnv,
			@Option(longName = "certificate", description = "PEM file with the app's certificate and private key, or PFX file")
			@OptionValue(label = "FILE", file = true, subject = Subject.CLIENT_CERTIFICATE) String certificate,
			@Option(longName = "certificate-password-env", description = "environment variable holding the PFX password (else it is asked, masked)")
			@OptionValue(label = "VAR", subject = Subject.CLIENT_CERTIFICATE_PASSWORD_VARIABLE) String certificatePasswordEnv,
			@Option(longName = "as-user", description = "check as a user of the app as a public client (Dicom.ReadWrite, device code), as Postman signs in") boolean asUser,
			@Option(longName = "api-version", defaultValue = "v2", description = "the DICOMweb API version to call: v1 or v2 (default v2)")
			@OptionValue(label = "VERSION", choices = { "v1", "v2" }, subject = Subject.API_VERSION) String apiVersion,
			@Option(longName = "wait", description = "keep asking while the DICOM service answers 403 (a new role not effective yet), e.g. 10m; at most 1h")
			@OptionValue(label = "DURATION", subject = Subject.WAIT) String waitFor) {
		VerifyRequest request = new VerifyRequest(app, dicom, credential(secretFile, secretEnv, certificate,
				certificatePasswordEnv), asUser, apiVersion, duration(waitFor));
		Verification verification = this.verify.verify(request, MaskedPrompt.pfxPassword(run, "--certificate-password-env"),
				run::notice);
		Table table = Table.of("Link", "link", "Status", "status", "What it means", "detail", "Fix", "fix");
		verification.links().forEach(link -> table.row(link.name(), link.status().word(), link.detail(), link.fix()));
		Link failedAt = verification.links().stream()
			.filter(link -> link.status() == Link.Status.FAILED)
			.findFirst()
			.orElse(null);
		return Result.of(table)
			.failed(verification.ok() ? null : "Not verified: " + ((failedAt != null) ? failedAt.name() + ": "
					+ failedAt.detail() + ((failedAt.fix() != null) ? " Fix: " + failedAt.fix() : "") : "see above."))
			.note(verification.ok() ? "Verified: the client reads DICOM data." : null);
	}

	private static CredentialSource credential(String secretFile, String secretEnv, String certificate,
			String certificatePasswordEnv) {
		long given = java.util.stream.Stream.of(secretFile, secretEnv, certificate).filter(v -> v != null).count();
		if (given > 1) {
			throw DicomregException.invalidInput("Give one credential: --secret-file, --secret-env or --certificate.");
		}
		if (certificatePasswordEnv != null && certificate == null) {
			throw DicomregException.invalidInput("--certificate-password-env only goes with --certificate.");
		}
		if (secretFile != null) {
			return CredentialSource.secretFile(Paths.of(secretFile, "--secret-file"));
		}
		if (secretEnv != null) {
			return CredentialSource.secretEnv(secretEnv);
		}
		if (certificate != null) {
			return CredentialSource.certificate(Paths.of(certificate, "--certificate"), certificatePasswordEnv);
		}
		return null;
	}

	static Duration duration(String text) {
		if (text == null) {
			return Duration.ZERO;
		}
		Matcher matcher = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
		if (!matcher.matches()) {
			throw DicomregException.invalidNaming(Subject.WAIT, Echo.quoted(text) + " given for {} is no duration: use "
					+ "seconds, minutes or hours such as 90s, 10m or 1h.");
		}
		long amount = Long.parseLong(matcher.group(1));
		Duration duration = switch ((matcher.group(2) != null) ? matcher.group(2) : "s") {
			case "m" -> Duration.ofMinutes(amount);
			case "h" -> Duration.ofHours(amount);
			default -> Duration.ofSeconds(amount);
		};
		if (duration.compareTo(LONGEST_WAIT) > 0) {
			throw DicomregException.invalidNaming(Subject.WAIT, Echo.quoted(text) + " given for {} is longer than 1h.");
		}
		return duration;
	}

}
