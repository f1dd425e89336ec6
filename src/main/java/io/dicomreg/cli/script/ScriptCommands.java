package io.dicomreg.cli.script;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import io.dicomreg.cli.CommandRun;
import io.dicomreg.cli.Paths;
import io.dicomreg.cli.catalogue.DryRunMode;
import io.dicomreg.cli.catalogue.OptionValue;
import io.dicomreg.cli.catalogue.Recording;
import io.dicomreg.cli.catalogue.Traits;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.ExitCode;
import io.dicomreg.error.Subject;
import io.dicomreg.output.Result;

/**
 * The {@code script} command: replays a saved script of dicomreg commands.
 */
@Component
public class ScriptCommands {

	/** Its name, for {@code dicomreg @FILE}. */
	public static final String NAME = "script";

	static final String GROUP = "Scripts";

	private static final Pattern VARIABLE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)", Pattern.DOTALL);

	private final ScriptRunner runner;

	public ScriptCommands(ScriptRunner runner) {
		this.runner = runner;
	}

	@Command(name = NAME, group = GROUP,
			description = "Run the dicomreg commands in a file, checked first, line by line (also: dicomreg @FILE)")
	@Traits(dryRun = DryRunMode.PASS_THROUGH, inScripts = false, recorded = Recording.AS_COMMENT)
	public Result script(CommandRun run,
			@Argument(index = 0, description = "the script file")
			@OptionValue(file = true, subject = Subject.SCRIPT_FILE) String file,
			@Option(longName = "var", description = "NAME=VALUE for ${NAME} in the script (repeat for more; wins over the environment)")
			@OptionValue(label = "NAME=VALUE", repeatable = true) List<String> assignments,
			@Option(longName = "continue-on-error", description = "run the remaining lines after a failure, and list the failures at the end") boolean continueOnError) {
		if (file == null || file.isBlank()) {
			throw DicomregException.invalidInput("Give the script to run: script FILE.");
		}
		Map<String, String> variables = new LinkedHashMap<>();
		for (String assignment : assignments) {
			var matcher = VARIABLE.matcher(assignment);
			if (!matcher.matches()) {
				throw DicomregException.invalidInput("--var needs NAME=VALUE (a name is letters, digits and _, not "
						+ "starting with a digit).");
			}
			variables.put(matcher.group(1), matcher.group(2));
		}
		ExitCode code = this.runner.run(Paths.of(file, "The script's path"), variables, continueOnError, run);
		if (code != ExitCode.OK) {
			throw DicomregException.alreadyReported(code);
		}
		return Result.empty();
	}

}
