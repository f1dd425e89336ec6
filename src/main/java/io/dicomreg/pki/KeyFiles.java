package io.dicomreg.pki;

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
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
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
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

import io.dicomreg.files.InputFileException;
import io.dicomreg.files.InputFiles;
import io.dicomreg.pki.KeyFileException.Problem;
import io.dicomreg.pki.KeyMaterial.Format;

/**
 * The one reader of certificate and key files: PEM (certificates and unencrypted keys, encrypted
 * ones noted), DER (one certificate, or one private key) and PFX/PKCS#12 (opened with a password
 * asked only when the file is one). It says what a file holds; each caller decides what it needs and
 * words its own messages.
 */
public final class KeyFiles {

	/** The most a certificate or key file may hold: a chain of certificates is a few KiB. */
	static final long MAX_BYTES = 1024 * 1024;

	/** How far into a file the start of a PEM block is looked for. */
	private static final int PEM_SNIFF = 65536;

	private KeyFiles() {
	}

	/** Whether a private key a file holds is read, or only noted. */
	public enum PrivateKeys {

		/** Read it: the caller signs with it. */
		READ,

		/** Only note that it is there: the caller needs the certificate alone. */
		SKIP

	}

	/**
	 * What {@code file} holds.
	 * @param pfxPassword asked only when the file is a PFX; the array it gives is wiped after use
	 * (it may give {@code null}: then a PFX is opened without a password)
	 * @throws KeyFileException when the file cannot be read, a PEM block in it is malformed, or a PFX
	 * does not open
	 */
	public static KeyMaterial read(Path file, Supplier<char[]> pfxPassword, PrivateKeys keys) throws KeyFileException {
		byte[] content;
		try {
			content = InputFiles.read(file, MAX_BYTES);
		}
		catch (InputFileException ex) {
			throw new KeyFileException(switch (ex.problem()) {
				case MISSING -> Problem.MISSING;
				case FOLDER -> Problem.FOLDER;
				case NOT_A_FILE -> Problem.NOT_A_FILE;
				case TOO_LARGE -> Problem.TOO_LARGE;
				case UNREADABLE, NOT_TEXT -> Problem.UNREADABLE;
			}, file, ex);
		}
		return parse(file, content, pfxPassword, keys);
	}

	private static KeyMaterial parse(Path file, byte[] content, Supplier<char[]> pfxPassword, PrivateKeys keys)
			throws KeyFileException {
		if (content.length == 0) {
			return nothing(Format.UNKNOWN);
		}
		if (looksLikePem(content)) {
			return fromPem(file, content, keys);
		}
		X509Certificate der = derCertificate(content);
		if (der != null) {
			return new KeyMaterial(Format.DER_CERTIFICATE, List.of(der), null, KeyMaterial.Key.NONE, false);
		}
		if (isPfx(content)) {
			return fromPfx(file, content, pfxPassword, keys);
		}
		return derPrivateKey(content, keys);
	}

	private static boolean looksLikePem(byte[] content) {
		return new String(content, 0, Math.min(content.length, PEM_SNIFF), StandardCharsets.US_ASCII)
			.contains("-----BEGIN ");
	}

	private static KeyMaterial fromPem(Path file, byte[] content, PrivateKeys keys) throws KeyFileException {
		List<X509Certificate> certificates = new ArrayList<>();
		FoundKey key = new FoundKey(keys);
		boolean otherContent = false;
		try (Reader reader = new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.US_ASCII);
				PEMParser parser = new PEMParser(reader)) {
			JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
			for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
				if (item instanceof X509CertificateHolder holder) {
					certificates.add(converter.getCertificate(holder));
				}
				else if (item instanceof PrivateKeyInfo info) {
					key.plain(info);
				}
				else if (item instanceof PEMKeyPair pair) {
					key.plain(pair.getPrivateKeyInfo());
				}
				else if (item instanceof PEMEncryptedKeyPair || item instanceof PKCS8EncryptedPrivateKeyInfo) {
					key.encrypted();
				}
				else {
					otherContent = true;
				}
			}
		}
		catch (IOException | CertificateException | RuntimeException ex) {
			throw new KeyFileException(Problem.MALFORMED_PEM, file, ex);
		}
		return new KeyMaterial(Format.PEM, certificates, key.privateKey, key.state, otherContent);
	}

	private static X509Certificate derCertificate(byte[] content) {
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

	private static KeyMaterial fromPfx(Path file, byte[] content, Supplier<char[]> pfxPassword, PrivateKeys keys)
			throws KeyFileException {
		char[] password = pfxPassword.get();
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(new ByteArrayInputStream(content), password);
			X509Certificate first = null;
			for (String alias : Collections.list(store.aliases())) {
				if (store.isKeyEntry(alias)) {
					return keyEntry(store, alias, password, keys);
				}
				if (first == null && store.getCertificate(alias) instanceof X509Certificate certificate) {
					first = certificate;
				}
			}
			return new KeyMaterial(Format.PFX, (first != null) ? List.of(first) : List.of(), null, KeyMaterial.Key.NONE,
					false);
		}
		catch (IOException ex) {
			throw new KeyFileException(Problem.PFX_NOT_OPENED, file, ex);
		}
		catch (GeneralSecurityException ex) {
			throw new KeyFileException(Problem.PFX_UNREADABLE, file, ex);
		}
		finally {
			if (password != null) {
				Arrays.fill(password, '\0');
			}
		}
	}

	/** The key entry {@code alias} of a PFX: its certificate chain, and its key when asked for. */
	private static KeyMaterial keyEntry(KeyStore store, String alias, char[] password, PrivateKeys keys)
			throws GeneralSecurityException {
		Certificate[] chain = store.getCertificateChain(alias);
		List<X509Certificate> certificates = new ArrayList<>();
		for (Certificate certificate : (chain != null) ? chain : new Certificate[] { store.getCertificate(alias) }) {
			if (certificate instanceof X509Certificate x509) {
				certificates.add(x509);
			}
		}
		if (keys == PrivateKeys.SKIP) {
			return new KeyMaterial(Format.PFX, certificates, null, KeyMaterial.Key.SKIPPED, false);
		}
		java.security.Key key;
		try {
			key = store.getKey(alias, password);
		}
		catch (GeneralSecurityException ex) {
			key = null;
		}
		return (key instanceof PrivateKey privateKey)
				? new KeyMaterial(Format.PFX, certificates, privateKey, KeyMaterial.Key.READ, false)
				: new KeyMaterial(Format.PFX, certificates, null, KeyMaterial.Key.UNREADABLE, false);
	}

	/** A DER private key (PKCS#8, encrypted or not), or nothing dicomreg knows. */
	private static KeyMaterial derPrivateKey(byte[] content, PrivateKeys keys) {
		FoundKey key = new FoundKey(keys);
		try {
			key.plain(PrivateKeyInfo.getInstance(ASN1Primitive.fromByteArray(content)));
		}
		catch (IOException | RuntimeException notPlain) {
			try {
				EncryptedPrivateKeyInfo.getInstance(ASN1Primitive.fromByteArray(content));
				key.encrypted();
			}
			catch (IOException | RuntimeException notEncrypted) {
				return nothing(Format.UNKNOWN);
			}
		}
		return new KeyMaterial(Format.DER_PRIVATE_KEY, List.of(), key.privateKey, key.state, false);
	}

	private static KeyMaterial nothing(Format format) {
		return new KeyMaterial(format, List.of(), null, KeyMaterial.Key.NONE, false);
	}

	/**
	 * The private key of a file, as its keys are met: the first one counts, and an encrypted one
	 * anywhere makes the file's key encrypted.
	 */
	private static final class FoundKey {

		private final PrivateKeys keys;

		private KeyMaterial.Key state = KeyMaterial.Key.NONE;

		private PrivateKey privateKey;

		FoundKey(PrivateKeys keys) {
			this.keys = keys;
		}

		void plain(PrivateKeyInfo info) {
			if (this.state != KeyMaterial.Key.NONE) {
				return;
			}
			if (this.keys == PrivateKeys.SKIP) {
				this.state = KeyMaterial.Key.SKIPPED;
				return;
			}
			try {
				this.privateKey = new JcaPEMKeyConverter().getPrivateKey(info);
				this.state = KeyMaterial.Key.READ;
			}
			catch (IOException | RuntimeException ex) {
				this.state = KeyMaterial.Key.UNREADABLE;
			}
		}

		void encrypted() {
			this.privateKey = null;
			this.state = KeyMaterial.Key.ENCRYPTED;
		}

	}

}
