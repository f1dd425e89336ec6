package io.dicomreg.auth;

import java.nio.file.Path;

/**
 * Where a service principal's credential is read from. Exactly one of the secret file, the secret
 * environment variable or the certificate file is set; the values themselves are never kept.
 *
 * @param secretFile a file holding the client secret
 * @param secretEnv an environment variable holding the client secret
 * @param certificateFile a PEM (certificate and private key) or PFX file
 * @param certificatePasswordEnv an environment variable holding the PFX password, or {@code null}
 */
public record CredentialSource(Path secretFile, String secretEnv, Path certificateFile,
		String certificatePasswordEnv) {

	public static CredentialSource secretFile(Path file) {
		return new CredentialSource(file.toAbsolutePath().normalize(), null, null, null);
	}

	public static CredentialSource secretEnv(String variable) {
		return new CredentialSource(null, variable, null, null);
	}

	public static CredentialSource certificate(Path file, String passwordEnv) {
		return new CredentialSource(null, null, file.toAbsolutePath().normalize(), passwordEnv);
	}

}
