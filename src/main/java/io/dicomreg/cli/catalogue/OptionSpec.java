package io.dicomreg.cli.catalogue;

import java.util.List;

import io.dicomreg.error.Subject;

/**
 * One option of a command, as declared.
 *
 * @param longName its name without dashes, e.g. {@code save-to}
 * @param shortName its one-letter name, or 0
 * @param description what it does, for help
 * @param required whether the command needs it
 * @param defaultValue the value when not given, or {@code null}
 * @param flag whether it is a flag (boolean): given alone, it means {@code true}
 * @param label how help names its value, e.g. {@code FILE}
 * @param repeatable whether it may be given several times
 * @param file whether its value names a file
 * @param choices the fixed values it takes, or none
 * @param completer the completer of its values, or {@code null}
 * @param subject the thing of the domain it gives
 * @param common whether every command (or every command of a kind) takes it: {@code --output},
 * {@code --dry-run}, {@code --help}
 */
public record OptionSpec(String longName, char shortName, String description, boolean required, String defaultValue,
		boolean flag, String label, boolean repeatable, boolean file, List<String> choices,
		Class<? extends ValueCompleter> completer, Subject subject, boolean common) {

	/** {@code --output table|json}. */
	public static final String OUTPUT = "output";

	/** {@code --dry-run}. */
	public static final String DRY_RUN = "dry-run";

	/** {@code --help}, also {@code -h}. */
	public static final String HELP = "help";

	static OptionSpec output() {
		return new OptionSpec(OUTPUT, (char) 0, "output format of this command", false, null, false, "table|json", false,
				false, List.of("table", "json"), null, Subject.NONE, true);
	}

	static OptionSpec dryRun() {
		return new OptionSpec(DRY_RUN, (char) 0, "read everything, change nothing: say what would change", false, null,
				true, "", false, false, List.of(), null, Subject.NONE, true);
	}

	static OptionSpec help() {
		return new OptionSpec(HELP, 'h', "show this help", false, null, true, "", false, false, List.of(), null,
				Subject.NONE, true);
	}

	/** The option as help's usage line writes it: {@code --save-to FILE}, or {@code --yes} for a flag. */
	public String usage() {
		return "--" + this.longName + (this.flag ? "" : " " + this.label);
	}

	/** Whether {@code name} (without dashes) names this option, by long or short name. */
	public boolean isNamed(String name) {
		return name.equals(this.longName) || (name.length() == 1 && this.shortName != 0 && name.charAt(0) == this.shortName);
	}

	/** Whether values complete: from fixed choices, file paths or a completer. */
	public boolean completes() {
		return !this.choices.isEmpty() || this.file || this.completer != null;
	}

}
