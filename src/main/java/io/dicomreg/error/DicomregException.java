package io.dicomreg.error;

/**
 * A failure to report to the user as one line, with the exit code it maps to.
 * <p>
 * The message must never contain a secret or a token. The cause, when there is one, is
 * only shown with {@code --verbose}.
 */
public class DicomregException extends RuntimeException {

	private final ExitCode exitCode;

	private final String requestId;

	private DicomregException(ExitCode exitCode, String message, String requestId, Throwable cause) {
		super(message, cause);
		this.exitCode = exitCode;
		this.requestId = requestId;
	}

	/** Bad input from the user: an unknown option, a missing value, a malformed value. */
	public static DicomregException invalidInput(String message) {
		return new DicomregException(ExitCode.USAGE, message, null, null);
	}

	/** An operation that was tried and failed. */
	public static DicomregException failure(String message) {
		return new DicomregException(ExitCode.FAILURE, message, null, null);
	}

	/** An operation that was tried and failed because of {@code cause}. */
	public static DicomregException failure(String message, Throwable cause) {
		return new DicomregException(ExitCode.FAILURE, message, null, cause);
	}

	/** A failure reported by a remote service, with the request id it gave. */
	public static DicomregException service(String message, String requestId, Throwable cause) {
		return new DicomregException(ExitCode.FAILURE, message, requestId, cause);
	}

	/**
	 * A failure whose details were already reported, line by line (a script's): only the exit code
	 * is left to give.
	 */
	public static DicomregException alreadyReported(ExitCode exitCode) {
		return new DicomregException(exitCode, null, null, null);
	}

	/** Whether the details were already reported, so that nothing more is printed. */
	public boolean isAlreadyReported() {
		return getMessage() == null;
	}

	/** A command that needs a signed-in context was used without one. */
	public static DicomregException notSignedIn() {
		return failure("You are not signed in. Run 'login' first.");
	}

	public ExitCode getExitCode() {
		return this.exitCode;
	}

	/** The request id of the failed service call, or {@code null}. */
	public String getRequestId() {
		return this.requestId;
	}

}
