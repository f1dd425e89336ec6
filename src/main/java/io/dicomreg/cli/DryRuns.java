package io.dicomreg.cli;

import io.dicomreg.cli.catalogue.CommandSpec;
import io.dicomreg.error.DicomregException;

/**
 * The refusal of a dry run of a command that changes this machine rather than the tenant (signing
 * in or out, recording, the walkthrough), which it could not leave undone.
 */
final class DryRuns {

	private DryRuns() {
	}

	static DicomregException refused(CommandSpec command) {
		return DicomregException.invalidInput("'" + command.name() + "' cannot run in a dry run (--dry-run): it changes "
				+ "this machine, not the tenant's applications. Run it without --dry-run.");
	}

}
