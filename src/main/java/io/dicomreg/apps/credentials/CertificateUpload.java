package io.dicomreg.apps.credentials;

import java.nio.file.Path;

/**
 * A certificate file to upload to an application.
 *
 * @param file a PEM, DER ({@code .cer}/{@code .crt}) or PFX file; only its public certificate is sent
 * @param pfxPasswordEnv the environment variable holding the PFX password, or {@code null} to ask for it
 * @param description the description shown in the portal, or {@code null} for the certificate's subject
 */
public record CertificateUpload(Path file, String pfxPasswordEnv, String description) {

	/** A PEM or DER file uploaded under its subject. */
	public static CertificateUpload of(Path file) {
		return new CertificateUpload(file, null, null);
	}

}
