package io.dicomreg.apps.credentials;

import java.nio.file.Path;

/**
 * A self-signed certificate to make, and where to write it.
 *
 * @param subject the subject, e.g. {@code CN=DICOM client}; {@code CN=} is added when no attribute is named
 * @param years how long it is valid, 1 to 3
 * @param outPrefix the files written are {@code PREFIX.crt}, {@code PREFIX.key} and maybe {@code PREFIX.pfx}
 * @param pfxPasswordEnv the environment variable holding the PFX password; {@code null} writes no PFX
 * @param ifMissing make nothing when the files are already there with a valid certificate for this
 * subject and its key
 */
public record CertificateRequest(String subject, int years, Path outPrefix, String pfxPasswordEnv, boolean ifMissing) {

	/** A certificate made only into new files: existing ones are refused. */
	public CertificateRequest(String subject, int years, Path outPrefix, String pfxPasswordEnv) {
		this(subject, years, outPrefix, pfxPasswordEnv, false);
	}

}
