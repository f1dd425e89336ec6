package io.dicomreg.cli.walkthrough;

/**
 * One step of the walkthrough: it explains itself, asks, confirms before it changes the tenant,
 * calls the step's service and records what it did in the progress.
 */
public interface WalkthroughStep {

	String title();

	/** Two or three sentences: what the step is and why. */
	String explanation();

	/**
	 * Runs the step.
	 * @throws Navigation when the person goes back, skips, quits or wants to answer again
	 * @throws io.dicomreg.error.DicomregException when the step failed
	 */
	void run(StepContext context);

}
