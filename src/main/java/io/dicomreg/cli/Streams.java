package io.dicomreg.cli;

import java.io.PrintStream;

/**
 * The standard output and error streams of this run, replaceable in tests.
 *
 * @param out where results go
 * @param err where errors and notices go
 */
public record Streams(PrintStream out, PrintStream err) {

	public static Streams system() {
		return new Streams(System.out, System.err);
	}

}
