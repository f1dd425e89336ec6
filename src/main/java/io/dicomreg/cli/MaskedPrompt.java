package io.dicomreg.cli;

import java.util.function.Supplier;


import io.dicomreg.error.DicomregException;

/**
 * Asks for a password at the terminal, masked and kept out of the history; where nobody can answer
 * it says which option gives the password instead.
 */
final class MaskedPrompt {

	private MaskedPrompt() {
	}

	/** A PFX password, asked only when the supplier is called. */
	static Supplier<char[]> pfxPassword(CommandRun run, String passwordOption) {
		return () -> {
			char[] password;
			try {
				password = run.input().readPassword("PFX password: ");
			}
			catch (UnsupportedOperationException ex) {
				throw DicomregException
					.invalidInput("No terminal to ask the PFX password: give it with " + passwordOption + " VAR.");
			}
			catch (Exception ex) {
				throw DicomregException.failure("Could not read the PFX password.");
			}
			if (password == null) {
				throw DicomregException.invalidInput("No PFX password given: type it, or use " + passwordOption + " VAR.");
			}
			return password;
		};
	}

}
