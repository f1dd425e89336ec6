package io.dicomreg.apps.credentials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import io.dicomreg.error.DicomregException;
import io.dicomreg.error.TextRules;
import io.dicomreg.error.Subject;

/**
 * Checks, before anything is created, that new files can be written where the user asked: they do
 * not exist yet and their folder exists and takes new files.
 */
public final class SaveTarget {

	/** The longest name of one file or folder most file systems take, in bytes. */
	private static final int MAX_NAME_BYTES = 255;

	private SaveTarget() {
	}

	/**
	 * {@code path} made absolute, once checked.
	 * @param subject the file's part in the domain, for the error message
	 * @throws DicomregException (usage) when the file exists or its folder is missing or not writable
	 */
	public static Path newFile(Path path, Subject subject) {
		Path file = absolute(path, subject);
		if (exists(file)) {
			throw DicomregException.invalid(subject, " " + file + " already exists: dicomreg never overwrites it. "
					+ "Give a new file name, or move the old file away first.");
		}
		checkWritableFolder(file.getParent(), subject);
		return file;
	}

	/**
	 * {@code path} made absolute and normalised.
	 * @throws DicomregException (usage) naming {@code subject} when it is no usable path
	 */
	public static Path absolute(Path path, Subject subject) {
		TextRules.requirePlainText(subject, path.toString());
		for (Path part : path) {
			if (part.toString().getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
				throw DicomregException.invalid(subject, " has a file or folder name of more than " + MAX_NAME_BYTES
						+ " bytes, which no file system here takes: give a shorter one.");
			}
		}
		try {
			return path.toAbsolutePath().normalize();
		}
		catch (InvalidPathException ex) {
			throw DicomregException.invalid(subject, " is not a usable file path.");
		}
	}

	/** Whether something is at {@code file}, a dangling link included. */
	static boolean exists(Path file) {
		return Files.exists(file, LinkOption.NOFOLLOW_LINKS);
	}

	/** Throws unless {@code folder} exists and a file can be created in it (tried, not guessed). */
	public static void checkWritableFolder(Path folder, Subject subject) {
		if (folder == null || !Files.isDirectory(folder)) {
			throw DicomregException.invalidNaming(subject, "The folder for {} does not exist: " + folder + ".");
		}
		try {
			Files.delete(Files.createTempFile(folder, ".dicomreg", ".probe"));
		}
		catch (IOException | SecurityException ex) {
			throw DicomregException.invalidNaming(subject, "Cannot write files in " + folder + " (given by {}).");
		}
	}

	/** Throws if {@code file} appeared since it was checked. */
	static void stillAbsent(Path file, Subject subject) {
		if (exists(file)) {
			throw DicomregException.failure(Subject.capitalized(subject.noun()) + " " + file
					+ " appeared while dicomreg was working: not overwritten.");
		}
	}

}
