package io.dicomreg.cli.script;

import java.nio.file.Path;

import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

import io.dicomreg.cli.Invocation;
import io.dicomreg.cli.Paths;
import io.dicomreg.cli.completion.CommandCompletions;
import io.dicomreg.cli.script.Recorder.Recording;
import io.dicomreg.error.DicomregException;
import io.dicomreg.output.Details;
import io.dicomreg.output.Renderer;

/**
 * {@code record start} and {@code record stop}: the commands typed in between become a script.
 */
@Component
public class RecordCommands {

	private final Recorder recorder;

	private final Invocation invocation;

	private final Renderer renderer;

	public RecordCommands(Recorder recorder, Invocation invocation, Renderer renderer) {
		this.recorder = recorder;
		this.invocation = invocation;
		this.renderer = renderer;
	}

	@Command(name = { "record", "start" }, group = ScriptCommands.GROUP,
			description = "Record the commands typed from now on into a new script file (interactive shell only)",
			completionProvider = CommandCompletions.BEAN_NAME)
	public String start(@Argument(index = 0, description = "the new script file") String file) {
		if (this.invocation.isOneShot()) {
			throw DicomregException.invalidInput("'record' works in the interactive shell, where commands are typed.");
		}
		if (file == null || file.isBlank()) {
			throw DicomregException.invalidInput("Give the new script file: record start FILE.");
		}
		Path target = this.recorder.start(Paths.of(file, "FILE"));
		return this.renderer.render(Details.create().add("Recording to", "file", target.toString()),
				"Each command that succeeds is added; 'record stop' ends. Secret values never go into it.");
	}

	@Command(name = { "record", "stop" }, group = ScriptCommands.GROUP, description = "Stop recording",
			completionProvider = CommandCompletions.BEAN_NAME)
	public String stop() {
		Recording recording = this.recorder.stop();
		return this.renderer.render(Details.create()
			.add("Recorded to", "file", recording.file().toString())
			.add("Commands", "commands", recording.commands()), "Replay it with: script " + recording.file());
	}

}
