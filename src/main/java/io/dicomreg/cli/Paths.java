package io.dicomreg.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import io.dicomreg.error.DicomregException;

/**
 * Turns option values into file paths, with a usage error naming the option for a path the file
 * system cannot have. A leading {@code ~/} is the home folder, as a shell would expand it: typed in
 * dicomreg's own shell, nobody else expands it.
 */
public final class Paths {

	private Paths() {
	}

	/** The path {@code value} names, or {@code null} when the option was not given. */
	public static Path of(String value, String option) {
		if (value == null) {
			return null;
		}
		if (value.isBlank()) {
			throw DicomregException.invalidInput(option + " needs a file path.");
		}
		String path = value.strip();
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
