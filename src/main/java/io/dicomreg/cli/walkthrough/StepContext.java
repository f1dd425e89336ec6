package io.dicomreg.cli.walkthrough;

import java.util.Optional;
import java.util.function.Supplier;

import io.dicomreg.apps.AppRef;
import io.dicomreg.config.DryRun;
import io.dicomreg.error.DicomregException;

/**
 * What a step works with: the prompts, the progress, and a way to save it at once (before a
 * change, so that a resume after a crash recognises what the change made).
 *
 * @param prompts the questions and messages
 * @param progress the walkthrough's progress
 * @param store where the progress is saved
 * @param signedInTenant the tenant ID of the current sign-in, read without a network call
 */
public record StepContext(Prompts prompts, WalkthroughProgress progress, WalkthroughProgressStore store,
		Supplier<Optional<String>> signedInTenant) {

	/** The question before every change to the tenant. */
	static final String GO_AHEAD = "Go ahead?";

	public void save() {
		this.store.save(this.progress);
	}

	/** The plan the steps' changes are made with: the walkthrough is never a dry run. */
	public DryRun plan() {
		return DryRun.off();
	}

	/**
	 * The application registered in step 2.
	 * @throws DicomregException when step 2 registered none
	 */
	public AppRef app() {
		AppRef app = this.progress.appRef();
		if (app == null) {
			throw DicomregException.invalidInput("This step works on the application of step 2, which was skipped: "
					+ "go back (Ctrl-B) to register it, or skip this step too.");
		}
		checkTenant(this.progress, this.signedInTenant.get());
		return app;
	}

	/**
	 * Checks that the person is signed in to the tenant of the walkthrough's application.
	 * @throws DicomregException (usage) when nobody is signed in or the tenant is another
	 */
	static void checkTenant(WalkthroughProgress progress, Optional<String> signedInTenant) {
		String tenant = progress.getTenantId();
		if (tenant == null || progress.appRef() == null) {
			return;
		}
		if (signedInTenant.isEmpty()) {
			throw DicomregException.invalidInput("Nobody is signed in: sign in to tenant " + tenant + ", where the "
					+ "walkthrough's application is ('login --tenant " + tenant + "'), then resume.");
		}
		if (!signedInTenant.get().equals(tenant)) {
			throw DicomregException.invalidInput("The walkthrough's application is in tenant " + tenant + ", but you are "
					+ "signed in to " + signedInTenant.get() + ": sign in to its tenant ('login --tenant " + tenant
					+ "'), then resume; or start over with 'walkthrough --restart'.");
		}
	}

	/** Says what is about to change and asks to go ahead; a no asks the step's questions again. */
	public void confirm(String change) {
		this.prompts.say(change);
		if (!this.prompts.confirm(GO_AHEAD, true)) {
			throw Navigation.redo();
		}
	}

}
