package io.dicomreg.cli;

import java.util.List;


import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import io.dicomreg.account.AccountService;
import io.dicomreg.auth.Session;
import io.dicomreg.auth.SignedIn;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.Subject;
import io.dicomreg.cli.catalogue.DryRunMode;
import io.dicomreg.cli.catalogue.OptionValue;
import io.dicomreg.cli.catalogue.Recording;
import io.dicomreg.cli.catalogue.Traits;
import io.dicomreg.output.Details;
import io.dicomreg.output.Result;

/**
 * Sign-in commands: {@code login}, {@code logout} and {@code whoami}.
 */
@Component
public class SessionCommands {

	private final AccountService accounts;

	private final ConnectionTarget target;

	public SessionCommands(AccountService accounts, ConnectionTarget target) {
		this.accounts = accounts;
		this.target = target;
	}

	@Command(name = "login", group = "Sign-in", description = "Sign in: device code (default), browser, or service principal")
	@Traits(dryRun = DryRunMode.RUN_FOR_REAL, passwordFrom = "certificate-password-env")
	public Result login(CommandRun run,
			@Option(longName = "browser", description = "sign in with the system browser instead of a device code") boolean browser,
			@Option(longName = "tenant", description = "tenant ID or domain (default: your home tenant; required for a service principal)")
			@OptionValue(subject = Subject.TENANT) String tenant,
			@Option(longName = "client-id", description = "application (client) ID to sign in with (default: Microsoft Graph Command Line Tools; required with --service-principal)")
			@OptionValue(label = "ID", subject = Subject.CLIENT_ID) String clientId,
			@Option(longName = "service-principal", description = "sign in as an application with its own secret or certificate") boolean servicePrincipal,
			@Option(longName = "secret-file", description = "file holding the client secret (service principal)")
			@OptionValue(label = "FILE", file = true, subject = Subject.CLIENT_SECRET_FILE) String secretFile,
			@Option(longName = "secret-env", description = "environment variable holding the client secret (service principal)")
			@OptionValue(label = "VAR", subject = Subject.CLIENT_SECRET_VARIABLE) String secretEnv,
			@Option(longName = "certificate", description = "PEM file with certificate and private key, or PFX file (service principal)")
			@OptionValue(label = "FILE", file = true, subject = Subject.CLIENT_CERTIFICATE) String certificate,
			@Option(longName = "certificate-password-env", description = "environment variable holding the PFX password (else it is asked, masked)")
			@OptionValue(label = "VAR", subject = Subject.CLIENT_CERTIFICATE_PASSWORD_VARIABLE) String certificatePasswordEnv,
			@Option(longName = "permission", description = "also consent at sign-in to this delegated permission (a Graph permission name, or an API's whole scope); repeat for several")
			@OptionValue(label = "PERMISSION", repeatable = true, subject = Subject.SIGN_IN_PERMISSION) List<String> permissions) {
		LoginOptions options = new LoginOptions(browser, tenant, clientId, servicePrincipal, secretFile, secretEnv,
				certificate, certificatePasswordEnv, permissions);
		return Result.of(describe(options.signIn(this.accounts, run::notice,
				MaskedPrompt.pfxPassword(run, "--certificate-password-env"))));
	}

	@Command(name = "logout", group = "Sign-in", description = "Sign out and remove the account from the token cache")
	@Traits(dryRun = DryRunMode.REFUSE, recorded = Recording.NEVER)
	public Result logout() {
		return this.accounts.logout()
			.map(session -> Result.of(Details.create()
				.add("Signed out", "signedOut", true)
				.add("Account", "account", session.username())
				.add("Tenant ID", "tenantId", session.tenantId())))
			.orElseGet(() -> Result.of(Details.create().add("Signed out", "signedOut", false))
				.note("Nobody was signed in: nothing changed."));
	}

	@Command(name = "whoami", group = "Sign-in", description = "Show who is signed in, where, and until when",
			availabilityProvider = "signedIn")
	@Traits(recorded = Recording.NEVER)
	public Result whoami() {
		return Result.of(describe(this.accounts.whoami()));
	}

	private Details describe(SignedIn signedIn) {
		Session session = signedIn.session();
		return Details.create()
			.add("Cloud", "cloud", this.target.label())
			.add("Authority", "authority", signedIn.authority())
			.add("Tenant", "tenant", session.tenantLabel())
			.add("Directory (tenant) ID", "tenantId", session.tenantId())
			.add("Account", "account", session.username())
			.add("Account type", "accountType", (session.kind() == Session.Kind.USER) ? "user" : "servicePrincipal")
			.add("Signed in with client ID", "clientId", session.clientId())
			.add("Token expires", "tokenExpiresOn", signedIn.tokenExpiresOn())
			.add("Selected app", "selectedApp", this.accounts.selectedApp().map(app -> app.displayName() + " (" + app.appId() + ")")
				.orElse(null));
	}


}
