package io.dicomreg.cli.script;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import io.dicomreg.cli.ShellWords;
import io.dicomreg.cli.catalogue.OptionSpec;
import io.dicomreg.cli.catalogue.ParsedCommand;
import io.dicomreg.cli.catalogue.Traits;
import io.dicomreg.error.DicomregException;

/**
 * Records the commands typed in the shell, as they ran, into a script: each one that succeeded,
 * written at once, quoted so that a replay reads the same words. Commands never carry a secret
 * value (those are read masked, from files or from variables), and the shell's own commands
 * (help, history, recording itself) are left out.
 */
public class Recorder {

	private final Clock clock;

	private final Function<List<String>, ParsedCommand> parser;

	private Path file;

	private int recorded;

	/**
	 * @param clock the clock of the header's date
	 * @param parser how a line is parsed, to learn what its command is and declares
	 */
	public Recorder(Clock clock, Function<List<String>, ParsedCommand> parser) {
		this.clock = clock;
		this.parser = parser;
	}

	/**
	 * Starts recording into {@code file}, a new file.
	 * @throws DicomregException (usage) when already recording, or the file exists or cannot be written
	 */
	public Path start(Path file) {
		if (this.file != null) {
			throw DicomregException.invalidInput("Already recording into " + this.file + ": 'record stop' first.");
		}
		Path target = file.toAbsolutePath().normalize();
		try {
			Files.write(target, List.of("# dicomreg script recorded in the shell on " + LocalDate.now(this.clock) + ".",
					"# Replay it with: dicomreg " + ScriptCommands.NAME + " " + target.getFileName(), ""), StandardCharsets.UTF_8,
					StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
		}
		catch (FileAlreadyExistsException ex) {
			throw DicomregException.invalidInput(target + " already exists: dicomreg never overwrites it. Name a new file.");
		}
		catch (IOException ex) {
			throw DicomregException.invalidInput("Cannot write " + target + ": " + ex.getMessage());
		}
		this.file = target;
		this.recorded = 0;
		return target;
	}

	/**
	 * Stops recording.
	 * @return the file and how many commands went into it
	 * @throws DicomregException (usage) when not recording
	 */
	public Recording stop() {
		if (this.file == null) {
			throw DicomregException.invalidInput("Not recording: 'record start FILE' starts.");
		}
		Recording done = new Recording(this.file, this.recorded);
		this.file = null;
		return done;
	}

	/** The recording going on, if any. */
	public Optional<Recording> current() {
		return Optional.ofNullable(this.file).map(path -> new Recording(path, this.recorded));
	}

	/**
	 * Adds a command that ran successfully, as its command declares ({@link Traits#recorded()}),
	 * unless it was help or a dry run. A confirmed command is written with the flag that answers its
	 * question ({@link Traits#confirmedBy()}), since a replay cannot answer.
	 * @return a note for the person when the line cannot replay as it is, or when recording had to
	 * stop; else {@code null}
	 */
	public String offer(String line) {
		if (this.file == null) {
			return null;
		}
		List<String> words;
		ParsedCommand parsed;
		try {
			words = new ArrayList<>(ShellWords.split(line));
			parsed = this.parser.apply(words);
		}
		catch (DicomregException ex) {
			return null;
		}
		Traits traits = parsed.command().traits();
		if (parsed.wantsHelp() || parsed.wantsDryRun() || traits.recorded() == io.dicomreg.cli.catalogue.Recording.NEVER) {
			return null;
		}
		if (traits.recorded() == io.dicomreg.cli.catalogue.Recording.AS_COMMENT) {
			return write(List.of("# (a script ran here: " + String.join(" ", quoted(words)) + ")"), false);
		}
		if (!traits.confirmedBy().isEmpty() && !parsed.flag(traits.confirmedBy())) {
			words.add("--" + traits.confirmedBy());
		}
		if (asksForAPassword(parsed)) {
			String option = "--" + traits.passwordFrom();
			String failed = write(List.of("# The next line asks for the PFX password: add " + option + " VAR to replay it.",
					String.join(" ", quoted(words))), true);
			return (failed != null) ? failed : "The PFX password was asked for at the prompt: add " + option + " VAR "
					+ "to that line of " + this.file.getFileName() + " before replaying it.";
		}
		return write(List.of(String.join(" ", quoted(words))), true);
	}

	/** Whether the command read a PFX file without the option that names a variable for its password. */
	private static boolean asksForAPassword(ParsedCommand parsed) {
		String passwordFrom = parsed.command().traits().passwordFrom();
		if (passwordFrom.isEmpty() || parsed.options().containsKey(passwordFrom)) {
			return false;
		}
		return parsed.command().options().stream().filter(OptionSpec::file)
			.flatMap(option -> parsed.values(option.longName()).stream())
			.map(value -> value.toLowerCase(Locale.ROOT))
			.anyMatch(value -> value.endsWith(".pfx") || value.endsWith(".p12"));
	}

	private static List<String> quoted(List<String> words) {
		return words.stream().map(ShellWords::quote).toList();
	}

	/** Appends lines; if that fails, recording stops and the note says so. */
	private String write(List<String> lines, boolean command) {
		try {
			Files.write(this.file, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
			if (command) {
				this.recorded++;
			}
			return null;
		}
		catch (IOException ex) {
			Path lost = this.file;
			this.file = null;
			return "Recording stopped: could not add to " + lost + " (" + ex.getClass().getSimpleName() + ").";
		}
	}

	/**
	 * A recording.
	 *
	 * @param file the script file
	 * @param commands how many commands it holds
	 */
	public record Recording(Path file, int commands) {
	}

}
