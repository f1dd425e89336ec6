package io.dicomreg.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.dicomreg.DicomregApplication;
import io.dicomreg.cli.Streams;
import io.dicomreg.config.DicomregHome;

/**
 * Runs dicomreg one-shot in this JVM, as {@code main} would, with its own dicomreg home, and
 * captures what it prints.
 */
public final class TestShell {

	private final Path home;

	private final List<String> globalOptions;

	public TestShell(Path home, String... globalOptions) {
		this.home = home;
		this.globalOptions = List.of(globalOptions);
	}

	/** Runs one command line (split into words) after the global options. */
	public Result run(String... words) {
		List<String> args = new ArrayList<>(this.globalOptions);
		args.addAll(List.of(words));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = DicomregApplication.run(args.toArray(String[]::new), new Streams(
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)),
				new DicomregHome(this.home));
		return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	/**
	 * What one run printed and how it exited.
	 *
	 * @param exitCode the process exit code it would have
	 * @param out standard output
	 * @param err standard error
	 */
	public record Result(int exitCode, String out, String err) {

		/** Everything printed, for searches such as "the secret appears nowhere". */
		public String all() {
			return this.out + this.err;
		}

	}

}
