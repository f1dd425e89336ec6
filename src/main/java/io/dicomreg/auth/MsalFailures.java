package io.dicomreg.auth;

import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.microsoft.aad.msal4j.MsalException;
import com.microsoft.aad.msal4j.MsalInteractionRequiredException;
import com.microsoft.aad.msal4j.MsalServiceException;

import io.dicomreg.error.DicomregException;

/**
 * Turns MSAL failures into one-line errors with Entra's error code and trace id.
 */
final class MsalFailures {

	private static final Pattern TRACE_ID = Pattern.compile("Trace ID: ([0-9a-fA-F-]+)");

	private MsalFailures() {
	}

	/** A failed interactive or client-credential sign-in. */
	static RuntimeException translate(RuntimeException failure, String what) {
		Throwable cause = unwrap(failure);
		if (cause instanceof DicomregException dicomreg) {
			return dicomreg;
		}
		if (cause instanceof MsalServiceException service) {
			String traceId = traceId(service.getMessage());
			return DicomregException.service(what + " failed: " + firstLine(service.getMessage()) + " (error "
					+ service.errorCode() + requestIdSuffix(traceId) + ")", traceId, service);
		}
		if (cause instanceof MsalException msal) {
			return DicomregException.failure(what + " failed: " + firstLine(msal.getMessage()), msal);
		}
		return DicomregException.failure(what + " failed: " + describe(cause), cause);
	}

	/** A failed silent token request: the user has to sign in again. */
	static RuntimeException translateSilent(RuntimeException failure, Set<String> newScopes) {
		Throwable cause = unwrap(failure);
		if (cause instanceof MsalInteractionRequiredException required && !newScopes.isEmpty()) {
			String permissions = newScopes.stream().map(MsalFailures::permissionWord).collect(Collectors.joining(" --permission "));
			return DicomregException.failure("This command needs a permission your sign-in was not consented for ("
					+ required.errorCode() + "). Run 'login --permission " + permissions + "' once and consent when asked "
					+ "(an administrator can consent for the organization), then run the command again.", required);
		}
		if (cause instanceof MsalInteractionRequiredException required) {
			return DicomregException.failure("Your sign-in has expired or needs new consent ("
					+ required.errorCode() + "). Run 'login' again.", required);
		}
		return translate(failure, "Token refresh");
	}

	/** A Graph scope as its permission name (what {@code login --permission} takes); another API's scope whole. */
	private static String permissionWord(String scope) {
		int slash = scope.lastIndexOf('/');
		return (scope.startsWith("https://graph.") && slash > 0) ? scope.substring(slash + 1) : scope;
	}

	private static Throwable unwrap(Throwable failure) {
		Throwable current = failure;
		while ((current instanceof CompletionException || current instanceof ExecutionException)
				&& current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "no details given";
		}
		String line = message.strip().lines().findFirst().orElse("").strip();
		return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
	}

	private static String traceId(String message) {
		if (message == null) {
			return null;
		}
		Matcher matcher = TRACE_ID.matcher(message);
		return matcher.find() ? matcher.group(1) : null;
	}

	private static String requestIdSuffix(String traceId) {
		return (traceId != null) ? ", trace id " + traceId : "";
	}

	private static String describe(Throwable cause) {
		String message = cause.getMessage();
		return (message != null) ? firstLine(message) : cause.getClass().getSimpleName();
	}

}
