package io.dicomreg.cli.walkthrough;

import java.util.List;
import java.util.Optional;

import io.dicomreg.account.AccountService;
import io.dicomreg.auth.Session;
import io.dicomreg.auth.UserLogin;
import io.dicomreg.error.DicomregException;

/**
 * Step 1: signs in (or keeps the current sign-in) to the tenant the application goes into.
 */
class SignInStep implements WalkthroughStep {

	private final AccountService account;

	SignInStep(AccountService account) {
		this.account = account;
	}

	@Override
	public String title() {
		return "Sign in";
	}

	@Override
	public String explanation() {
		return "dicomreg registers the application in the tenant of the account you sign in with. That account needs "
				+ "a role that may create app registrations (Application Developer, for example); dicomreg asks Entra ID "
				+ "for the Graph permission Application.ReadWrite.All on its behalf.";
	}

	@Override
	public void run(StepContext context) {
		Prompts prompts = context.prompts();
		Optional<Session> current = currentSession();
		if (current.isPresent()
				&& prompts.confirm("Continue as " + who(current.get()) + " in " + current.get().tenantLabel() + "?", true)) {
			record(context, current.get());
			return;
		}
		boolean browser = prompts.choose("How do you want to sign in?",
				List.of(Choice.of("With a code, entered in a browser on any device", false),
						Choice.of("With the browser on this machine", true)));
		Session session = this.account.login(new UserLogin(null, null), browser, prompts::say).session();
		prompts.say("Signed in as " + who(session) + " to " + session.tenantLabel() + ".");
		record(context, session);
	}

	private Optional<Session> currentSession() {
		try {
			return Optional.of(this.account.whoami().session());
		}
		catch (DicomregException ex) {
			return Optional.empty();
		}
	}

	private static void record(StepContext context, Session session) {
		WalkthroughProgress progress = context.progress();
		if (progress.getApplication() != null && progress.getApplication().objectId() != null
				&& progress.getTenantId() != null && !progress.getTenantId().equals(session.tenantId())) {
			throw DicomregException.invalidInput("This walkthrough's application is in tenant " + progress.getTenantId()
					+ ", but you are signed in to " + session.tenantLabel() + ": sign in to that tenant to go on, or "
					+ "start over with 'walkthrough --restart'.");
		}
		progress.setTenantId(session.tenantId());
	}

	private static String who(Session session) {
		return (session.username() != null) ? session.username() : "application " + session.clientId();
	}

}
