package io.dicomreg.sandbox;

import java.nio.file.Path;

/**
 * Thrown when a sandbox state file exists but cannot be used; the file is left exactly as it was.
 */
public class SandboxStateException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient Path stateFile;

	/**
	 * Creates the exception.
	 * @param stateFile the state file
	 * @param reason what is wrong with it, in a few words
	 * @param cause the underlying failure, may be null
	 */
	public SandboxStateException(Path stateFile, String reason, Throwable cause) {
		super("Sandbox state file " + stateFile + " is not a valid dicomreg sandbox state (" + reason
				+ "). Fix it or pass a new file name to start a fresh tenant.", cause);
		this.stateFile = stateFile;
	}

	public Path getStateFile() {
		return this.stateFile;
	}

}
