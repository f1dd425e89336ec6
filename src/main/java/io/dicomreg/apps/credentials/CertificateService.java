package io.dicomreg.apps.credentials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;

import com.microsoft.graph.models.Application;
import com.microsoft.graph.models.KeyCredential;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import io.dicomreg.apps.AppRef;
import io.dicomreg.apps.ApplicationsGateway;
import io.dicomreg.apps.Guids;
import io.dicomreg.config.OwnerOnlyFiles;
import io.dicomreg.config.DryRun;
import io.dicomreg.error.DicomregException;

/**
 * Certificates of an application, as the portal's "Certificates &amp; secrets" page handles them: a
 * self-signed one made locally (the tutorial's PowerShell step), uploaded as a key credential with
 * only its public part, listed by thumbprint, removed by thumbprint or key ID. Graph replaces the
 * whole {@code keyCredentials} collection on a PATCH, so every change sends back all the others.
 */
@Service
public class CertificateService {

	/** The shortest and longest validity {@code cert create} makes, in years. */
	public static final int MIN_YEARS = 1;

	public static final int MAX_YEARS = 3;

	private static final String ASYMMETRIC_X509 = "AsymmetricX509Cert";

	private static final String VERIFY = "Verify";

	private static final Pattern THUMBPRINT = Pattern.compile("[0-9A-F]{40}");


	private final ApplicationsGateway applications;

	private final DryRun dryRun;

	private final Clock clock;

	private final Function<String, String> environment;

	@Autowired
	public CertificateService(ApplicationsGateway applications) {
		this(applications, Clock.systemUTC(), System::getenv);
	}

	public CertificateService(ApplicationsGateway applications, Clock clock, Function<String, String> environment) {
		this.applications = applications;
		this.clock = clock;
		this.environment = environment;
		// Making a certificate is local: the service also works without Graph, and then never plans.
		this.dryRun = (applications != null) ? applications.dryRun() : DryRun.off();
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
	public CreatedCertificate createCertificate(CertificateRequest request) {
		X500Principal subject = SelfSignedCertificates.subject(request.subject());
		if (request.years() < MIN_YEARS || request.years() > MAX_YEARS) {
			throw DicomregException.invalidInput("--years must be " + MIN_YEARS + " to " + MAX_YEARS + " (a self-signed "
					+ "certificate is for testing; renew it rather than make it last).");
		}
		Path prefix = prefix(request.outPrefix());
		if (request.ifMissing()) {
			CreatedCertificate existing = existing(request, subject, prefix);
			if (existing != null) {
				return existing;
			}
		}
		Path certificateFile = SaveTarget.newFile(withExtension(prefix, ".crt"), "--out");
		Path keyFile = SaveTarget.newFile(withExtension(prefix, ".key"), "--out");
		Path pfxFile = (request.pfxPasswordEnv() != null) ? SaveTarget.newFile(withExtension(prefix, ".pfx"), "--out") : null;
		char[] password = (pfxFile != null) ? PasswordVariable.read(request.pfxPasswordEnv(), this.environment, false) : null;
		if (this.dryRun.skip("make a self-signed certificate for " + subject.getName() + " in " + certificateFile
				+ " and " + keyFile)) {
			this.dryRun.planFile(certificateFile);
			this.dryRun.planFile(keyFile);
			if (pfxFile != null) {
				this.dryRun.planFile(pfxFile);
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
		Path certificateFile = SaveTarget.absolute(withExtension(prefix, ".crt"), "--out");
		Path keyFile = SaveTarget.absolute(withExtension(prefix, ".key"), "--out");
		Path pfxFile = (request.pfxPasswordEnv() != null) ? SaveTarget.absolute(withExtension(prefix, ".pfx"), "--out") : null;
		List<Path> files = (pfxFile != null) ? List.of(certificateFile, keyFile, pfxFile) : List.of(certificateFile, keyFile);
		List<Path> present = files.stream().filter(SaveTarget::exists).toList();
		if (present.isEmpty()) {
			return null;
		}
		if (present.size() < files.size()) {
			List<Path> missing = files.stream().filter(file -> !present.contains(file)).toList();
			throw DicomregException.invalidInput(FileLists.of(present) + (present.size() == 1 ? " is" : " are")
					+ " already there but " + FileLists.of(missing) + (missing.size() == 1 ? " is" : " are") + " not, and "
					+ "--if-missing never completes or overwrites files: move " + FileLists.of(present)
					+ " away or choose another --out.");
		}
		char[] password = (pfxFile != null) ? PasswordVariable.read(request.pfxPasswordEnv(), this.environment, false) : null;
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
	public CertificateToUpload readCertificate(CertificateUpload upload, Supplier<char[]> passwordPrompt) {
		if (upload.file() == null) {
			throw DicomregException.invalidInput("--file is required: the certificate file to upload.");
		}
		if (this.dryRun.isPlannedFile(upload.file())) {
			return CertificateToUpload.planned(upload.file());
		}
		String passwordEnv = (upload.pfxPasswordEnv() != null) ? PasswordVariable.checkName(upload.pfxPasswordEnv()) : null;
		Supplier<char[]> password = (passwordEnv != null)
				? () -> PasswordVariable.read(passwordEnv, this.environment, true) : passwordPrompt;
		X509Certificate certificate = CertificateFiles.read(upload.file(), password, this.clock.instant());
		String description = (upload.description() != null && !upload.description().isBlank())
				? upload.description().strip() : null;
		return new CertificateToUpload(upload.file(), certificate, description);
	}

	/**
	 * Reads the certificate in a file and uploads its public part: {@link #readCertificate} then
	 * {@link #uploadCertificate(AppRef, CertificateToUpload)}.
	 */
	public UploadedCertificate uploadCertificate(AppRef app, CertificateUpload upload, Supplier<char[]> passwordPrompt) {
		return uploadCertificate(app, readCertificate(upload, passwordPrompt));
	}

	/**
	 * Uploads a certificate as a key credential, keeping every other one. A valid credential with the
	 * same thumbprint already there means nothing to do: no write.
	 * @throws DicomregException (failure) when Graph refuses
	 */
	public UploadedCertificate uploadCertificate(AppRef app, CertificateToUpload upload) {
		if (upload.certificate() == null) {
			this.dryRun.skip("upload the certificate in " + upload.file() + ", which 'cert create' would make");
			return new UploadedCertificate(app, new CertificateCredential(null, upload.description(), null, null, null, null,
					CredentialStatus.VALID), true);
		}
		X509Certificate certificate = upload.certificate();
		byte[] thumbprint = Thumbprints.sha1(certificate);
		List<KeyCredential> existing = keyCredentials(app);
		for (KeyCredential credential : existing) {
			if (Arrays.equals(thumbprint, credential.getCustomKeyIdentifier())
					&& CredentialStatus.of(credential.getEndDateTime(), this.clock.instant()) != CredentialStatus.EXPIRED) {
				return new UploadedCertificate(app, toCredential(credential), false);
			}
		}
		KeyCredential added = newCredential(certificate, thumbprint, upload.description());
		List<KeyCredential> all = new ArrayList<>(existing.stream().map(CertificateService::sentBack).toList());
		all.add(added);
		patch(app, all, "Uploading the certificate", "upload the certificate " + certificate.getSubjectX500Principal().getName()
				+ " (thumbprint " + Thumbprints.of(certificate) + ") to '" + app.displayName() + "'");
		return new UploadedCertificate(app, toCredential(added), true);
	}

	/** The application's certificates, the first to expire first. */
	public List<CertificateCredential> listCertificates(AppRef app) {
		return keyCredentials(app).stream().map(this::toCredential)
			.sorted(Comparator.comparing(CertificateCredential::end, Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
	}

	/**
	 * Removes the certificate with this thumbprint (every credential with it) or key ID, keeping all
	 * the others.
	 * @throws DicomregException (usage) when it is neither form or names no certificate of the
	 * application, before any write
	 */
	public RemovedCertificate removeCertificate(AppRef app, String thumbprintOrKeyId) {
		String typed = checkThumbprintOrKeyId(thumbprintOrKeyId);
		List<KeyCredential> existing = keyCredentials(app);
		List<KeyCredential> removed = existing.stream().filter(matcher(typed)).toList();
		if (removed.isEmpty()) {
			throw DicomregException.invalidInput("'" + app.displayName() + "' has no certificate with "
					+ (Guids.isGuid(typed) ? "key ID " : "thumbprint ") + typed
					+ ". Run 'cert list' to see its thumbprints and key IDs.");
		}
		List<KeyCredential> kept = existing.stream().filter(credential -> !removed.contains(credential))
			.map(CertificateService::sentBack).toList();
		patch(app, kept, "Removing the certificate", "remove the certificate "
				+ removed.stream().map(credential -> Thumbprints.hex(credential.getCustomKeyIdentifier())).distinct()
					.collect(Collectors.joining(", "))
				+ " from '" + app.displayName() + "'");
		return new RemovedCertificate(app, removed.stream().map(this::toCredential).toList(), kept.size(), true);
	}

	/**
	 * Checks a typed thumbprint or key ID without calling Graph.
	 * @throws DicomregException (usage) when it is empty or neither form
	 */
	public static String checkThumbprintOrKeyId(String typed) {
		String value = (typed != null) ? typed.strip() : "";
		if (value.isEmpty()) {
			throw DicomregException.invalidInput("Give the thumbprint or key ID of the certificate to remove. "
					+ "Run 'cert list' to see them.");
		}
		matcher(value);
		return value;
	}

	private static Predicate<KeyCredential> matcher(String typed) {
		if (Guids.isGuid(typed)) {
			UUID keyId = UUID.fromString(typed);
			return credential -> keyId.equals(credential.getKeyId());
		}
		String thumbprint = Thumbprints.normalize(typed);
		if (!THUMBPRINT.matcher(thumbprint).matches()) {
			// Not repeated: whatever was pasted here by mistake is not printed.
			throw DicomregException.invalidInput("That is neither a thumbprint (40 hexadecimal digits) nor a "
					+ "key ID (a GUID). Run 'cert list' to see them.");
		}
		return credential -> thumbprint.equals(Thumbprints.hex(credential.getCustomKeyIdentifier()));
	}

	private static KeyCredential newCredential(X509Certificate certificate, byte[] thumbprint, String description) {
		KeyCredential credential = new KeyCredential();
		credential.setKeyId(UUID.randomUUID());
		credential.setType(ASYMMETRIC_X509);
		credential.setUsage(VERIFY);
		credential.setCustomKeyIdentifier(thumbprint);
		credential.setDisplayName((description != null && !description.isBlank()) ? description.strip()
				: certificate.getSubjectX500Principal().getName());
		credential.setStartDateTime(utc(certificate.getNotBefore().toInstant()));
		credential.setEndDateTime(utc(certificate.getNotAfter().toInstant()));
		try {
			credential.setKey(certificate.getEncoded());
		}
		catch (CertificateEncodingException ex) {
			throw DicomregException.invalidInput("The certificate in --file cannot be encoded: " + ex.getMessage());
		}
		return credential;
	}

	/**
	 * An existing credential as sent back in a PATCH: Graph keeps it by its key ID when the key is
	 * left out. A fresh object, so that the SDK serialises every field (objects read from Graph only
	 * serialise what changed since).
	 */
	private static KeyCredential sentBack(KeyCredential existing) {
		KeyCredential copy = new KeyCredential();
		copy.setKeyId(existing.getKeyId());
		copy.setType(existing.getType());
		copy.setUsage(existing.getUsage());
		copy.setDisplayName(existing.getDisplayName());
		copy.setCustomKeyIdentifier(existing.getCustomKeyIdentifier());
		copy.setStartDateTime(existing.getStartDateTime());
		copy.setEndDateTime(existing.getEndDateTime());
		return copy;
	}

	/** Sends the whole collection back: a PATCH of {@code keyCredentials} replaces it. */
	private void patch(AppRef app, List<KeyCredential> credentials, String what, String plan) {
		Application patch = new Application();
		patch.setKeyCredentials(credentials);
		this.applications.patch(app, patch, plan, what);
	}

	private List<KeyCredential> keyCredentials(AppRef app) {
		Application application = this.applications.read(app, "Reading the certificates", "id", "keyCredentials");
		return (application.getKeyCredentials() != null) ? application.getKeyCredentials() : List.of();
	}

	private CertificateCredential toCredential(KeyCredential credential) {
		return new CertificateCredential(Thumbprints.hex(credential.getCustomKeyIdentifier()), credential.getDisplayName(),
				credential.getKeyId(), credential.getStartDateTime(), credential.getEndDateTime(),
				CredentialStatus.daysLeft(credential.getEndDateTime(), this.clock.instant()),
				CredentialStatus.of(credential.getEndDateTime(), this.clock.instant()));
	}

	private static void writeAll(SelfSignedCertificates.Made made, Path certificateFile, Path keyFile, Path pfxFile,
			char[] password) {
		List<Path> written = new ArrayList<>();
		try {
			Files.write(certificateFile, SelfSignedCertificates.certificatePem(made.certificate()),
					StandardOpenOption.CREATE_NEW);
			written.add(certificateFile);
			SaveTarget.stillAbsent(keyFile, "--out");
			OwnerOnlyFiles.write(keyFile, SelfSignedCertificates.privateKeyPem(made.keyPair().getPrivate()));
			written.add(keyFile);
			if (pfxFile != null) {
				SaveTarget.stillAbsent(pfxFile, "--out");
				OwnerOnlyFiles.write(pfxFile, SelfSignedCertificates.pfx(made, password));
				written.add(pfxFile);
			}
		}
		catch (IOException | RuntimeException ex) {
			written.forEach(CertificateService::deleteQuietly);
			throw (ex instanceof DicomregException dicomreg) ? dicomreg
					: DicomregException.failure("Cannot write the certificate files: " + ex.getClass().getSimpleName()
							+ ". Nothing was kept.");
		}
	}

	private static Path prefix(Path outPrefix) {
		if (outPrefix == null || outPrefix.getFileName() == null || outPrefix.toString().isBlank()) {
			throw DicomregException.invalidInput("--out is required: the path and name of the files to write, "
					+ "e.g. --out certs/dicom-client (writes certs/dicom-client.crt and .key).");
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
