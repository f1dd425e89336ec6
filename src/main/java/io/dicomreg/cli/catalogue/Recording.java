package io.dicomreg.cli.catalogue;

/**
 * How {@code record} writes a command that succeeded into the script being recorded.
 */
public enum Recording {

	/** As typed (re-quoted), so that a replay does the same. */
	AS_TYPED,

	/** Left out: it is about the shell or this machine, and a replay has no use for it. */
	NEVER,

	/** As a comment that says it ran (a script: its lines are not replayed twice). */
	AS_COMMENT

}
