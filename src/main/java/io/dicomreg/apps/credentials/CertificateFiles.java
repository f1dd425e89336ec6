package io.dicomreg.apps.credentials;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.function.Supplier;

import io.dicomreg.error.DicomregException;
import io.dicomreg.error.Subject;
import io.dicomreg.pki.CertificateIntegrity;
import io.dicomreg.pki.CertificateValidity;
import io.dicomreg.pki.KeyFileException;
import io.dicomreg.pki.KeyFiles;
import io.dicomreg.pki.KeyMaterial;

/**
 * Reads the public certificate out of a file the user gives to upload: PEM (a private key in it is
 * skipped, never read), DER ({@code .cer}/{@code .crt}) or PFX/PKCS#12 (only its certificate is
 * taken). Every file that holds no usable certificate is refused in one line naming the file.
 */
final class CertificateFiles {

	private static final Subject FILE = Subject.CERTIFICATE_FILE;

	private CertificateFiles() {
	}

	/**
	 * The certificate in {@code file}, checked to be valid at {@code now}.
	 * @param pfxPassword asked only when the file is a PFX
	 * @throws DicomregException (usage) for a missing file, garbage, a key without certificate, a
	 * wrong PFX password or a certificate that is expired or not yet valid
	 */
	static X509Certificate read(Path file, Supplier<char[]> pfxPassword, Instant now) {
		X509Certificate certificate = certificate(file, pfxPassword);
		if (!CertificateIntegrity.selfSignatureVerifies(certificate)) {
			throw DicomregException.invalid(FILE, " (" + file + ") holds a damaged certificate: it is self-signed, but its "
					+ "signature does not verify with its own key. Make it again (cert create) or take an intact copy.");
		}
		switch (CertificateValidity.of(certificate, now)) {
			case EXPIRED -> throw DicomregException.invalidInput("The certificate in " + file + " expired on "
					+ certificate.getNotAfter().toInstant() + ": make a new one (cert create) and upload that.");
			case NOT_YET_VALID -> throw DicomregException.invalidInput("The certificate in " + file
					+ " is not valid before " + certificate.getNotBefore().toInstant()
					+ ": upload it from then on, or check the clock.");
			case VALID -> {
			}
		}
		return certificate;
	}

	private static X509Certificate certificate(Path file, Supplier<char[]> pfxPassword) {
		KeyMaterial material;
		try {
			material = KeyFiles.read(file, pfxPassword, KeyFiles.PrivateKeys.SKIP);
		}
		catch (KeyFileException ex) {
			throw switch (ex.problem()) {
				case MISSING -> DicomregException.invalid(FILE, " does not exist: " + file);
				case FOLDER -> DicomregException.invalid(FILE, " (" + file + ") is a folder: give the certificate file.");
				case UNREADABLE -> DicomregException.invalidNaming(FILE, "Cannot read {} (" + file + ").");
				case NOT_A_FILE, TOO_LARGE -> DicomregException.invalid(FILE, " (" + file + ") " + ex.fileReason() + ".");
				case MALFORMED_PEM -> notACertificate(file);
				case PFX_NOT_OPENED -> DicomregException.invalidNaming(FILE, "Cannot open {} (" + file
						+ ") as a PFX file: the password is wrong, or it is not a PFX file.");
				case PFX_UNREADABLE -> DicomregException.invalidNaming(FILE, "Cannot read {} (" + file + ") as a PFX file.");
			};
		}
		if (material.certificate() != null) {
			return material.certificate();
		}
		if (material.format() == KeyMaterial.Format.PFX) {
			throw DicomregException.invalid(FILE, " (" + file + ") is a PFX file that holds no certificate.");
		}
		throw material.holdsPrivateKey() ? onlyAPrivateKey(file) : notACertificate(file);
	}

	private static DicomregException onlyAPrivateKey(Path file) {
		return DicomregException.invalid(FILE, " (" + file
				+ ") holds a private key but no certificate: upload the certificate (the .crt or .cer file), never the key.");
	}

	private static DicomregException notACertificate(Path file) {
		return DicomregException.invalid(FILE, " (" + file
				+ ") is not a certificate: give a PEM, DER (.cer/.crt) or PFX (.pfx/.p12) file.");
	}

}
