package io.dicomreg.cli.walkthrough;

/**
 * Thrown by a prompt when the person asks to leave the current step instead of answering.
 */
public final class Navigation extends RuntimeException {

	private final Kind kind;

	private Navigation(Kind kind) {
		super(kind.name(), null, false, false);
		this.kind = kind;
	}

	public static Navigation back() {
		return new Navigation(Kind.BACK);
	}

	public static Navigation skip() {
		return new Navigation(Kind.SKIP);
	}

	public static Navigation quit() {
		return new Navigation(Kind.QUIT);
	}

	/** Ask the step's questions again (the person did not confirm). */
	public static Navigation redo() {
		return new Navigation(Kind.REDO);
	}

	public Kind kind() {
		return this.kind;
	}

	/** Where the person wants to go. */
	public enum Kind {
		BACK, SKIP, QUIT, REDO
	}

}
