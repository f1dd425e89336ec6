package io.dicomreg.cli;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The standard streams of this run, replaceable in tests.
 *
 * @param in where typed input comes from
 * @param out where results go
 * @param err where errors and notices go
 * @param processStreams whether these are the process's own streams (the terminal is then the system's)
 * @param interactive whether a person can answer prompts on them
 */
public record Streams(InputStream in, PrintStream out, PrintStream err, boolean processStreams, boolean interactive) {

	/** Output streams only: nothing can be typed, as in a one-shot run in a pipeline. */
	public Streams(PrintStream out, PrintStream err) {
		this(InputStream.nullInputStream(), out, err, false, false);
	}

	/** The process's streams; interactive when both standard input and output are a terminal. */
	public static Streams system() {
		return new Streams(System.in, System.out, System.err, true, System.console() != null);
	}

	/** Streams a test types into as if they were a terminal. */
	public static Streams terminal(InputStream in, PrintStream out, PrintStream err) {
		return new Streams(in, out, err, false, true);
	}

}
