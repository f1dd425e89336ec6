package io.dicomreg.cli.catalogue;

/**
 * What a command does in a dry run ({@code --dry-run}, or a line of a script run with it).
 */
public enum DryRunMode {

	/** It reads everything and notes what it would change instead of changing it: its plan replaces its output. */
	PLAN,

	/** It runs other commands, each of which shows its own plan (a script). */
	PASS_THROUGH,

	/**
	 * It cannot be dry-run itself, but a dry-run script still runs it for real: signing in changes no
	 * application, and the lines after it need it.
	 */
	RUN_FOR_REAL,

	/** It changes this machine, not the tenant, and could not be left undone: refused in any dry run. */
	REFUSE;

	/** Whether the command takes {@code --dry-run}. */
	public boolean acceptsOption() {
		return this == PLAN || this == PASS_THROUGH;
	}

}
