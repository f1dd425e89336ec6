package io.dicomreg.auth;

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
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.IClientCredential;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

import io.dicomreg.error.DicomregException;

/**
 * Reads a service principal's credential from where the user pointed: a secret file, an
 * environment variable, or a certificate file (PEM with its key, or PFX).
 */
public class ClientCredentials {

	private final Function<String, String> environment;

	public ClientCredentials(Function<String, String> environment) {
		this.environment = environment;
	}

	/** Reads the process environment. */
	public static ClientCredentials fromSystem() {
		Map<String, String> variables = System.getenv();
		return new ClientCredentials(variables::get);
	}

	/**
	 * The MSAL credential for {@code source}.
	 * @param pfxPassword asked when a PFX file needs a password that no environment variable gives
	 * @throws DicomregException when the source cannot be read or holds no usable credential
	 */
	public IClientCredential read(CredentialSource source, Supplier<char[]> pfxPassword) {
		if (source.secretFile() != null) {
			return ClientCredentialFactory.createFromSecret(secretFromFile(source.secretFile()));
		}
		if (source.secretEnv() != null) {
			return ClientCredentialFactory.createFromSecret(secretFromEnvironment(source.secretEnv()));
		}
		return certificate(source.certificateFile(), () -> pfxPasswordOf(source, pfxPassword));
	}

	private String secretFromFile(Path file) {
		try {
			String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
			if (secret.isEmpty()) {
				throw DicomregException.invalidInput("The file given by --secret-file is empty.");
			}
			return secret;
		}
		catch (NoSuchFileException ex) {
			// The path is not echoed: it may be a secret pasted where a file name was meant.
			throw DicomregException.invalidInput("The file given by --secret-file does not exist.");
		}
		catch (IOException ex) {
			throw DicomregException.invalidInput("Cannot read the file given by --secret-file: " + ex.getClass().getSimpleName());
		}
	}

	private String secretFromEnvironment(String variable) {
		String secret = this.environment.apply(variable);
		if (secret == null || secret.isBlank()) {
			throw DicomregException
				.invalidInput("The environment variable " + variable + " given by --secret-env is not set or empty.");
		}
		return secret.strip();
	}

	private char[] pfxPasswordOf(CredentialSource source, Supplier<char[]> prompt) {
		if (source.certificatePasswordEnv() != null) {
			String password = this.environment.apply(source.certificatePasswordEnv());
			if (password == null) {
				throw DicomregException.invalidInput("The environment variable " + source.certificatePasswordEnv()
						+ " given by --certificate-password-env is not set.");
			}
			return password.toCharArray();
		}
		return prompt.get();
	}

	private IClientCredential certificate(Path file, Supplier<char[]> pfxPassword) {
		byte[] content = readCertificateFile(file);
		CertificateAndKey loaded = looksLikePem(content) ? fromPem(file, content) : fromPfx(file, content, pfxPassword);
		checkValidity(file, loaded.chain().get(0));
		return ClientCredentialFactory.createFromCertificateChain(loaded.privateKey(), loaded.chain());
	}

	private static byte[] readCertificateFile(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (NoSuchFileException ex) {
			throw DicomregException.invalidInput("The file given by --certificate does not exist: " + file);
		}
		catch (IOException ex) {
			throw DicomregException.invalidInput("Cannot read the file given by --certificate (" + file + ").");
		}
	}

	private static boolean looksLikePem(byte[] content) {
		return new String(content, 0, Math.min(content.length, 4096), StandardCharsets.US_ASCII).contains("-----BEGIN ");
	}

	private static CertificateAndKey fromPem(Path file, byte[] content) {
		List<X509Certificate> chain = new ArrayList<>();
		PrivateKey privateKey = null;
		try (Reader reader = new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.US_ASCII);
				PEMParser parser = new PEMParser(reader)) {
			JcaPEMKeyConverter keys = new JcaPEMKeyConverter();
			JcaX509CertificateConverter certificates = new JcaX509CertificateConverter();
			for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
				if (item instanceof X509CertificateHolder holder) {
					chain.add(certificates.getCertificate(holder));
				}
				else if (item instanceof PrivateKeyInfo keyInfo) {
					privateKey = keys.getPrivateKey(keyInfo);
				}
				else if (item instanceof PEMKeyPair keyPair) {
					privateKey = keys.getKeyPair(keyPair).getPrivate();
				}
				else {
					throw DicomregException.invalidInput("The PEM file given by --certificate (" + file
							+ ") holds an encrypted or unsupported key: give an unencrypted PEM key or a PFX file.");
				}
			}
		}
		catch (IOException | GeneralSecurityException ex) {
			throw DicomregException.invalidInput("The file given by --certificate (" + file + ") is not a valid PEM file.");
		}
		if (chain.isEmpty() || privateKey == null) {
			throw DicomregException.invalidInput("The PEM file given by --certificate (" + file
					+ ") must hold both the certificate and its private key.");
		}
		return new CertificateAndKey(privateKey, chain);
	}

	private static CertificateAndKey fromPfx(Path file, byte[] content, Supplier<char[]> pfxPassword) {
		char[] password = pfxPassword.get();
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(new ByteArrayInputStream(content), password);
			for (String alias : Collections.list(store.aliases())) {
				if (store.isKeyEntry(alias)) {
					PrivateKey key = (PrivateKey) store.getKey(alias, password);
					List<X509Certificate> chain = new ArrayList<>();
					for (Certificate certificate : store.getCertificateChain(alias)) {
						chain.add((X509Certificate) certificate);
					}
					return new CertificateAndKey(key, chain);
				}
			}
			throw DicomregException
				.invalidInput("The PFX file given by --certificate (" + file + ") holds no private key.");
		}
		catch (IOException ex) {
			throw DicomregException.invalidInput("Cannot open the file given by --certificate (" + file
					+ "): it is not a PEM or PFX file, or the PFX password is wrong.");
		}
		catch (GeneralSecurityException ex) {
			throw DicomregException.invalidInput("Cannot read the PFX file given by --certificate (" + file + ").");
		}
		finally {
			Arrays.fill(password, '\0');
		}
	}

	private static void checkValidity(Path file, X509Certificate certificate) {
		try {
			certificate.checkValidity();
		}
		catch (CertificateExpiredException ex) {
			throw DicomregException.invalidInput("The certificate in " + file + " expired on "
					+ certificate.getNotAfter().toInstant() + ": create or upload a new one.");
		}
		catch (CertificateNotYetValidException ex) {
			throw DicomregException.invalidInput("The certificate in " + file + " is not valid before "
					+ certificate.getNotBefore().toInstant() + ".");
		}
	}

	private record CertificateAndKey(PrivateKey privateKey, List<X509Certificate> chain) {
	}

}
