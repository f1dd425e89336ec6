package io.dicomreg.pki;

import java.nio.file.Path;

/**
 * A certificate or key file that could not be read. Its {@link #problem()} says why, so that each
 * caller can say so in the words of its own option.
 */
public class KeyFileException extends Exception {

	private final Problem problem;

	KeyFileException(Problem problem, Path file, Throwable cause) {
		super(problem + ((file != null) ? ": " + file : ""), cause);
		this.problem = problem;
	}

	public Problem problem() {
		return this.problem;
	}

	/** Why the file itself could not be read, in words ("is too large: ..."), or {@code null}. */
	public String fileReason() {
		return (getCause() instanceof io.dicomreg.files.InputFileException input) ? input.reason() : null;
	}

	/** Why a file could not be read. */
	public enum Problem {

		/** There is no such file. */
		MISSING,

		/** It is a folder. */
		FOLDER,

		/** It cannot be read (permissions, I/O). */
		UNREADABLE,

		/** It is no regular file: a pipe, a device or a socket. */
		NOT_A_FILE,

		/** It is larger than any certificate or key file. */
		TOO_LARGE,

		/** It is PEM, but a block in it is malformed. */
		MALFORMED_PEM,

		/** It is a PFX that does not open: the password is wrong (or it is damaged). */
		PFX_NOT_OPENED,

		/** It is a PFX that opened, but what it holds cannot be read. */
		PFX_UNREADABLE;

		/** Whether the file itself could not be read, whatever it holds. */
		public boolean isFileAccess() {
			return this == MISSING || this == FOLDER || this == UNREADABLE || this == NOT_A_FILE || this == TOO_LARGE;
		}

	}

}
