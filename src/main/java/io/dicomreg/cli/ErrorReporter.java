package io.dicomreg.cli;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;

import org.springframework.core.convert.ConversionFailedException;
import org.springframework.shell.core.command.CommandExecutionException;

import io.dicomreg.error.DicomregException;
import io.dicomreg.error.ExitCode;
import io.dicomreg.output.SafeText;

/**
 * Reports a failed command as one line on the error stream and chooses its exit code; with
 * {@code --verbose} it adds the request id and the stack trace.
 */
public class ErrorReporter {

	private final boolean verbose;

	public ErrorReporter(boolean verbose) {
		this.verbose = verbose;
	}

	/** Prints the error and returns the exit code it maps to. */
	public ExitCode report(Throwable failure, PrintWriter err) {
		return report(failure, err, "Error: ");
	}

	/**
	 * Prints the error after {@code prefix} (a script's {@code FILE:LINE: command: }) and returns the
	 * exit code it maps to.
	 */
	public ExitCode report(Throwable failure, PrintWriter err, String prefix) {
		Throwable cause = unwrap(failure);
		ExitCode code;
		String message;
		if (cause instanceof DicomregException dicomreg && dicomreg.isAlreadyReported()) {
			return dicomreg.getExitCode();
		}
		if (cause instanceof DicomregException dicomreg) {
			code = dicomreg.getExitCode();
			message = dicomreg.getMessage();
		}
		else if (cause instanceof ConversionFailedException conversion) {
			code = ExitCode.USAGE;
			message = "Invalid value '" + conversion.getValue() + "': expected "
					+ conversion.getTargetType().getType().getSimpleName().toLowerCase() + ".";
		}
		else {
			code = ExitCode.FAILURE;
			message = "Unexpected error: " + cause.getClass().getSimpleName()
					+ ((cause.getMessage() != null) ? ": " + cause.getMessage().lines().findFirst().orElse("") : "")
					+ (this.verbose ? "" : " (run with --verbose for details)");
		}
		err.println(SafeText.of(prefix + message));
		if (this.verbose) {
			printDetails(cause, err);
		}
		err.flush();
		return code;
	}

	private static void printDetails(Throwable cause, PrintWriter err) {
		if (cause instanceof DicomregException dicomreg && dicomreg.getRequestId() != null) {
			err.println("Request id: " + dicomreg.getRequestId());
		}
		Throwable detail = (cause instanceof DicomregException && cause.getCause() != null) ? cause.getCause() : cause;
		detail.printStackTrace(err);
	}

	private static Throwable unwrap(Throwable failure) {
		Throwable current = failure;
		while ((current instanceof CommandExecutionException || current instanceof InvocationTargetException)
				&& current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

}
