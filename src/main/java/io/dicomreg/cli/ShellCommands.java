package io.dicomreg.cli;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

import io.dicomreg.cli.catalogue.CommandCatalogue;
import io.dicomreg.cli.catalogue.CommandSpec;
import io.dicomreg.cli.catalogue.DryRunMode;
import io.dicomreg.cli.catalogue.OptionValue;
import io.dicomreg.cli.catalogue.Recording;
import io.dicomreg.cli.catalogue.Traits;
import io.dicomreg.cli.completion.CommandNameCompleter;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.Echo;
import io.dicomreg.output.Result;

/**
 * The shell's own commands: {@code help}, {@code version}, {@code history}, {@code clear} and
 * {@code exit}.
 */
@Component
public class ShellCommands {

	static final String GROUP = "Built-In Commands";

	private final ObjectProvider<CommandCatalogue> catalogue;

	private final ObjectProvider<org.jline.reader.History> history;

	private final ObjectProvider<BuildProperties> build;

	public ShellCommands(ObjectProvider<CommandCatalogue> catalogue, ObjectProvider<org.jline.reader.History> history,
			ObjectProvider<BuildProperties> build) {
		this.catalogue = catalogue;
		this.history = history;
		this.build = build;
	}

	@Command(name = "help", group = GROUP, description = "List the commands, or show the usage and options of one: help COMMAND")
	@Traits(dryRun = DryRunMode.RUN_FOR_REAL, recorded = Recording.NEVER)
	public Result help(@Arguments @OptionValue(label = "COMMAND", completion = CommandNameCompleter.class) List<String> words) {
		CommandCatalogue commands = this.catalogue.getObject();
		String name = String.join(" ", words);
		if (name.isEmpty()) {
			return Result.text(HelpText.overview(commands));
		}
		CommandSpec command = commands.find(name).orElse(null);
		if (command != null) {
			return Result.text(HelpText.usage(command));
		}
		List<CommandSpec> group = commands.group(name);
		if (group.isEmpty()) {
			throw DicomregException.invalidInput("Unknown command " + Echo.quoted(name) + ". Run 'help' to list the commands.");
		}
		return Result.text(HelpText.list(group));
	}

	@Command(name = "version", group = GROUP, description = "Show version info")
	@Traits(dryRun = DryRunMode.RUN_FOR_REAL, recorded = Recording.NEVER)
	public Result version() {
		BuildProperties properties = this.build.getIfAvailable();
		return Result.text("Version: " + ((properties != null) ? properties.getVersion() : "unknown"));
	}

	@Command(name = "history", group = GROUP, description = "Display the history of previously run commands")
	@Traits(dryRun = DryRunMode.RUN_FOR_REAL, recorded = Recording.NEVER)
	public Result history() {
		List<String> lines = new ArrayList<>();
		org.jline.reader.History entries = this.history.getIfAvailable();
		if (entries != null) {
			entries.forEach(entry -> lines.add(String.format("%5d  %s", entry.index() + 1, entry.line())));
		}
		return lines.isEmpty() ? Result.empty() : Result.text(String.join(System.lineSeparator(), lines));
	}

	@Command(name = "clear", group = GROUP, description = "Clear the terminal screen")
	@Traits(dryRun = DryRunMode.RUN_FOR_REAL, recorded = Recording.NEVER)
	public Result clear() {
		return Result.text("\u001B[H\u001B[2J");
	}

	@Command(name = "exit", alias = "quit", group = GROUP, description = "Exit the shell")
	@Traits(dryRun = DryRunMode.RUN_FOR_REAL, recorded = Recording.NEVER, inScripts = false, endsShell = true)
	public Result exit() {
		return Result.empty();
	}

}
