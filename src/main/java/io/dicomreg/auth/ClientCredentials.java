package io.dicomreg.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.IClientCredential;

import io.dicomreg.error.DicomregException;
import io.dicomreg.files.InputFileException;
import io.dicomreg.files.InputFiles;
import io.dicomreg.error.Subject;
import io.dicomreg.pki.CertificateIntegrity;
import io.dicomreg.pki.CertificateValidity;
import io.dicomreg.pki.KeyFileException;
import io.dicomreg.pki.KeyFiles;
import io.dicomreg.pki.KeyMaterial;
import io.dicomreg.pki.PasswordVariable;

/**
 * Reads a service principal's credential from where the user pointed: a secret file, an
 * environment variable, or a certificate file (PEM with its key, or PFX).
 */
public class ClientCredentials {

	/** The most a file holding a client secret may hold: a secret is 40 characters. */
	private static final long MAX_SECRET_FILE_BYTES = 64 * 1024;

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

	/**
	 * What identifies the credential among the app's without revealing it: for a secret, its first three characters
	 * (Graph's {@code hint}); for a certificate, its SHA-1 thumbprint in upper-case hex.
	 * @throws DicomregException when the source cannot be read
	 */
	public String identify(CredentialSource source, Supplier<char[]> pfxPassword) {
		if (source.secretFile() != null || source.secretEnv() != null) {
			String secret = (source.secretFile() != null) ? secretFromFile(source.secretFile())
					: secretFromEnvironment(source.secretEnv());
			return secret.substring(0, Math.min(3, secret.length()));
		}
		X509Certificate certificate = certificateAndKey(source.certificateFile(), () -> pfxPasswordOf(source, pfxPassword))
			.certificate();
		try {
			return java.util.HexFormat.of().withUpperCase()
				.formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw DicomregException.failure("Cannot read the certificate's thumbprint: " + ex.getMessage(), ex);
		}
	}

	/**
	 * The client secret a file holds, for a hand-off file the user asked to include it in.
	 * @throws DicomregException when the file cannot be read or is empty
	 */
	public String secretText(Path file) {
		return secretFromFile(file);
	}

	private String secretFromFile(Path file) {
		try {
			String secret = InputFiles.readText(file, MAX_SECRET_FILE_BYTES).strip();
			if (secret.isEmpty()) {
				throw DicomregException.invalid(Subject.CLIENT_SECRET_FILE, " is empty.");
			}
			return secret;
		}
		catch (InputFileException ex) {
			// The path is not echoed: it may be a secret pasted where a file name was meant.
			throw DicomregException.invalid(Subject.CLIENT_SECRET_FILE, " " + ex.reason() + ".");
		}
	}

	private String secretFromEnvironment(String variable) {
		String secret = this.environment.apply(variable);
		if (secret == null || secret.isBlank()) {
			throw DicomregException.invalid(Subject.CLIENT_SECRET_VARIABLE, " (" + variable + ") is not set or empty.");
		}
		return secret.strip();
	}

	private char[] pfxPasswordOf(CredentialSource source, Supplier<char[]> prompt) {
		if (source.certificatePasswordEnv() != null) {
			return PasswordVariable.read(this.environment, Subject.CLIENT_CERTIFICATE_PASSWORD_VARIABLE,
					source.certificatePasswordEnv(), true);
		}
		return prompt.get();
	}

	private IClientCredential certificate(Path file, Supplier<char[]> pfxPassword) {
		KeyMaterial loaded = certificateAndKey(file, pfxPassword);
		X509Certificate certificate = loaded.certificate();
		switch (CertificateValidity.of(certificate, Instant.now())) {
			case EXPIRED -> throw DicomregException.invalidInput("The certificate in " + file + " expired on "
					+ certificate.getNotAfter().toInstant() + ": create or upload a new one.");
			case NOT_YET_VALID -> throw DicomregException.invalidInput("The certificate in " + file + " is not valid before "
					+ certificate.getNotBefore().toInstant() + ".");
			case VALID -> {
			}
		}
		if (!CertificateIntegrity.selfSignatureVerifies(certificate)) {
			throw DicomregException.invalid(Subject.CLIENT_CERTIFICATE, " (" + file + ") holds a damaged certificate: it is "
					+ "self-signed, but its signature does not verify with its own key.");
		}
		if (!CertificateIntegrity.belongTogether(loaded.privateKey(), certificate.getPublicKey()).orElse(true)) {
			throw DicomregException.invalid(Subject.CLIENT_CERTIFICATE, " (" + file + ") holds a private key that does not "
					+ "belong to its certificate.");
		}
		return ClientCredentialFactory.createFromCertificateChain(loaded.privateKey(), loaded.certificates());
	}

	/** The certificate chain and private key of a PEM or PFX file. */
	private static KeyMaterial certificateAndKey(Path file, Supplier<char[]> pfxPassword) {
		KeyMaterial loaded;
		try {
			loaded = KeyFiles.read(file, pfxPassword, KeyFiles.PrivateKeys.READ);
		}
		catch (KeyFileException ex) {
			throw switch (ex.problem()) {
				case MISSING -> DicomregException.invalid(Subject.CLIENT_CERTIFICATE, " does not exist: " + file);
				case FOLDER, UNREADABLE -> DicomregException.invalidNaming(Subject.CLIENT_CERTIFICATE, "Cannot read {} ("
						+ file + ").");
				case NOT_A_FILE, TOO_LARGE -> DicomregException.invalid(Subject.CLIENT_CERTIFICATE, " (" + file + ") "
						+ ex.fileReason() + ".");
				case MALFORMED_PEM -> notValidPem(file);
				case PFX_NOT_OPENED -> notPemOrPfx(file);
				case PFX_UNREADABLE -> pfxUnreadable(file);
			};
		}
		switch (loaded.format()) {
			case PEM -> {
				if (loaded.key() == KeyMaterial.Key.ENCRYPTED || loaded.otherContent()) {
					throw DicomregException.invalid(Subject.CLIENT_CERTIFICATE, " (" + file
							+ ") is a PEM file with an encrypted or unsupported key: give an unencrypted PEM key or a PFX file.");
				}
				if (loaded.key() == KeyMaterial.Key.UNREADABLE) {
					throw notValidPem(file);
				}
				if (loaded.certificates().isEmpty() || loaded.key() != KeyMaterial.Key.READ) {
					throw DicomregException.invalid(Subject.CLIENT_CERTIFICATE, " (" + file
							+ ") is a PEM file that must hold both the certificate and its private key.");
				}
			}
			case PFX -> {
				if (loaded.key() == KeyMaterial.Key.UNREADABLE) {
					throw pfxUnreadable(file);
				}
				if (loaded.key() != KeyMaterial.Key.READ) {
					throw DicomregException.invalid(Subject.CLIENT_CERTIFICATE, " (" + file
							+ ") is a PFX file that holds no private key.");
				}
			}
			default -> throw notPemOrPfx(file);
		}
		return loaded;
	}

	private static DicomregException notValidPem(Path file) {
		return DicomregException.invalid(Subject.CLIENT_CERTIFICATE, " (" + file + ") is not a valid PEM file.");
	}

	private static DicomregException notPemOrPfx(Path file) {
		return DicomregException.invalidNaming(Subject.CLIENT_CERTIFICATE, "Cannot open {} (" + file
				+ "): it is not a PEM or PFX file, or the PFX password is wrong.");
	}

	private static DicomregException pfxUnreadable(Path file) {
		return DicomregException.invalidNaming(Subject.CLIENT_CERTIFICATE, "Cannot read {} (" + file + ") as a PFX file.");
	}

}
