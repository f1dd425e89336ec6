package io.dicomreg.apps.credentials;

import java.nio.file.Path;
import java.security.cert.X509Certificate;

/**
 * A certificate read from a file and checked, ready to upload: only its public part.
 *
 * @param file the file it was read from
 * @param certificate the certificate ({@code null} for a file a dry run's {@code cert create} only planned)
 * @param description the description to upload it under, or {@code null} for its subject
 */
public record CertificateToUpload(Path file, X509Certificate certificate, String description) {

	/** A file a dry run's {@code cert create} would have made: no certificate to read yet. */
	static CertificateToUpload planned(Path file) {
		return new CertificateToUpload(file, null, null);
	}

	/** The SHA-1 thumbprint, upper case hexadecimal ({@code null} for a planned file). */
	public String thumbprint() {
		return (this.certificate != null) ? Thumbprints.of(this.certificate) : null;
	}

	@Override
	public String toString() {
		return "CertificateToUpload[file=" + this.file + ", subject="
				+ ((this.certificate != null) ? this.certificate.getSubjectX500Principal() : "(planned)") + ", thumbprint="
				+ thumbprint() + "]";
	}

}
