package io.dicomreg.cli.script;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import io.dicomreg.cli.Paths;
import io.dicomreg.cli.RepeatedOptions;
import io.dicomreg.cli.completion.CommandCompletions;
import io.dicomreg.config.DryRun;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.ExitCode;
import io.dicomreg.output.Notices;

/**
 * The {@code script} command: replays a saved script of dicomreg commands.
 */
@Component
public class ScriptCommands {

	static final String GROUP = "Scripts";

	private static final Pattern VARIABLE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)", Pattern.DOTALL);

	private final ScriptRunner runner;

	private final DryRun dryRun;

	private final Notices notices;

	public ScriptCommands(ScriptRunner runner, DryRun dryRun, Notices notices) {
		this.runner = runner;
		this.dryRun = dryRun;
		this.notices = notices;
	}

	@Command(name = "script", group = GROUP,
			description = "Run the dicomreg commands in a file, checked first, line by line (also: dicomreg @FILE)",
			completionProvider = CommandCompletions.BEAN_NAME)
	public void script(CommandContext context,
			@Argument(index = 0, description = "the script file") String file,
			@Option(longName = "var", description = "NAME=VALUE for ${NAME} in the script (repeat for more; wins over the environment)") String var,
			@Option(longName = "continue-on-error", description = "run the remaining lines after a failure, and list the failures at the end") boolean continueOnError) {
		if (file == null || file.isBlank()) {
			throw DicomregException.invalidInput("Give the script to run: script FILE.");
		}
		Map<String, String> variables = new LinkedHashMap<>();
		for (String assignment : RepeatedOptions.values(context, "var")) {
			var matcher = VARIABLE.matcher(assignment);
			if (!matcher.matches()) {
				throw DicomregException.invalidInput("--var needs NAME=VALUE (a name is letters, digits and _, not "
						+ "starting with a digit).");
			}
			variables.put(matcher.group(1), matcher.group(2));
		}
		ExitCode code = this.runner.run(Paths.of(file, "FILE"), variables, continueOnError, this.dryRun.active(),
				context.outputWriter(), this.notices.writer());
		if (code != ExitCode.OK) {
			throw DicomregException.alreadyReported(code);
		}
	}

}
