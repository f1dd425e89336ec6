package io.dicomreg.cli.walkthrough;

import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.dicomreg.error.DicomregException;

/**
 * Leads through the steps in order: a header and explanation for each, back, skip and quit at any
 * prompt, a choice after a failure, and the progress saved after every step so that a later
 * {@code walkthrough --resume} goes on where this one stopped.
 */
public class Walkthrough {

	private final List<WalkthroughStep> steps;

	private final WalkthroughProgressStore store;

	private final Supplier<Optional<String>> signedInTenant;

	private final Clock clock;

	/**
	 * @param signedInTenant the tenant ID of the current sign-in, read without a network call
	 */
	public Walkthrough(List<WalkthroughStep> steps, WalkthroughProgressStore store,
			Supplier<Optional<String>> signedInTenant, Clock clock) {
		this.steps = List.copyOf(steps);
		this.store = store;
		this.signedInTenant = signedInTenant;
		this.clock = clock;
	}

	/** How a walkthrough ended. */
	public enum Outcome {
		/** All steps were done or skipped. */
		FINISHED,
		/** The person quit; the progress is saved. */
		QUIT
	}

	/** How to begin when an unfinished walkthrough exists. */
	public enum Start {
		/** Ask whether to resume it or start over. */
		ASK,
		/** Resume it; refused when there is none. */
		RESUME,
		/** Start over without asking. */
		RESTART
	}

	/**
	 * Runs the walkthrough.
	 * @param scriptFile where to write the replayable script at the end, or {@code null} to offer it then
	 * @throws DicomregException (usage) for {@link Start#RESUME} with nothing to resume
	 */
	public Outcome run(Prompts prompts, Start start, Path scriptFile) {
		WalkthroughProgress progress;
		try {
			progress = begin(prompts, start);
		}
		catch (Navigation ex) {
			return Outcome.QUIT;
		}
		if (progress == null) {
			return Outcome.QUIT;
		}
		if (scriptFile != null) {
			progress.setScriptFile(scriptFile.toString());
		}
		StepContext context = new StepContext(prompts, progress, this.store, this.signedInTenant);
		int index = progress.getNextStep();
		while (index < this.steps.size()) {
			WalkthroughStep step = this.steps.get(index);
			prompts.header(index + 1, this.steps.size(), step.title(), step.explanation());
			Navigation.Kind move = attempt(step, context);
			if (move == Navigation.Kind.QUIT) {
				progress.setNextStep(index);
				this.store.save(progress);
				prompts.say("Progress saved. 'walkthrough --resume' goes on at step " + (index + 1) + ": " + step.title() + ".");
				return Outcome.QUIT;
			}
			if (move == null || move == Navigation.Kind.SKIP) {
				progress.getSteps().put(step.title(), (move == null) ? "done" : "skipped");
				index++;
			}
			else if (move == Navigation.Kind.BACK) {
				index = Math.max(0, index - 1);
			}
			progress.setNextStep(index);
			this.store.save(progress);
		}
		progress.setFinished(true);
		this.store.save(progress);
		prompts.say("The walkthrough is complete.");
		return Outcome.FINISHED;
	}

	/** Runs a step; {@code null} when it was done, else where the person wants to go. */
	private static Navigation.Kind attempt(WalkthroughStep step, StepContext context) {
		try {
			step.run(context);
			return null;
		}
		catch (Navigation ex) {
			return ex.kind();
		}
		catch (DicomregException ex) {
			context.prompts().error(ex.getMessage());
			return afterFailure(context.prompts());
		}
	}

	private static Navigation.Kind afterFailure(Prompts prompts) {
		try {
			return prompts.choose("The step did not complete. What now?",
					List.of(Choice.of("Try this step again", Navigation.Kind.REDO),
							Choice.of("Skip this step", Navigation.Kind.SKIP),
							Choice.of("Go back a step", Navigation.Kind.BACK),
							Choice.of("Quit (resume later)", Navigation.Kind.QUIT)));
		}
		catch (Navigation ex) {
			return ex.kind();
		}
	}

	private WalkthroughProgress begin(Prompts prompts, Start start) {
		Optional<WalkthroughProgress> saved = this.store.load().filter(progress -> !progress.isFinished());
		if (start == Start.RESUME && saved.isEmpty()) {
			throw DicomregException.invalidInput("There is no unfinished walkthrough to resume: run 'walkthrough' to start one.");
		}
		if (saved.isEmpty() || start == Start.RESTART) {
			return fresh();
		}
		WalkthroughProgress progress = saved.get();
		if (start == Start.RESUME) {
			return resumed(progress);
		}
		int next = Math.min(progress.getNextStep(), this.steps.size() - 1);
		String app = (progress.getApplication() != null) ? " (application '" + progress.getApplication().displayName() + "')" : "";
		prompts.say("An unfinished walkthrough stopped at step " + (next + 1) + app + ".");
		Optional<Start> choice = prompts.choose("Resume it?",
				List.of(Choice.of("Resume it at step " + (next + 1) + ": " + this.steps.get(next).title(), Optional.of(Start.RESUME)),
						Choice.of("Start over (what it made stays in the tenant)", Optional.of(Start.RESTART)),
						Choice.of("Quit", Optional.<Start>empty())));
		if (choice.isEmpty()) {
			return null;
		}
		return (choice.get() == Start.RESUME) ? resumed(progress) : fresh();
	}

	/** The saved progress, once it is clear that the person is signed in to its application's tenant. */
	private WalkthroughProgress resumed(WalkthroughProgress progress) {
		if (progress.getNextStep() > 0) {
			StepContext.checkTenant(progress, this.signedInTenant.get());
		}
		return progress;
	}

	private WalkthroughProgress fresh() {
		WalkthroughProgress progress = new WalkthroughProgress();
		progress.setStartedAt(this.clock.instant().truncatedTo(ChronoUnit.MINUTES).toString());
		this.store.save(progress);
		return progress;
	}

}
