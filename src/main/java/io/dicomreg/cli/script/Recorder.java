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
import java.util.Set;

import io.dicomreg.cli.ShellWords;
import io.dicomreg.error.DicomregException;

/**
 * Records the commands typed in the shell, as they ran, into a script: each one that succeeded,
 * written at once, quoted so that a replay reads the same words. Commands never carry a secret
 * value (those are read masked, from files or from variables), and the shell's own commands
 * (help, history, recording itself) are left out.
 */
public class Recorder {

	/** Commands that are about the shell, not the tenant: a replay has no use for them. */
	private static final Set<String> NOT_RECORDED = Set.of("record", "walkthrough", "help", "history", "clear", "version",
			"exit", "quit", "whoami", "logout");

	private final Clock clock;

	private Path file;

	private int recorded;

	public Recorder(Clock clock) {
		this.clock = clock;
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
					"# Replay it with: dicomreg script " + target.getFileName(), ""), StandardCharsets.UTF_8,
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
	 * Adds a command that ran successfully, unless it is one of the shell's own, help or a dry run.
	 * A confirmed {@code app delete} is written with {@code --yes}, since a replay cannot answer.
	 * @return a note for the person when the line cannot replay as it is, or when recording had to
	 * stop; else {@code null}
	 */
	public String offer(String line) {
		if (this.file == null) {
			return null;
		}
		List<String> words;
		try {
			words = new ArrayList<>(ShellWords.split(line));
		}
		catch (DicomregException ex) {
			return null;
		}
		if (words.isEmpty() || words.stream().anyMatch(Recorder::isHelpOrDryRun)) {
			return null;
		}
		if (words.get(0).equals("script")) {
			return write(List.of("# (a script ran here: " + String.join(" ", quoted(words)) + ")"), false);
		}
		if (NOT_RECORDED.contains(words.get(0))) {
			return null;
		}
		if (words.size() >= 2 && words.get(0).equals("app") && words.get(1).equals("delete") && !words.contains("--yes")) {
			words.add("--yes");
		}
		if (asksForAPassword(words)) {
			String failed = write(List.of("# The next line asks for the PFX password: add --pfx-password-env VAR to replay it.",
					String.join(" ", quoted(words))), true);
			return (failed != null) ? failed : "The PFX password was asked for at the prompt: add --pfx-password-env VAR "
					+ "to that line of " + this.file.getFileName() + " before replaying it.";
		}
		return write(List.of(String.join(" ", quoted(words))), true);
	}

	private static boolean isHelpOrDryRun(String word) {
		return word.equals("-h") || word.equals("--help") || word.startsWith("--help=") || word.equals("--dry-run")
				|| (word.startsWith("--dry-run=") && !word.equalsIgnoreCase("--dry-run=false"));
	}

	/** Whether the command read a PFX file without naming a variable for its password. */
	private static boolean asksForAPassword(List<String> words) {
		boolean pfx = words.stream().map(word -> word.toLowerCase(Locale.ROOT))
			.anyMatch(word -> word.endsWith(".pfx") || word.endsWith(".p12"));
		return pfx && words.stream().noneMatch(word -> word.startsWith("--pfx-password-env")
				|| word.startsWith("--certificate-password-env"));
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
