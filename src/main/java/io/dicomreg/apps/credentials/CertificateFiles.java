package io.dicomreg.apps.credentials;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

import io.dicomreg.error.DicomregException;

/**
 * Reads the public certificate out of a file the user gives: PEM (a private key in it is skipped,
 * never read), DER ({@code .cer}/{@code .crt}) or PFX/PKCS#12 (only its certificate is taken). Every
 * file that holds no usable certificate is refused in one line naming {@code --file}.
 */
final class CertificateFiles {

	static final String OPTION = "--file";

	private CertificateFiles() {
	}

	/**
	 * The certificate in {@code file}, checked to be valid at {@code now}.
	 * @param pfxPassword asked only when the file is a PFX
	 * @throws DicomregException (usage) for a missing file, garbage, a key without certificate, a
	 * wrong PFX password or a certificate that is expired or not yet valid
	 */
	static X509Certificate read(Path file, Supplier<char[]> pfxPassword, Instant now) {
		X509Certificate certificate = parse(file, content(file), pfxPassword);
		checkValidity(file, certificate, now);
		return certificate;
	}

	private static byte[] content(Path file) {
		try {
			if (Files.isDirectory(file)) {
				throw DicomregException.invalidInput(OPTION + " " + file + " is a folder: give the certificate file.");
			}
			return Files.readAllBytes(file);
		}
		catch (NoSuchFileException ex) {
			throw DicomregException.invalidInput("The file given by " + OPTION + " does not exist: " + file);
		}
		catch (IOException ex) {
			throw DicomregException.invalidInput("Cannot read the file given by " + OPTION + " (" + file + ").");
		}
	}

	/**
	 * The certificate in {@code content}: PEM (the first certificate), DER, or a PFX opened with
	 * {@code pfxPassword}.
	 * @throws DicomregException (usage) when it holds none
	 */
	static X509Certificate parse(Path file, byte[] content, Supplier<char[]> pfxPassword) {
		if (content.length == 0) {
			throw notACertificate(file);
		}
		if (looksLikePem(content)) {
			return fromPem(file, content);
		}
		X509Certificate der = fromDer(content);
		if (der != null) {
			return der;
		}
		if (isPfx(content)) {
			return fromPfx(file, content, pfxPassword);
		}
		if (isPrivateKey(content)) {
			throw onlyAPrivateKey(file);
		}
		throw notACertificate(file);
	}

	private static boolean looksLikePem(byte[] content) {
		return new String(content, 0, Math.min(content.length, 65536), StandardCharsets.US_ASCII).contains("-----BEGIN ");
	}

	private static X509Certificate fromPem(Path file, byte[] content) {
		X509Certificate first = null;
		boolean privateKey = false;
		try (Reader reader = new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.US_ASCII);
				PEMParser parser = new PEMParser(reader)) {
			for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
				if (item instanceof X509CertificateHolder holder && first == null) {
					first = new JcaX509CertificateConverter().getCertificate(holder);
				}
				privateKey |= item instanceof PrivateKeyInfo || item instanceof PEMKeyPair
						|| item instanceof PEMEncryptedKeyPair || item instanceof PKCS8EncryptedPrivateKeyInfo;
			}
		}
		catch (IOException | CertificateException | RuntimeException ex) {
			throw notACertificate(file);
		}
		if (first == null) {
			throw privateKey ? onlyAPrivateKey(file) : notACertificate(file);
		}
		return first;
	}

	private static X509Certificate fromDer(byte[] content) {
		try {
			return (X509Certificate) CertificateFactory.getInstance("X.509")
				.generateCertificate(new ByteArrayInputStream(content));
		}
		catch (CertificateException | RuntimeException ex) {
			return null;
		}
	}

	private static boolean isPfx(byte[] content) {
		try {
			Pfx.getInstance(ASN1Primitive.fromByteArray(content));
			return true;
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	private static boolean isPrivateKey(byte[] content) {
		for (Parser parser : List.<Parser>of(PrivateKeyInfo::getInstance, EncryptedPrivateKeyInfo::getInstance)) {
			try {
				parser.parse(ASN1Primitive.fromByteArray(content));
				return true;
			}
			catch (IOException | RuntimeException ex) {
				// try the next form
			}
		}
		return false;
	}

	private static X509Certificate fromPfx(Path file, byte[] content, Supplier<char[]> pfxPassword) {
		char[] password = pfxPassword.get();
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(new ByteArrayInputStream(content), password);
			Certificate found = null;
			for (String alias : Collections.list(store.aliases())) {
				Certificate certificate = store.getCertificate(alias);
				if (certificate != null && (found == null || store.isKeyEntry(alias))) {
					found = certificate;
				}
			}
			if (!(found instanceof X509Certificate x509)) {
				throw DicomregException.invalidInput("The PFX file given by " + OPTION + " (" + file + ") holds no certificate.");
			}
			return x509;
		}
		catch (IOException ex) {
			throw DicomregException.invalidInput("Cannot open the PFX file given by " + OPTION + " (" + file
					+ "): the password is wrong, or it is not a PFX file.");
		}
		catch (GeneralSecurityException ex) {
			throw DicomregException.invalidInput("Cannot read the PFX file given by " + OPTION + " (" + file + ").");
		}
		finally {
			Arrays.fill(password, '\0');
		}
	}

	private static void checkValidity(Path file, X509Certificate certificate, Instant now) {
		if (now.isAfter(certificate.getNotAfter().toInstant())) {
			throw DicomregException.invalidInput("The certificate in " + file + " expired on "
					+ certificate.getNotAfter().toInstant() + ": make a new one (cert create) and upload that.");
		}
		if (now.isBefore(certificate.getNotBefore().toInstant())) {
			throw DicomregException.invalidInput("The certificate in " + file + " is not valid before "
					+ certificate.getNotBefore().toInstant() + ": upload it from then on, or check the clock.");
		}
	}

	private static DicomregException onlyAPrivateKey(Path file) {
		return DicomregException.invalidInput("The file given by " + OPTION + " (" + file
				+ ") holds a private key but no certificate: upload the certificate (the .crt or .cer file), never the key.");
	}

	private static DicomregException notACertificate(Path file) {
		return DicomregException.invalidInput("The file given by " + OPTION + " (" + file
				+ ") is not a certificate: give a PEM, DER (.cer/.crt) or PFX (.pfx/.p12) file.");
	}

	@FunctionalInterface
	private interface Parser {

		Object parse(ASN1Primitive primitive);

	}

}
