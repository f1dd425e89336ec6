package io.dicomreg.apps.credentials;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A self-signed certificate written to files, or found in them by {@code --if-missing}.
 *
 * @param certificateFile the PEM certificate (public: this is the file to upload)
 * @param keyFile the PKCS#8 PEM private key (mode 0600)
 * @param pfxFile the PKCS#12 file with certificate and key (mode 0600), or {@code null}
 * @param thumbprint the SHA-1 thumbprint, upper case hexadecimal, as the portal shows it
 * @param subject the subject distinguished name
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param key the key, e.g. {@code RSA 2048}
 * @param signatureAlgorithm e.g. {@code SHA256withRSA}
 * @param changed whether it was made now; {@code false} when the files of an earlier run were kept
 */
public record CreatedCertificate(Path certificateFile, Path keyFile, Path pfxFile, String thumbprint, String subject,
		OffsetDateTime notBefore, OffsetDateTime notAfter, String key, String signatureAlgorithm, boolean changed) {

	/** The files as a sentence names them: {@code a.crt and a.key}. */
	public String filesText() {
		return FileLists.of(files());
	}

	/** The files, in the order they are written. */
	public List<Path> files() {
		return (this.pfxFile != null) ? List.of(this.certificateFile, this.keyFile, this.pfxFile)
				: List.of(this.certificateFile, this.keyFile);
	}

}
