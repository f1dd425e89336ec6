package io.dicomreg.cli.walkthrough;

import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.cli.walkthrough.Walkthrough.Outcome;
import io.dicomreg.cli.walkthrough.Walkthrough.Start;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.config.DicomregHome;
import io.dicomreg.error.DicomregException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The walkthrough's flow over steps that only record what happens: back, skip, quit, answering
 * again, failures, and resuming from saved progress.
 */
class WalkthroughTests {

	private static final String TENANT = "0b4bb910-3cfc-4b2a-89ab-f08cdffd4291";

	@TempDir
	Path home;

	private final List<String> runs = new ArrayList<>();

	private Optional<String> signedInTenant = Optional.of(TENANT);

	@Test
	void runsEveryStepInOrderAndFinishes() {
		ScriptedPrompts prompts = new ScriptedPrompts().answers("", "", "");
		assertThat(walkthrough().run(prompts, Start.ASK, null)).isEqualTo(Outcome.FINISHED);
		assertThat(this.runs).containsExactly("one", "two", "three");
		assertThat(store().load()).hasValueSatisfying(progress -> {
			assertThat(progress.isFinished()).isTrue();
			assertThat(progress.getSteps()).containsEntry("one", "done").containsEntry("three", "done");
		});
	}

	@Test
	void backRunsThePreviousStepAgain() {
		ScriptedPrompts prompts = new ScriptedPrompts().answers("", Navigation.back(), "", "", "");
		walkthrough().run(prompts, Start.ASK, null);
		assertThat(this.runs).containsExactly("one", "one", "two", "three");
	}

	@Test
	void backAtTheFirstStepStaysThere() {
		ScriptedPrompts prompts = new ScriptedPrompts().answers(Navigation.back(), "", "", "");
		walkthrough().run(prompts, Start.ASK, null);
		assertThat(this.runs).containsExactly("one", "two", "three");
	}

	@Test
	void skipGoesOnAndRecordsTheStepAsSkipped() {
		ScriptedPrompts prompts = new ScriptedPrompts().answers("", Navigation.skip(), "");
		assertThat(walkthrough().run(prompts, Start.ASK, null)).isEqualTo(Outcome.FINISHED);
		assertThat(this.runs).containsExactly("one", "three");
		assertThat(store().load().orElseThrow().getSteps()).containsEntry("two", "skipped");
	}

	@Test
	void notConfirmingAsksTheStepsQuestionsAgain() {
		ScriptedPrompts prompts = new ScriptedPrompts().answers("", Navigation.redo(), "", "");
		walkthrough().run(prompts, Start.ASK, null);
		assertThat(this.runs).containsExactly("one", "two", "three");
		assertThat(prompts.shown()).filteredOn(line -> line.equals("Step 2 of 3: two")).hasSize(2);
	}

	@Test
	void quitSavesTheProgressAndResumeGoesOnAtTheSameStep() {
		ScriptedPrompts first = new ScriptedPrompts().answers("", Navigation.quit());
		assertThat(walkthrough().run(first, Start.ASK, null)).isEqualTo(Outcome.QUIT);
		assertThat(first.shown()).contains("Progress saved. 'walkthrough --resume' goes on at step 2: two.");

		ScriptedPrompts second = new ScriptedPrompts().answers("", "");
		assertThat(walkthrough().run(second, Start.RESUME, null)).isEqualTo(Outcome.FINISHED);
		assertThat(this.runs).containsExactly("one", "two", "three");
	}

	@Test
	void anUnfinishedWalkthroughIsOfferedToBeResumed() {
		walkthrough().run(new ScriptedPrompts().answers("", Navigation.quit()), Start.ASK, null);
		ScriptedPrompts prompts = new ScriptedPrompts().answers("Resume", "", "");
		walkthrough().run(prompts, Start.ASK, null);
		assertThat(prompts.shown()).contains("An unfinished walkthrough stopped at step 2.", "? Resume it?");
		assertThat(this.runs).containsExactly("one", "two", "three");
	}

	@Test
	void startingOverIgnoresTheUnfinishedOne() {
		walkthrough().run(new ScriptedPrompts().answers("", Navigation.quit()), Start.ASK, null);
		walkthrough().run(new ScriptedPrompts().answers("", "", ""), Start.RESTART, null);
		assertThat(this.runs).containsExactly("one", "one", "two", "three");
	}

	@Test
	void resumeWithoutAnUnfinishedWalkthroughIsRefused() {
		walkthrough().run(new ScriptedPrompts().answers("", "", ""), Start.ASK, null);
		assertThatExceptionOfType(DicomregException.class)
			.isThrownBy(() -> walkthrough().run(new ScriptedPrompts(), Start.RESUME, null))
			.withMessage("There is no unfinished walkthrough to resume: run 'walkthrough' to start one.");
	}

	@Test
	void aFailedStepIsShownAndCanBeTriedAgain() {
		ScriptedPrompts prompts = new ScriptedPrompts().answers("", "fail", "Try this step again", "", "");
		assertThat(walkthrough().run(prompts, Start.ASK, null)).isEqualTo(Outcome.FINISHED);
		assertThat(prompts.shown()).contains("Error: Graph said no (request-id: 1234)");
		assertThat(this.runs).containsExactly("one", "two", "three");
	}

	@Test
	void aFailedStepCanBeSkippedOrQuit() {
		ScriptedPrompts skipping = new ScriptedPrompts().answers("", "fail", "Skip this step", "");
		assertThat(walkthrough().run(skipping, Start.RESTART, null)).isEqualTo(Outcome.FINISHED);
		assertThat(store().load().orElseThrow().getSteps()).containsEntry("two", "skipped");

		ScriptedPrompts quitting = new ScriptedPrompts().answers("", "fail", "Quit");
		assertThat(walkthrough().run(quitting, Start.RESTART, null)).isEqualTo(Outcome.QUIT);
		assertThat(store().load().orElseThrow().getNextStep()).isEqualTo(1);
	}

	@Test
	void resumingInAnotherTenantThanTheApplicationsIsRefused() {
		quitAfterRegisteringIn(TENANT);
		this.signedInTenant = Optional.of("11111111-2222-3333-4444-555555555555");
		assertThatExceptionOfType(DicomregException.class)
			.isThrownBy(() -> walkthrough().run(new ScriptedPrompts(), Start.RESUME, null))
			.withMessageStartingWith("The walkthrough's application is in tenant " + TENANT
					+ ", but you are signed in to 11111111-2222-3333-4444-555555555555");
		assertThat(this.runs).containsExactly("one");
	}

	@Test
	void resumingSignedOutIsRefused() {
		quitAfterRegisteringIn(TENANT);
		this.signedInTenant = Optional.empty();
		assertThatExceptionOfType(DicomregException.class)
			.isThrownBy(() -> walkthrough().run(new ScriptedPrompts().answers("Resume"), Start.ASK, null))
			.withMessageStartingWith("Nobody is signed in: sign in to tenant " + TENANT);
	}

	@Test
	void aStepOnTheApplicationInAnotherTenantFailsAndCannotBeSkippedPast() {
		quitAfterRegisteringIn(TENANT);
		this.signedInTenant = Optional.of("11111111-2222-3333-4444-555555555555");
		WalkthroughProgress progress = store().load().orElseThrow();
		StepContext context = new StepContext(new ScriptedPrompts(), progress, store(), () -> this.signedInTenant);
		assertThatExceptionOfType(DicomregException.class).isThrownBy(context::app)
			.withMessageContaining("sign in to its tenant ('login --tenant " + TENANT + "')");
	}

	/** Runs step one, records an application in {@code tenant} as step 2 would, and quits. */
	private void quitAfterRegisteringIn(String tenant) {
		walkthrough().run(new ScriptedPrompts().answers("", Navigation.quit()), Start.ASK, null);
		WalkthroughProgress progress = store().load().orElseThrow();
		progress.setApplication(new WalkthroughProgress.Application("DICOM client", "dicom-client",
				"fbca1f8f-f6cc-4f21-9514-83e3611ee1bd", "9f2bf8dd-a3bc-4c56-be89-596fe5800e46"));
		progress.setTenantId(tenant);
		store().save(progress);
	}

	private Walkthrough walkthrough() {
		return new Walkthrough(List.of(new RecordingStep("one"), new RecordingStep("two"), new RecordingStep("three")),
				store(), () -> this.signedInTenant, Clock.systemUTC());
	}

	private WalkthroughProgressStore store() {
		// A sandbox with a state file has a key of its own: the progress goes to a file, as on a real cloud.
		ConnectionTarget target = new ConnectionTarget(true, this.home.resolve("tenant.json"), null, null, null);
		return new WalkthroughProgressStore(target, new DicomregHome(this.home.resolve("home")));
	}

	/** A step that asks one question, records that it ran, and fails when the answer is "fail". */
	private final class RecordingStep implements WalkthroughStep {

		private final String title;

		RecordingStep(String title) {
			this.title = title;
		}

		@Override
		public String title() {
			return this.title;
		}

		@Override
		public String explanation() {
			return "The step " + this.title + ".";
		}

		@Override
		public void run(StepContext context) {
			String answer = context.prompts().text("Answer for " + this.title, "ok");
			if (answer.equals("fail")) {
				throw DicomregException.failure("Graph said no (request-id: 1234)");
			}
			WalkthroughTests.this.runs.add(this.title);
		}

	}

}
