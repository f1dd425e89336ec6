package io.dicomreg.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.dicomreg.DicomregApplication;
import io.dicomreg.cli.Streams;
import io.dicomreg.config.DicomregHome;

/**
 * Runs dicomreg in this JVM on a terminal that a test types into, as a person would at a real one:
 * it waits for text to appear, then sends keys.
 */
public final class TerminalSession implements AutoCloseable {

	private static final Pattern ESCAPES = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]|\u001B[()][0-9A-Za-z]|\u001B[=>78]|\r");

	private static final Duration WAIT = Duration.ofSeconds(60);

	private final PipedOutputStream keys;

	private final ByteArrayOutputStream screen;

	private final ByteArrayOutputStream errors;

	private final CompletableFuture<Integer> exit;

	private int seen;

	private TerminalSession(PipedOutputStream keys, ByteArrayOutputStream screen, ByteArrayOutputStream errors,
			CompletableFuture<Integer> exit) {
		this.keys = keys;
		this.screen = screen;
		this.errors = errors;
		this.exit = exit;
		exit.whenComplete((code, failure) -> {
			synchronized (screen) {
				screen.notifyAll();
			}
		});
	}

	/** Starts dicomreg with these arguments (none: the interactive shell) and {@code home} as its home. */
	public static TerminalSession start(Path home, String... args) {
		try {
			PipedInputStream in = new PipedInputStream(64 * 1024);
			PipedOutputStream keys = new PipedOutputStream(in);
			ByteArrayOutputStream screen = new ByteArrayOutputStream();
			ByteArrayOutputStream errors = new ByteArrayOutputStream();
			Streams streams = Streams.terminal(in, new PrintStream(synchronizedStream(screen), true, StandardCharsets.UTF_8),
					new PrintStream(synchronizedStream(errors), true, StandardCharsets.UTF_8));
			// A thread of its own, not the common pool: on a machine with more cores the common pool runs
			// everyone's asynchronous work (MSAL's among it), and shells of concurrent tests waiting there for keys
			// would hold its few workers.
			CompletableFuture<Integer> exit = new CompletableFuture<>();
			Thread shell = new Thread(() -> {
				try {
					exit.complete(DicomregApplication.run(args, streams, new DicomregHome(home)));
				}
				catch (Throwable ex) {
					exit.completeExceptionally(ex);
				}
			}, "dicomreg-terminal-session");
			shell.setDaemon(true);
			shell.start();
			return new TerminalSession(keys, screen, errors, exit);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Waits until {@code text} appears after what the last expectation matched, and moves past it;
	 * line breaks count as spaces.
	 */
	public TerminalSession expect(String text) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		String wanted = oneLine(text);
		synchronized (this.screen) {
			while (true) {
				String shown = oneLine(text());
				int at = shown.indexOf(wanted, this.seen);
				if (at >= 0) {
					this.seen = at + wanted.length();
					return this;
				}
				long left = deadline - System.nanoTime();
				if (left <= 0 || this.exit.isDone()) {
					break;
				}
				try {
					// Woken by every write to the screen and by the end of the run.
					this.screen.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new AssertionError(ex);
				}
			}
		}
		throw new AssertionError("Expected '" + text + "' on the terminal; it shows, after what was already seen:\n"
				+ oneLine(text()).substring(Math.min(this.seen, oneLine(text()).length())) + "\n--- stderr:\n" + errors());
	}

	/** Text with every run of white space as one space: prose wrapped to the terminal still matches. */
	private static String oneLine(String text) {
		return text.replaceAll("\\s+", " ");
	}

	/** Sends keys as typed. */
	public TerminalSession type(String typed) {
		try {
			this.keys.write(typed.getBytes(StandardCharsets.UTF_8));
			this.keys.flush();
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Types a line and Enter. */
	public TerminalSession enter(String line) {
		return type(line + "\r");
	}

	/** Waits for the text, then types the answer and Enter. */
	public TerminalSession answer(String prompt, String line) {
		return expect(prompt).enter(line);
	}

	/** Ends the input, as closing the terminal would, and waits for dicomreg to exit. */
	public int endInput() {
		try {
			this.keys.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return exitCode();
	}

	public int exitCode() {
		try {
			return this.exit.get(WAIT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new AssertionError("dicomreg did not exit; the terminal shows:\n" + text(), ex);
		}
	}

	/** Everything shown so far, without terminal control sequences. */
	public String text() {
		return ESCAPES.matcher(raw()).replaceAll("");
	}

	/** Everything shown so far, control sequences included. */
	public String raw() {
		synchronized (this.screen) {
			return this.screen.toString(StandardCharsets.UTF_8);
		}
	}

	public String errors() {
		synchronized (this.errors) {
			return this.errors.toString(StandardCharsets.UTF_8);
		}
	}

	@Override
	public void close() {
		if (!this.exit.isDone()) {
			endInput();
		}
	}

	private static java.io.OutputStream synchronizedStream(ByteArrayOutputStream target) {
		return new java.io.OutputStream() {

			@Override
			public void write(int b) {
				synchronized (target) {
					target.write(b);
					target.notifyAll();
				}
			}

			@Override
			public void write(byte[] b, int off, int len) {
				synchronized (target) {
					target.write(b, off, len);
					target.notifyAll();
				}
			}

		};
	}

	/** The lines shown, for assertions on the final screen. */
	public List<String> lines() {
		return new ArrayList<>(text().lines().toList());
	}

}
