package io.dicomreg.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import io.dicomreg.error.DicomregException;

/**
 * Turns option values into file paths, with a usage error naming the option for a path the file
 * system cannot have.
 */
final class Paths {

	private Paths() {
	}

	/** The path {@code value} names, or {@code null} when the option was not given. */
	static Path of(String value, String option) {
		if (value == null) {
			return null;
		}
		if (value.isBlank()) {
			throw DicomregException.invalidInput(option + " needs a file path.");
		}
		try {
			return Path.of(value.strip());
		}
		catch (InvalidPathException ex) {
			throw DicomregException.invalidInput(option + " is not a usable file path.");
		}
	}

}
