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

	/** Asks to confirm a change; a no asks the step's questions again. */
	public void confirm(String change) {
		if (!this.prompts.confirm(change, true)) {
			throw Navigation.redo();
		}
	}

}
