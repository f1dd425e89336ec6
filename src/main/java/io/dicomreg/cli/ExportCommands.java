package io.dicomreg.cli;

import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import io.dicomreg.cli.catalogue.OptionValue;
import io.dicomreg.cli.completion.AppNameCompleter;
import io.dicomreg.cli.completion.DicomServiceCompleter;
import io.dicomreg.error.Subject;
import io.dicomreg.exports.Export;
import io.dicomreg.exports.ExportFormat;
import io.dicomreg.exports.ExportRequest;
import io.dicomreg.exports.ExportService;
import io.dicomreg.output.Details;
import io.dicomreg.output.Result;

/**
 * {@code app export}: the hand-off files of the client's tools.
 */
@Component
public class ExportCommands {

	private static final String GROUP = "Proof (after step 6)";

	private final ExportService exports;

	public ExportCommands(ExportService exports) {
		this.exports = exports;
	}

	@Command(name = { "app", "export" }, group = GROUP,
			description = "Write the app's IDs (and the DICOM service URL) as an env file, a Postman environment or an MSAL config; no secret unless asked",
			availabilityProvider = "signedIn")
	public Result export(CommandRun run,
			@Option(longName = "format", required = true, description = "env (Azure Identity's variables), postman (the workshop's environment) or msal")
			@OptionValue(label = "FORMAT", choices = { "env", "postman", "msal" }, subject = Subject.EXPORT_FORMAT) String format,
			@Option(longName = "dicom", description = "the DICOM service whose URL goes in: name (Tab completes), workspace/name, service URL or resource id")
			@OptionValue(label = "SERVICE", completion = DicomServiceCompleter.class, subject = Subject.DICOM_SERVICE) String dicom,
			@Option(longName = "app", description = AppOption.DESCRIPTION)
			@OptionValue(completion = AppNameCompleter.class, subject = Subject.APPLICATION) String app,
			@Option(longName = "api-version", defaultValue = "v2", description = "the DICOMweb version Postman's baseUrl ends with: v1 or v2 (default v2)")
			@OptionValue(label = "VERSION", choices = { "v1", "v2" }, subject = Subject.API_VERSION) String apiVersion,
			@Option(longName = "out", description = "the new file to write (never overwritten); without it the content is printed")
			@OptionValue(label = "FILE", file = true, subject = Subject.EXPORT_FILE) String out,
			@Option(longName = "include-secret-from", description = "include the client secret this file holds (needs --out; the file written is then readable by you alone)")
			@OptionValue(label = "FILE", file = true, subject = Subject.CLIENT_SECRET_FILE) String secretFrom,
			@Option(longName = "certificate", description = "the certificate file the client signs in with (env: AZURE_CLIENT_CERTIFICATE_PATH)")
			@OptionValue(label = "FILE", file = true, subject = Subject.CLIENT_CERTIFICATE) String certificate) {
		Export export = this.exports.export(new ExportRequest(app, ExportFormat.of(format), dicom, apiVersion,
				Paths.of(out, "--out"), Paths.of(secretFrom, "--include-secret-from"), Paths.of(certificate, "--certificate")),
				run.plan());
		if (export.file() == null) {
			return Result.text(export.content());
		}
		return Result.of(Details.create()
			.add("Format", "format", export.format().word())
			.add("File", "file", export.file().toString())
			.add("Variables", "variables", export.variables())
			.add("Includes the client secret", "includesSecret", export.includesSecret()))
			.changed(true)
			.note("Wrote " + export.file() + (export.includesSecret() ? " (readable by you alone: it holds the client "
					+ "secret)." : " (no secret in it)."));
	}

}
