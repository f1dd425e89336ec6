package io.dicomreg.files;

import java.nio.file.Path;

/**
 * Why a file the user named cannot be read; {@link #reason()} says it in words for a one-line error.
 */
public class InputFileException extends Exception {

	private final Problem problem;

	private final Path file;

	private final long maxBytes;

	InputFileException(Problem problem, Path file, long maxBytes, Throwable cause) {
		super(problem + ": " + file, cause);
		this.problem = problem;
		this.file = file;
		this.maxBytes = maxBytes;
	}

	public Problem problem() {
		return this.problem;
	}

	public Path file() {
		return this.file;
	}

	/** What is wrong, to follow the file's name: "does not exist", "is a folder"... */
	public String reason() {
		return switch (this.problem) {
			case MISSING -> "does not exist";
			case FOLDER -> "is a folder, not a file";
			case NOT_A_FILE -> "is not a regular file (a pipe, a device or a socket)";
			case TOO_LARGE -> "is too large: at most " + describe(this.maxBytes) + " is read";
			case UNREADABLE -> "cannot be read" + ((getCause() != null && getCause().getMessage() != null
					&& getCause().getMessage().contains("ermission")) ? " (permission denied)" : "");
			case NOT_TEXT -> "is not text (UTF-8)";
		};
	}

	private static String describe(long bytes) {
		return (bytes >= 1024 * 1024) ? (bytes / (1024 * 1024)) + " MiB" : (bytes / 1024) + " KiB";
	}

	/** Why a file cannot be read. */
	public enum Problem {

		MISSING, FOLDER, NOT_A_FILE, TOO_LARGE, UNREADABLE, NOT_TEXT

	}

}
