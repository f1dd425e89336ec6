package io.dicomreg.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;

import javax.net.ssl.SSLHandshakeException;


import io.dicomreg.error.DicomregException;
import io.dicomreg.error.ExitCode;
import io.dicomreg.error.SecretShapes;
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
		else if (in(cause, SSLHandshakeException.class) != null) {
			code = ExitCode.FAILURE;
			message = "The secure connection failed: the server's TLS certificate is not trusted ("
					+ firstLine(in(cause, SSLHandshakeException.class)) + "). For a custom endpoint, trust its CA in "
					+ "the JVM (javax.net.ssl.trustStore; see 'dicomreg --help').";
		}
		else if (in(cause, java.net.ConnectException.class) != null) {
			code = ExitCode.FAILURE;
			message = "Cannot connect: " + firstLine(in(cause, java.net.ConnectException.class))
					+ ". Check the network, or the endpoint given with --authority-host or --graph-endpoint.";
		}
		else {
			code = ExitCode.FAILURE;
			message = "Unexpected error: " + cause.getClass().getSimpleName()
					+ ((cause.getMessage() != null) ? ": " + cause.getMessage().lines().findFirst().orElse("") : "")
					+ (this.verbose ? "" : " (run with --verbose for details)");
		}
		err.println(SafeText.of(SecretShapes.redact(prefix + message)));
		if (this.verbose) {
			StringWriter details = new StringWriter();
			printDetails(cause, new PrintWriter(details));
			err.print(SecretShapes.redact(details.toString()));
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

	/**
	 * The failure to report: a {@link DicomregException} anywhere in the chain of causes (libraries
	 * such as MSAL wrap what a callback of ours threw), else the failure with its wrappers removed.
	 */
	private static Throwable unwrap(Throwable failure) {
		DicomregException ours = in(failure, DicomregException.class);
		if (ours != null) {
			return ours;
		}
		Throwable current = failure;
		while ((current instanceof InvocationTargetException || current instanceof java.util.concurrent.CompletionException
				|| current instanceof java.util.concurrent.ExecutionException) && current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

	/** The first throwable of {@code type} in the chain of causes of {@code failure}, or {@code null}. */
	private static <T extends Throwable> T in(Throwable failure, Class<T> type) {
		for (Throwable current = failure; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
			if (current.getCause() == current) {
				break;
			}
		}
		return null;
	}

	private static String firstLine(Throwable failure) {
		return (failure.getMessage() != null) ? failure.getMessage().lines().findFirst().orElse("")
				: failure.getClass().getSimpleName();
	}

}
