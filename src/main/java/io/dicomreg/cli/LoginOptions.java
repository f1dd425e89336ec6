package io.dicomreg.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.dicomreg.account.AccountService;
import io.dicomreg.auth.SignedIn;
import io.dicomreg.auth.CredentialSource;
import io.dicomreg.auth.ServicePrincipalLogin;
import io.dicomreg.auth.UserLogin;
import io.dicomreg.error.DicomregException;
import io.dicomreg.pki.PasswordVariable;

/**
 * The options of {@code login} and the rules that combine them: which sign-in they ask for.
 *
 * @param browser sign in with the browser instead of a device code
 * @param tenant the tenant ID or domain, or {@code null}
 * @param clientId the client ID to sign in with (or as), or {@code null}
 * @param servicePrincipal sign in as an application
 * @param secretFile a file holding the client secret, or {@code null}
 * @param secretEnv an environment variable holding the client secret, or {@code null}
 * @param certificate a PEM or PFX file, or {@code null}
 * @param certificatePasswordEnv an environment variable holding the PFX password, or {@code null}
 * @param permissions delegated permissions to consent to at sign-in besides dicomreg's own
 */
record LoginOptions(boolean browser, String tenant, String clientId, boolean servicePrincipal,
		String secretFile, String secretEnv, String certificate, String certificatePasswordEnv, List<String> permissions) {

	/**
	 * Signs in as these options ask: a user with a device code or the browser, or a service
	 * principal with its secret or certificate.
	 * @throws DicomregException (usage) for options that do not go together
	 */
	SignedIn signIn(AccountService accounts, Consumer<String> messages, Supplier<char[]> pfxPassword) {
		if (this.servicePrincipal) {
			return accounts.loginAsServicePrincipal(servicePrincipalLogin(), pfxPassword);
		}
		return accounts.login(userLogin(), this.browser, messages);
	}

	/**
	 * The user sign-in these options ask for.
	 * @throws DicomregException (usage) when credential options are given without
	 * {@code --service-principal}
	 */
	UserLogin userLogin() {
		if (Stream.of(this.secretFile, this.secretEnv, this.certificate, this.certificatePasswordEnv)
			.anyMatch(value -> value != null)) {
			throw DicomregException.invalidInput(
					"--secret-file, --secret-env, --certificate and --certificate-password-env need --service-principal.");
		}
		return new UserLogin(this.tenant, this.clientId, this.permissions);
	}

	/**
	 * The service principal sign-in these options ask for.
	 * @throws DicomregException (usage) unless exactly one credential and a client ID are given
	 */
	ServicePrincipalLogin servicePrincipalLogin() {
		if (this.browser) {
			throw DicomregException.invalidInput("--browser cannot be combined with --service-principal.");
		}
		if (this.permissions != null && !this.permissions.isEmpty()) {
			throw DicomregException.invalidInput("--permission cannot be combined with --service-principal: an application's "
					+ "token holds the application permissions it was granted.");
		}
		if (this.clientId == null) {
			throw DicomregException.invalidInput("--client-id is required with --service-principal.");
		}
		return new ServicePrincipalLogin(this.tenant, this.clientId, credentialSource());
	}

	private CredentialSource credentialSource() {
		if (Stream.of(this.secretFile, this.secretEnv, this.certificate).filter(value -> value != null).count() != 1) {
			throw DicomregException.invalidInput(
					"--service-principal needs exactly one of --secret-file, --secret-env or --certificate.");
		}
		if (this.certificatePasswordEnv != null && this.certificate == null) {
			throw DicomregException.invalidInput("--certificate-password-env only goes with --certificate.");
		}
		if (this.secretFile != null) {
			return CredentialSource.secretFile(Path.of(this.secretFile));
		}
		if (this.secretEnv != null) {
			return CredentialSource.secretEnv(variableName("--secret-env", this.secretEnv));
		}
		return CredentialSource.certificate(Path.of(this.certificate),
				(this.certificatePasswordEnv != null)
						? variableName("--certificate-password-env", this.certificatePasswordEnv) : null);
	}

	private static String variableName(String option, String value) {
		if (!PasswordVariable.isName(value)) {
			// Not echoed: a secret pasted here instead of a variable name must not be printed.
			throw DicomregException.invalidInput(option
					+ " takes the NAME of an environment variable (letters, digits and _), not its value.");
		}
		return value;
	}

}
