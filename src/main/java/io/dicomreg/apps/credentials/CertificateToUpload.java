package io.dicomreg.apps.credentials;

import java.nio.file.Path;
import java.security.cert.X509Certificate;

/**
 * A certificate read from a file and checked, ready to upload: only its public part.
 *
 * @param file the file it was read from
 * @param certificate the certificate
 * @param description the description to upload it under, or {@code null} for its subject
 */
public record CertificateToUpload(Path file, X509Certificate certificate, String description) {

	/** The SHA-1 thumbprint, upper case hexadecimal. */
	public String thumbprint() {
		return Thumbprints.of(this.certificate);
	}

	@Override
	public String toString() {
		return "CertificateToUpload[file=" + this.file + ", subject=" + this.certificate.getSubjectX500Principal()
				+ ", thumbprint=" + thumbprint() + "]";
	}

}
