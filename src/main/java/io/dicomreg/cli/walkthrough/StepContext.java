package io.dicomreg.cli.walkthrough;

import io.dicomreg.apps.AppRef;
import io.dicomreg.error.DicomregException;

/**
 * What a step works with: the prompts, the progress, and a way to save it at once (before a
 * change, so that a resume after a crash recognises what the change made).
 *
 * @param prompts the questions and messages
 * @param progress the walkthrough's progress
 * @param store where the progress is saved
 */
public record StepContext(Prompts prompts, WalkthroughProgress progress, WalkthroughProgressStore store) {

	/** The question before every change to the tenant. */
	static final String GO_AHEAD = "Go ahead?";

	public void save() {
		this.store.save(this.progress);
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
		return app;
	}

	/** Says what is about to change and asks to go ahead; a no asks the step's questions again. */
	public void confirm(String change) {
		this.prompts.say(change);
		if (!this.prompts.confirm(GO_AHEAD, true)) {
			throw Navigation.redo();
		}
	}

}
