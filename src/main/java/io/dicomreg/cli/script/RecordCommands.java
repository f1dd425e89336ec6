package io.dicomreg.cli.script;

import java.nio.file.Path;

import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

import io.dicomreg.cli.Invocation;
import io.dicomreg.cli.Paths;
import io.dicomreg.cli.catalogue.DryRunMode;
import io.dicomreg.cli.catalogue.OptionValue;
import io.dicomreg.cli.catalogue.Recording;
import io.dicomreg.cli.catalogue.Traits;
import io.dicomreg.error.Subject;
import io.dicomreg.output.Result;
import io.dicomreg.error.DicomregException;
import io.dicomreg.output.Details;

/**
 * {@code record start} and {@code record stop}: the commands typed in between become a script.
 */
@Component
public class RecordCommands {

	private final Recorder recorder;

	private final Invocation invocation;

	public RecordCommands(Recorder recorder, Invocation invocation) {
		this.recorder = recorder;
		this.invocation = invocation;
	}

	@Command(name = { "record", "start" }, group = ScriptCommands.GROUP,
			description = "Record the commands typed from now on into a new script file (interactive shell only)")
	@Traits(dryRun = DryRunMode.REFUSE, inScripts = false, recorded = Recording.NEVER)
	public Result start(@Argument(index = 0, description = "the new script file")
			@OptionValue(file = true, subject = Subject.SCRIPT_FILE) String file) {
		if (this.invocation.isOneShot()) {
			throw DicomregException.invalidInput("'record' works in the interactive shell, where commands are typed.");
		}
		if (file == null || file.isBlank()) {
			throw DicomregException.invalidInput("Give the new script file: record start FILE.");
		}
		Path target = this.recorder.start(Paths.of(file, "The recording's path"));
		return Result.of(Details.create().add("Recording to", "file", target.toString()))
			.note("Each command that succeeds is added; 'record stop' ends. Secret values never go into it.");
	}

	@Command(name = { "record", "stop" }, group = ScriptCommands.GROUP, description = "Stop recording")
	@Traits(dryRun = DryRunMode.REFUSE, inScripts = false, recorded = Recording.NEVER)
	public Result stop() {
		Recorder.Recording recording = this.recorder.stop();
		return Result.of(Details.create()
			.add("Recorded to", "file", recording.file().toString())
			.add("Commands", "commands", recording.commands()))
			.note("Replay it with: " + ScriptCommands.NAME + " " + recording.file());
	}

}
