package io.dicomreg.apps.credentials;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.time.Instant;
import java.util.function.Supplier;
import javax.security.auth.x500.X500Principal;

import io.dicomreg.error.DicomregException;
import io.dicomreg.error.Subject;
import io.dicomreg.files.InputFileException;
import io.dicomreg.pki.CertificateValidity;
import io.dicomreg.pki.CertificateIntegrity;
import io.dicomreg.pki.KeyFileException;
import io.dicomreg.pki.KeyFiles;
import io.dicomreg.pki.KeyMaterial;

/**
 * Checks the files an earlier {@code cert create} wrote before {@code --if-missing} keeps them: a
 * certificate valid now for the subject asked, the private key that belongs to it, and a PFX that
 * opens with the password and holds the same certificate.
 */
final class ExistingCertificateFiles {

	private static final String ADVICE = "move the files away or choose other file names to make a new one "
			+ "(dicomreg never overwrites them).";

	private ExistingCertificateFiles() {
	}

	/**
	 * The certificate in {@code certificateFile}, once every check passed.
	 * @param pfxFile the PFX to check too, or {@code null}
	 * @param pfxPassword its password, or {@code null}
	 * @throws DicomregException (usage) naming the file at fault and what to do
	 */
	static X509Certificate check(Path certificateFile, Path keyFile, Path pfxFile, char[] pfxPassword,
			X500Principal subject, Instant now) {
		X509Certificate certificate = certificate(certificateFile);
		if (!subject.equals(certificate.getSubjectX500Principal())) {
			throw DicomregException.invalidInput("The certificate in " + certificateFile + " is for "
					+ certificate.getSubjectX500Principal().getName() + ", not " + subject.getName() + ": " + ADVICE);
		}
		switch (CertificateValidity.of(certificate, now)) {
			case EXPIRED -> throw DicomregException.invalidInput("The certificate in " + certificateFile + " expired on "
					+ certificate.getNotAfter().toInstant() + ": " + ADVICE);
			case NOT_YET_VALID -> throw DicomregException.invalidInput("The certificate in " + certificateFile
					+ " is not valid before " + certificate.getNotBefore().toInstant() + ": check the clock, or " + ADVICE);
			case VALID -> {
			}
		}
		if (!belongTogether(privateKey(keyFile), certificate.getPublicKey())) {
			throw DicomregException.invalidInput("The private key in " + keyFile + " does not belong to the certificate in "
					+ certificateFile + ": " + ADVICE);
		}
		if (pfxFile != null) {
			checkPfx(pfxFile, pfxPassword, certificate, certificateFile);
		}
		return certificate;
	}

	/** The key as {@code cert create} reports it, e.g. {@code RSA 2048}. */
	static String describe(PublicKey key) {
		if (key instanceof RSAKey rsa) {
			return "RSA " + rsa.getModulus().bitLength();
		}
		if (key instanceof ECKey ec) {
			return "EC " + ec.getParams().getCurve().getField().getFieldSize();
		}
		return key.getAlgorithm();
	}

	/** The certificate in a file, read as {@code cert upload} reads one (PEM or DER). */
	private static X509Certificate certificate(Path file) {
		String none = file + " holds no certificate: " + ADVICE;
		KeyMaterial material = read(file, () -> null, KeyFiles.PrivateKeys.SKIP, none);
		if (material.format() == KeyMaterial.Format.PFX || material.certificate() == null) {
			throw DicomregException.invalidInput(none);
		}
		return material.certificate();
	}

	private static PrivateKey privateKey(Path file) {
		String none = file + " holds no PEM private key: " + ADVICE;
		KeyMaterial material = read(file, () -> null, KeyFiles.PrivateKeys.READ, none);
		if (material.format() == KeyMaterial.Format.PEM && material.key() == KeyMaterial.Key.ENCRYPTED) {
			throw DicomregException.invalidInput("The private key in " + file + " is encrypted, and cert create "
					+ "writes it unencrypted: " + ADVICE);
		}
		if (material.format() != KeyMaterial.Format.PEM || material.key() != KeyMaterial.Key.READ) {
			throw DicomregException.invalidInput(none);
		}
		return material.privateKey();
	}

	/** Whether {@code key} signs what {@code publicKey} verifies: what a client assertion needs. */
	private static boolean belongTogether(PrivateKey key, PublicKey publicKey) {
		return CertificateIntegrity.belongTogether(key, publicKey)
			.orElseThrow(() -> DicomregException.invalidInput("dicomreg cannot check a private key of type "
					+ key.getAlgorithm() + " against the certificate: " + ADVICE));
	}

	private static void checkPfx(Path file, char[] password, X509Certificate certificate, Path certificateFile) {
		String notOpened = "The PFX file " + file + " does not open with the password in the variable named for it, "
				+ "or is no PFX file: " + ADVICE;
		KeyMaterial material = read(file, () -> password, KeyFiles.PrivateKeys.SKIP, notOpened);
		if (material.format() != KeyMaterial.Format.PFX) {
			throw DicomregException.invalidInput(notOpened);
		}
		if (!material.holdsPrivateKey() || !certificate.equals(material.certificate())) {
			throw DicomregException.invalidInput("The PFX file " + file + " does not hold the certificate in "
					+ certificateFile + " with its key: " + ADVICE);
		}
	}

	/**
	 * What {@code file} holds.
	 * @param unusable the message when it can be read but not understood
	 */
	private static KeyMaterial read(Path file, Supplier<char[]> pfxPassword, KeyFiles.PrivateKeys keys,
			String unusable) {
		try {
			return KeyFiles.read(file, pfxPassword, keys);
		}
		catch (KeyFileException ex) {
			if (ex.problem().isFileAccess()) {
				String reason = (ex.getCause() instanceof InputFileException input) ? input.reason() : "cannot be read";
				throw DicomregException.invalidInput(file + " " + reason + ": " + ADVICE);
			}
			throw DicomregException.invalidInput(unusable);
		}
	}

}
