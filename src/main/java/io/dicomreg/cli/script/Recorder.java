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
	private static final Set<String> NOT_RECORDED = Set.of("record", "script", "walkthrough", "help", "history", "clear",
			"version", "exit", "quit");

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

	/** Adds a command that ran successfully, unless it is one of the shell's own or a dry run. */
	public void offer(String line) {
		if (this.file == null) {
			return;
		}
		List<String> words;
		try {
			words = ShellWords.split(line);
		}
		catch (DicomregException ex) {
			return;
		}
		if (words.isEmpty() || NOT_RECORDED.contains(words.get(0)) || words.contains("--dry-run") || words.contains("--help")
				|| words.contains("-h")) {
			return;
		}
		List<String> quoted = new ArrayList<>();
		words.forEach(word -> quoted.add(ShellWords.quote(word)));
		try {
			Files.writeString(this.file, String.join(" ", quoted) + System.lineSeparator(), StandardCharsets.UTF_8,
					StandardOpenOption.APPEND);
			this.recorded++;
		}
		catch (IOException ex) {
			throw DicomregException.failure("Could not add the command to " + this.file + ": " + ex.getMessage());
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
