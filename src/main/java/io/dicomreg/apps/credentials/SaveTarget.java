package io.dicomreg.apps.credentials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import io.dicomreg.error.DicomregException;

/**
 * Checks, before anything is created, that new files can be written where the user asked: they do
 * not exist yet and their folder exists and takes new files.
 */
final class SaveTarget {

	private SaveTarget() {
	}

	/**
	 * {@code path} made absolute, once checked.
	 * @param option the option that named it, for the error message
	 * @throws DicomregException (usage) when the file exists or its folder is missing or not writable
	 */
	static Path newFile(Path path, String option) {
		Path file = absolute(path, option);
		if (exists(file)) {
			throw DicomregException.invalidInput(option + " " + file + " already exists: dicomreg never overwrites it. "
					+ "Give a new file name, or move the old file away first.");
		}
		checkWritableFolder(file.getParent(), option);
		return file;
	}

	/**
	 * {@code path} made absolute and normalised.
	 * @throws DicomregException (usage) naming {@code option} when it is no usable path
	 */
	static Path absolute(Path path, String option) {
		try {
			return path.toAbsolutePath().normalize();
		}
		catch (InvalidPathException ex) {
			throw DicomregException.invalidInput(option + " is not a usable file path.");
		}
	}

	/** Whether something is at {@code file}, a dangling link included. */
	static boolean exists(Path file) {
		return Files.exists(file, LinkOption.NOFOLLOW_LINKS);
	}

	/** Throws unless {@code folder} exists and a file can be created in it (tried, not guessed). */
	static void checkWritableFolder(Path folder, String option) {
		if (folder == null || !Files.isDirectory(folder)) {
			throw DicomregException.invalidInput("The folder for " + option + " does not exist: " + folder + ".");
		}
		try {
			Files.delete(Files.createTempFile(folder, ".dicomreg", ".probe"));
		}
		catch (IOException | SecurityException ex) {
			throw DicomregException.invalidInput("Cannot write files in " + folder + " (given by " + option + ").");
		}
	}

	/** Throws if {@code file} appeared since it was checked. */
	static void stillAbsent(Path file, String option) {
		if (exists(file)) {
			throw DicomregException.failure(option + " " + file + " appeared while dicomreg was working: not overwritten.");
		}
	}

}
