package io.dicomreg.pki;

import java.util.function.Function;
import java.util.regex.Pattern;

import io.dicomreg.error.DicomregException;
import io.dicomreg.error.Subject;

/**
 * A password read from the environment variable the user named with an option such as
 * {@code --pfx-password-env}: passwords are never option values. Only a well-formed variable name
 * is ever repeated in a message: anything else may be a password pasted in the wrong place.
 */
public final class PasswordVariable {

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private PasswordVariable() {
	}

	/** Whether {@code name} is a variable name: letters, digits and _, not starting with a digit. */
	public static boolean isName(String name) {
		return name != null && NAME.matcher(name).matches();
	}

	/**
	 * The password held by the variable {@code name}, which the caller checked with {@link #isName}.
	 * @param subject the variable's part in the domain, for the message
	 * @param allowEmpty whether an empty value is a usable password
	 * @throws DicomregException (usage) when the variable is unset, or empty and that is not allowed
	 */
	public static char[] read(Function<String, String> environment, Subject subject, String name, boolean allowEmpty) {
		String value = environment.apply(name);
		if (value == null) {
			throw DicomregException.invalid(subject, " (" + name + ") is not set.");
		}
		if (value.isEmpty() && !allowEmpty) {
			throw DicomregException.invalid(subject, " (" + name + ") is empty: a PFX file needs a password.");
		}
		return value.toCharArray();
	}

}
