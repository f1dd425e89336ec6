package io.dicomreg.apps.credentials;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.security.auth.x500.X500Principal;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import io.dicomreg.config.DryRun;
import io.dicomreg.config.OwnerOnlyFiles;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.TextRules;
import io.dicomreg.error.Subject;
import io.dicomreg.pki.PasswordVariable;

/**
 * Certificate files on this machine, for the portal's "Certificates &amp; secrets" step: a
 * self-signed certificate made with its private key (the tutorial's PowerShell step), the files of
 * an earlier run kept by {@code --if-missing}, and the certificate read out of a PEM, DER or PFX file
 * to upload. Local only: no sign-in, no Graph call ({@link CertificateService} uploads it).
 */
@Service
public class CertificateFileService {

	/** The shortest and longest validity {@code cert create} makes, in years. */
	public static final int MIN_YEARS = 1;

	public static final int MAX_YEARS = 3;

	/** The option naming the environment variable that holds a PFX password. */
	private final Clock clock;

	private final Function<String, String> environment;

	@Autowired
	public CertificateFileService() {
		this(Clock.systemUTC(), System::getenv);
	}

	public CertificateFileService(Clock clock, Function<String, String> environment) {
		this.clock = clock;
		this.environment = environment;
	}

	/**
	 * Makes a self-signed certificate and writes {@code PREFIX.crt} (PEM certificate), {@code PREFIX.key}
	 * (PKCS#8 PEM private key, mode 0600) and, with a password variable, {@code PREFIX.pfx} (0600).
	 * Local only: no sign-in, no Graph call. With {@link CertificateRequest#ifMissing()}, files already
	 * there holding a valid certificate for the subject, its key (and the PFX when asked for) are kept
	 * and reported unchanged: nothing is made or written.
	 * @throws DicomregException (usage) for a bad subject, validity, password variable or an existing file;
	 * with {@code ifMissing}, for an incomplete set of files or files that do not hold what was asked
	 */
	public CreatedCertificate createCertificate(CertificateRequest request, DryRun plan) {
		X500Principal subject = SelfSignedCertificates.subject(request.subject());
		if (request.years() < MIN_YEARS || request.years() > MAX_YEARS) {
			throw DicomregException.invalid(Subject.CERTIFICATE_YEARS, " must be " + MIN_YEARS + " to " + MAX_YEARS
					+ " (a self-signed certificate is for testing; renew it rather than make it last).");
		}
		Path prefix = prefix(request.outPrefix());
		if (request.ifMissing()) {
			CreatedCertificate existing = existing(request, subject, prefix);
			if (existing != null) {
				return existing;
			}
		}
		Path certificateFile = SaveTarget.newFile(withExtension(prefix, ".crt"), Subject.CERTIFICATE_FILES);
		Path keyFile = SaveTarget.newFile(withExtension(prefix, ".key"), Subject.CERTIFICATE_FILES);
		Path pfxFile = (request.pfxPasswordEnv() != null) ? SaveTarget.newFile(withExtension(prefix, ".pfx"), Subject.CERTIFICATE_FILES) : null;
		char[] password = (pfxFile != null) ? pfxPassword(request.pfxPasswordEnv(), false) : null;
		if (plan.skip("make a self-signed certificate for " + subject.getName() + " in " + certificateFile
				+ " and " + keyFile)) {
			plan.planFile(certificateFile);
			plan.planFile(keyFile);
			if (pfxFile != null) {
				plan.planFile(pfxFile);
			}
			return new CreatedCertificate(certificateFile, keyFile, pfxFile, null, subject.getName(), null, null,
					"RSA " + SelfSignedCertificates.KEY_SIZE, SelfSignedCertificates.SIGNATURE_ALGORITHM, true);
		}
		try {
			SelfSignedCertificates.Made made = SelfSignedCertificates.make(subject, request.years(), this.clock.instant());
			writeAll(made, certificateFile, keyFile, pfxFile, password);
			X509Certificate certificate = made.certificate();
			return new CreatedCertificate(certificateFile, keyFile, pfxFile, Thumbprints.of(certificate),
					certificate.getSubjectX500Principal().getName(), utc(certificate.getNotBefore().toInstant()),
					utc(certificate.getNotAfter().toInstant()), "RSA " + SelfSignedCertificates.KEY_SIZE,
					SelfSignedCertificates.SIGNATURE_ALGORITHM, true);
		}
		finally {
			if (password != null) {
				Arrays.fill(password, '\0');
			}
		}
	}

	/**
	 * The certificate an earlier run left in the files of {@code prefix}, checked; {@code null} when
	 * none of the files is there.
	 */
	private CreatedCertificate existing(CertificateRequest request, X500Principal subject, Path prefix) {
		Path certificateFile = SaveTarget.absolute(withExtension(prefix, ".crt"), Subject.CERTIFICATE_FILES);
		Path keyFile = SaveTarget.absolute(withExtension(prefix, ".key"), Subject.CERTIFICATE_FILES);
		Path pfxFile = (request.pfxPasswordEnv() != null) ? SaveTarget.absolute(withExtension(prefix, ".pfx"), Subject.CERTIFICATE_FILES) : null;
		List<Path> files = (pfxFile != null) ? List.of(certificateFile, keyFile, pfxFile) : List.of(certificateFile, keyFile);
		List<Path> present = files.stream().filter(SaveTarget::exists).toList();
		if (present.isEmpty()) {
			return null;
		}
		if (present.size() < files.size()) {
			List<Path> missing = files.stream().filter(file -> !present.contains(file)).toList();
			throw DicomregException.invalidNaming(Subject.CERTIFICATE_FILES, FileLists.of(present)
					+ (present.size() == 1 ? " is" : " are") + " already there but " + FileLists.of(missing)
					+ (missing.size() == 1 ? " is" : " are") + " not, and files already there are never completed or "
					+ "overwritten: move " + FileLists.of(present) + " away or choose other names for {}.");
		}
		char[] password = (pfxFile != null) ? pfxPassword(request.pfxPasswordEnv(), false) : null;
		try {
			X509Certificate certificate = ExistingCertificateFiles.check(certificateFile, keyFile, pfxFile, password,
					subject, this.clock.instant());
			return new CreatedCertificate(certificateFile, keyFile, pfxFile, Thumbprints.of(certificate),
					certificate.getSubjectX500Principal().getName(), utc(certificate.getNotBefore().toInstant()),
					utc(certificate.getNotAfter().toInstant()), ExistingCertificateFiles.describe(certificate.getPublicKey()),
					certificate.getSigAlgName(), false);
		}
		finally {
			if (password != null) {
				Arrays.fill(password, '\0');
			}
		}
	}

	/**
	 * Reads and checks the certificate in a file without calling Graph: commands call this before
	 * looking the application up, so that a bad file is reported first.
	 * @param passwordPrompt asks for the PFX password when the file is a PFX and no variable is named
	 * @throws DicomregException (usage) for a missing, unreadable or invalid file, a private key without
	 * certificate, a wrong PFX password, or an expired or not yet valid certificate
	 */
	public CertificateToUpload readCertificate(CertificateUpload upload, Supplier<char[]> passwordPrompt, DryRun plan) {
		if (upload.file() == null) {
			throw DicomregException.invalid(Subject.CERTIFICATE_FILE, " is required: the certificate file to upload.");
		}
		if (plan.isPlannedFile(upload.file())) {
			return CertificateToUpload.planned(upload.file());
		}
		String passwordEnv = (upload.pfxPasswordEnv() != null) ? passwordVariable(upload.pfxPasswordEnv()) : null;
		AtomicBoolean asked = new AtomicBoolean();
		Supplier<char[]> password = (passwordEnv != null) ? () -> {
			asked.set(true);
			return pfxPassword(passwordEnv, true);
		} : passwordPrompt;
		X509Certificate certificate = CertificateFiles.read(upload.file(), password, this.clock.instant());
		if (passwordEnv != null && !asked.get()) {
			throw DicomregException.invalidNaming(Subject.PFX_PASSWORD_VARIABLE, "{} is for a PFX file, and "
					+ upload.file().getFileName() + " is no PFX (its certificate needs no password): leave {} out.");
		}
		String description = TextRules.description(Subject.CERTIFICATE_DESCRIPTION, upload.description());
		return new CertificateToUpload(upload.file(), certificate, description);
	}

	/**
	 * The PFX password in the variable {@code name}.
	 * @param allowEmpty whether an empty value is a usable password
	 * @throws DicomregException (usage) when the name is malformed or the variable is unset (or empty)
	 */
	private char[] pfxPassword(String name, boolean allowEmpty) {
		return PasswordVariable.read(this.environment, Subject.PFX_PASSWORD_VARIABLE, passwordVariable(name), allowEmpty);
	}

	/**
	 * Checks the name of the variable that holds the PFX password.
	 * @throws DicomregException (usage) when it is not a variable name; the value is not repeated
	 */
	private static String passwordVariable(String name) {
		if (!PasswordVariable.isName(name)) {
			throw DicomregException.invalid(Subject.PFX_PASSWORD_VARIABLE, " takes the NAME of an environment variable "
					+ "(letters, digits and _, not starting with a digit) that holds the password, never the password itself.");
		}
		return name;
	}

	private static void writeAll(SelfSignedCertificates.Made made, Path certificateFile, Path keyFile, Path pfxFile,
			char[] password) {
		List<Path> written = new ArrayList<>();
		try {
			try (OutputStream out = Files.newOutputStream(certificateFile, StandardOpenOption.CREATE_NEW)) {
				// Created by this run: removed again if anything fails, even a half-written one (disk full).
				written.add(certificateFile);
				out.write(SelfSignedCertificates.certificatePem(made.certificate()));
			}
			SaveTarget.stillAbsent(keyFile, Subject.CERTIFICATE_FILES);
			OwnerOnlyFiles.write(keyFile, SelfSignedCertificates.privateKeyPem(made.keyPair().getPrivate()));
			written.add(keyFile);
			if (pfxFile != null) {
				SaveTarget.stillAbsent(pfxFile, Subject.CERTIFICATE_FILES);
				OwnerOnlyFiles.write(pfxFile, SelfSignedCertificates.pfx(made, password));
				written.add(pfxFile);
			}
		}
		catch (IOException | RuntimeException ex) {
			written.forEach(CertificateFileService::deleteQuietly);
			throw (ex instanceof DicomregException dicomreg) ? dicomreg
					: DicomregException.failure("Cannot write the certificate files: " + reason(ex) + ". Nothing was kept.",
							ex);
		}
	}

	/** Why writing failed, in words: the file system's reason (e.g. "No space left on device"). */
	private static String reason(Exception ex) {
		if (ex instanceof java.nio.file.FileSystemException system && system.getReason() != null) {
			return system.getReason();
		}
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

	private static Path prefix(Path outPrefix) {
		if (outPrefix == null || outPrefix.getFileName() == null || outPrefix.toString().isBlank()
				|| List.of(".", "..").contains(outPrefix.getFileName().toString())) {
			throw DicomregException.invalid(Subject.CERTIFICATE_FILES, " must be given: the path and name of the files to "
					+ "write, e.g. certs/dicom-client (writes certs/dicom-client.crt and .key).");
		}
		if (Files.isDirectory(outPrefix)) {
			throw DicomregException.invalidNaming(Subject.CERTIFICATE_FILES, "{} names the folder " + outPrefix
					+ ": give the path and name of the files to write in it, e.g. " + outPrefix.resolve("dicom-client")
					+ " (writes dicom-client.crt and .key there).");
		}
		String name = outPrefix.getFileName().toString();
		String lower = name.toLowerCase(Locale.ROOT);
		for (String extension : List.of(".crt", ".key", ".pfx")) {
			if (lower.endsWith(extension) && name.length() > extension.length()) {
				return outPrefix.resolveSibling(name.substring(0, name.length() - extension.length()));
			}
		}
		return outPrefix;
	}

	private static Path withExtension(Path prefix, String extension) {
		return prefix.resolveSibling(prefix.getFileName() + extension);
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// best effort: the error reported names what failed
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
