package io.dicomreg.output;

import java.io.PrintWriter;

/**
 * Messages for the person at the keyboard that are not the command's result (sign-in
 * instructions, notes): the error stream in one-shot mode, so that standard output stays
 * parseable, and the terminal in the shell.
 */
public class Notices {

	private PrintWriter writer;

	public Notices(PrintWriter writer) {
		this.writer = writer;
	}

	/** Sends later notices to {@code writer}. */
	public void use(PrintWriter writer) {
		this.writer = writer;
	}

	/** Where notices go now: for output that must go there too, such as a script's failed lines. */
	public PrintWriter writer() {
		return this.writer;
	}

	public void println(String message) {
		this.writer.println(SafeText.lines(message));
		this.writer.flush();
	}

}
