package io.dicomreg.apps.credentials;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

import io.dicomreg.error.DicomregException;

/**
 * Checks the files an earlier {@code cert create} wrote before {@code --if-missing} keeps them: a
 * certificate valid now for the subject asked, the private key that belongs to it, and a PFX that
 * opens with the password and holds the same certificate.
 */
final class ExistingCertificateFiles {

	private static final String ADVICE = "move the files away or choose another --out to make a new one "
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
		if (now.isAfter(certificate.getNotAfter().toInstant())) {
			throw DicomregException.invalidInput("The certificate in " + certificateFile + " expired on "
					+ certificate.getNotAfter().toInstant() + ": " + ADVICE);
		}
		if (now.isBefore(certificate.getNotBefore().toInstant())) {
			throw DicomregException.invalidInput("The certificate in " + certificateFile + " is not valid before "
					+ certificate.getNotBefore().toInstant() + ": check the clock, or " + ADVICE);
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
		byte[] content = content(file);
		try {
			return CertificateFiles.parse(file, content, () -> null);
		}
		catch (DicomregException ex) {
			throw DicomregException.invalidInput(file + " holds no certificate: " + ADVICE);
		}
	}

	private static PrivateKey privateKey(Path file) {
		byte[] content = content(file);
		try {
			JcaPEMKeyConverter keys = new JcaPEMKeyConverter();
			for (Object item : pemItems(content)) {
				if (item instanceof PrivateKeyInfo info) {
					return keys.getPrivateKey(info);
				}
				if (item instanceof PEMKeyPair pair) {
					return keys.getKeyPair(pair).getPrivate();
				}
				if (item instanceof PKCS8EncryptedPrivateKeyInfo || item instanceof PEMEncryptedKeyPair) {
					throw DicomregException.invalidInput("The private key in " + file + " is encrypted, and cert create "
							+ "writes it unencrypted: " + ADVICE);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof DicomregException dicomreg) {
				throw dicomreg;
			}
		}
		throw DicomregException.invalidInput(file + " holds no PEM private key: " + ADVICE);
	}

	/** Whether {@code key} signs what {@code publicKey} verifies: what a client assertion needs. */
	private static boolean belongTogether(PrivateKey key, PublicKey publicKey) {
		String algorithm = switch (key.getAlgorithm()) {
			case "RSA" -> "SHA256withRSA";
			case "EC" -> "SHA256withECDSA";
			case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
			default -> null;
		};
		if (algorithm == null) {
			throw DicomregException.invalidInput("dicomreg cannot check a private key of type "
					+ key.getAlgorithm() + " against the certificate: " + ADVICE);
		}
		byte[] probe = "dicomreg: does this key belong to this certificate?".getBytes(StandardCharsets.US_ASCII);
		try {
			Signature signer = Signature.getInstance(algorithm);
			signer.initSign(key);
			signer.update(probe);
			byte[] signature = signer.sign();
			Signature verifier = Signature.getInstance(algorithm);
			verifier.initVerify(publicKey);
			verifier.update(probe);
			return verifier.verify(signature);
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			return false;
		}
	}

	private static void checkPfx(Path file, char[] password, X509Certificate certificate, Path certificateFile) {
		KeyStore store;
		try {
			store = KeyStore.getInstance("PKCS12");
			store.load(new ByteArrayInputStream(content(file)), password);
		}
		catch (IOException | GeneralSecurityException ex) {
			throw DicomregException.invalidInput("The PFX file " + file + " does not open with the password in "
					+ PasswordVariable.OPTION + ", or is no PFX file: " + ADVICE);
		}
		try {
			for (String alias : Collections.list(store.aliases())) {
				Certificate held = store.getCertificate(alias);
				if (store.isKeyEntry(alias) && certificate.equals(held)) {
					return;
				}
			}
		}
		catch (GeneralSecurityException ex) {
			// reported below
		}
		throw DicomregException.invalidInput("The PFX file " + file + " does not hold the certificate in "
				+ certificateFile + " with its key: " + ADVICE);
	}

	private static List<Object> pemItems(byte[] content) throws IOException {
		List<Object> items = new ArrayList<>();
		try (Reader reader = new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.US_ASCII);
				PEMParser parser = new PEMParser(reader)) {
			for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
				items.add(item);
			}
		}
		return items;
	}

	private static byte[] content(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw DicomregException.invalidInput("Cannot read " + file + " (" + ex.getClass().getSimpleName() + "): "
					+ ADVICE);
		}
	}

}
