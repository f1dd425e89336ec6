package io.dicomreg.error;

/**
 * Process exit codes of a one-shot run: 0 success, 1 failed operation, 2 bad usage.
 */
public enum ExitCode {

	OK(0), FAILURE(1), USAGE(2);

	private final int code;

	ExitCode(int code) {
		this.code = code;
	}

	public int code() {
		return this.code;
	}

}
