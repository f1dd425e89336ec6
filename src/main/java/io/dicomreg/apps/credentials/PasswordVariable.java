package io.dicomreg.apps.credentials;

import java.util.function.Function;
import java.util.regex.Pattern;

import io.dicomreg.error.DicomregException;

/**
 * A password read from the environment variable the user named with {@code --pfx-password-env}.
 * Only a well-formed variable name is ever repeated in a message: anything else may be a password
 * pasted in the wrong place.
 */
final class PasswordVariable {

	static final String OPTION = "--pfx-password-env";

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private PasswordVariable() {
	}

	/**
	 * Checks the variable name.
	 * @throws DicomregException (usage) when it is not a variable name; the value is not repeated
	 */
	static String checkName(String name) {
		if (name == null || !NAME.matcher(name).matches()) {
			throw DicomregException.invalidInput(OPTION + " takes the NAME of an environment variable (letters, digits "
					+ "and _, not starting with a digit) that holds the password, never the password itself.");
		}
		return name;
	}

	/**
	 * The password held by variable {@code name}.
	 * @param allowEmpty whether an empty value is a usable password
	 * @throws DicomregException (usage) when the name is malformed or the variable is unset (or empty)
	 */
	static char[] read(String name, Function<String, String> environment, boolean allowEmpty) {
		String value = environment.apply(checkName(name));
		if (value == null) {
			throw DicomregException.invalidInput("The environment variable " + name + " given by " + OPTION + " is not set.");
		}
		if (value.isEmpty() && !allowEmpty) {
			throw DicomregException.invalidInput("The environment variable " + name + " given by " + OPTION
					+ " is empty: a PFX file needs a password.");
		}
		return value.toCharArray();
	}

}
