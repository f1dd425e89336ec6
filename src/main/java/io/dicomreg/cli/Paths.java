package io.dicomreg.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import io.dicomreg.error.DicomregException;
import io.dicomreg.error.TextRules;

/**
 * Turns option values into file paths, with a usage error naming the option for a path the file
 * system cannot have. A leading {@code ~/} is the home folder, as a shell would expand it: typed in
 * dicomreg's own shell, nobody else expands it.
 */
public final class Paths {

	/** The longest name of one file or folder most file systems take, in bytes. */
	static final int MAX_NAME_BYTES = 255;

	private Paths() {
	}

	/** The path {@code value} names, or {@code null} when the option was not given. */
	public static Path of(String value, String option) {
		if (value == null) {
			return null;
		}
		if (value.isBlank()) {
			throw DicomregException.invalidInput(option + " is empty: give a file path.");
		}
		String path = value.strip();
		TextRules.plainTextProblem(path).ifPresent(problem -> {
			throw DicomregException.invalidInput(option + problem);
		});
		for (String part : path.split("/")) {
			if (part.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
				throw DicomregException.invalidInput(option + " has a file or folder name of more than " + MAX_NAME_BYTES
						+ " bytes, which no file system here takes: give a shorter one.");
			}
		}
		try {
			return (path.equals("~") || path.startsWith("~/"))
					? Path.of(System.getProperty("user.home")).resolve(path.substring(1).replaceFirst("^/", ""))
					: Path.of(path);
		}
		catch (InvalidPathException ex) {
			throw DicomregException.invalidInput(option + " is not a usable file path.");
		}
	}

}
