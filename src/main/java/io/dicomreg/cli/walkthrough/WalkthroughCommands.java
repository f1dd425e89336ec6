package io.dicomreg.cli.walkthrough;

import java.nio.file.Path;

import org.jline.terminal.Terminal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ResourceLoader;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.shell.jline.tui.style.TemplateExecutor;
import org.springframework.stereotype.Component;

import io.dicomreg.cli.Streams;
import io.dicomreg.cli.Paths;
import io.dicomreg.cli.catalogue.DryRunMode;
import io.dicomreg.cli.catalogue.OptionValue;
import io.dicomreg.cli.catalogue.Recording;
import io.dicomreg.cli.catalogue.Traits;
import io.dicomreg.output.Result;
import io.dicomreg.cli.walkthrough.Walkthrough.Outcome;
import io.dicomreg.cli.walkthrough.Walkthrough.Start;
import io.dicomreg.error.DicomregException;

/**
 * The {@code walkthrough} command: the tutorial step by step at the terminal.
 */
@Component
public class WalkthroughCommands {

	private final Walkthrough walkthrough;

	private final Streams streams;

	private final ObjectProvider<Terminal> terminal;

	private final ResourceLoader resources;

	private final ObjectProvider<TemplateExecutor> templates;

	public WalkthroughCommands(Walkthrough walkthrough, Streams streams, ObjectProvider<Terminal> terminal,
			ResourceLoader resources, ObjectProvider<TemplateExecutor> templates) {
		this.walkthrough = walkthrough;
		this.streams = streams;
		this.terminal = terminal;
		this.resources = resources;
		this.templates = templates;
	}

	@Command(name = "walkthrough", group = "Guided walkthrough",
			description = "Lead through the whole tutorial step by step, explaining each step; resumable, and leaves a replayable script")
	@Traits(dryRun = DryRunMode.REFUSE, inScripts = false, recorded = Recording.NEVER)
	public Result walkthrough(
			@Option(longName = "resume", description = "go on with the unfinished walkthrough without asking") boolean resume,
			@Option(longName = "restart", description = "start a new walkthrough even if one is unfinished (what it made stays)") boolean restart,
			@Option(longName = "save-script", description = "write the equivalent dicomreg commands to this new file at the end")
			@OptionValue(label = "FILE", file = true) String saveScript) {
		if (resume && restart) {
			throw DicomregException.invalidInput("--resume and --restart exclude each other: give one of them.");
		}
		Path script = (saveScript != null) ? WalkthroughScript.checkNewFile(Paths.of(saveScript, "--save-script"), "--save-script")
				: null;
		Terminal console = interactiveTerminal();
		Outcome outcome = this.walkthrough.run(new TerminalPrompts(console, this.resources, this.templates.getObject()),
				resume ? Start.RESUME : restart ? Start.RESTART : Start.ASK, script);
		return Result.text((outcome == Outcome.FINISHED) ? ""
				: "The walkthrough stopped; nothing after the last completed step was changed.");
	}

	private Terminal interactiveTerminal() {
		if (this.streams.interactive()) {
			Terminal console = this.terminal.getObject();
			if (!console.getType().startsWith("dumb")) {
				return console;
			}
		}
		throw DicomregException.invalidInput("The walkthrough asks questions at a terminal, and there is none here: run "
				+ "it from dicomreg typed at a terminal, or replay the tutorial's commands as one-shot commands instead.");
	}

}
