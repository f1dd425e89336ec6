package io.dicomreg.apps.credentials;

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
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.microsoft.graph.models.Application;
import com.microsoft.graph.models.KeyCredential;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import io.dicomreg.apps.AppRef;
import io.dicomreg.apps.Change;
import io.dicomreg.apps.ApplicationsGateway;
import io.dicomreg.apps.Guids;
import io.dicomreg.config.DryRun;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.Echo;
import io.dicomreg.error.Subject;

/**
 * Certificates of an application, as the portal's "Certificates &amp; secrets" page handles them:
 * uploaded as a key credential with only its public part (read from a file by
 * {@link CertificateFileService}), listed by thumbprint, removed by thumbprint or key ID. Graph
 * replaces the whole {@code keyCredentials} collection on a PATCH, so every change sends back all
 * the others.
 */
@Service
public class CertificateService {

	private static final String ASYMMETRIC_X509 = "AsymmetricX509Cert";

	private static final String VERIFY = "Verify";

	private static final Pattern THUMBPRINT = Pattern.compile("[0-9A-F]{40}");

	private final ApplicationsGateway applications;

	private final Clock clock;

	@Autowired
	public CertificateService(ApplicationsGateway applications) {
		this(applications, Clock.systemUTC());
	}

	public CertificateService(ApplicationsGateway applications, Clock clock) {
		this.applications = applications;
		this.clock = clock;
	}

	/**
	 * Uploads a certificate read by {@link CertificateFileService#readCertificate} as a key credential,
	 * keeping every other one. A valid credential with the same thumbprint already there means nothing
	 * to do: no write.
	 * @throws DicomregException (failure) when Graph refuses
	 */
	public UploadedCertificate uploadCertificate(AppRef app, CertificateToUpload upload, DryRun plan) {
		if (upload.certificate() == null) {
			plan.skip("upload the certificate in " + upload.file() + ", which 'cert create' would make");
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
		patch(app, all, plan, "Uploading the certificate", "upload the certificate " + certificate.getSubjectX500Principal().getName()
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
	 * the others. One the application does not have (any more) is no error: nothing is removed, and
	 * the result says so, so that a rerun of a removal that took effect succeeds.
	 * @throws DicomregException (usage) when it is neither form, before any call
	 */
	public RemovedCertificate removeCertificate(AppRef app, String thumbprintOrKeyId, DryRun plan) {
		String typed = checkThumbprintOrKeyId(thumbprintOrKeyId);
		List<KeyCredential> existing = keyCredentials(app);
		List<KeyCredential> removed = existing.stream().filter(matcher(typed)).toList();
		if (removed.isEmpty()) {
			return new RemovedCertificate(app, typed, List.of(), existing.size(), false);
		}
		List<KeyCredential> kept = existing.stream().filter(credential -> !removed.contains(credential))
			.map(CertificateService::sentBack).toList();
		patch(app, kept, plan, "Removing the certificate", "remove the certificate "
				+ removed.stream().map(credential -> Thumbprints.hex(credential.getCustomKeyIdentifier())).distinct()
					.collect(Collectors.joining(", "))
				+ " from '" + app.displayName() + "'");
		return new RemovedCertificate(app, typed, removed.stream().map(this::toCredential).toList(), kept.size(), true);
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
			// Echoed whole only when short: whatever long word was pasted here by mistake is not printed.
			throw DicomregException.invalidInput(Echo.quoted(typed) + " is neither a thumbprint (40 hexadecimal "
					+ "digits) nor a key ID (a GUID). Run 'cert list' to see them.");
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
			throw DicomregException.invalidInput("The certificate cannot be encoded: " + ex.getMessage());
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
	private void patch(AppRef app, List<KeyCredential> credentials, DryRun plan, String what, String planned) {
		Application patch = new Application();
		patch.setKeyCredentials(credentials);
		this.applications.patch(app, patch, Change.of(plan, planned, what));
	}

	private List<KeyCredential> keyCredentials(AppRef app) {
		Application application = this.applications.read(app, "Reading the certificates", "id", "keyCredentials");
		return (application.getKeyCredentials() != null) ? application.getKeyCredentials() : List.of();
	}

	private CertificateCredential toCredential(KeyCredential credential) {
		return CertificateCredential.of(credential, this.clock.instant());
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
