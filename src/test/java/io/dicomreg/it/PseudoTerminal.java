package io.dicomreg.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A process on a real pseudo-terminal (script(1)), typed into as a person would: wait until the expected text is on
 * the screen, then send keys. Nothing waits a fixed time: every wait ends as soon as the text appears, and fails with
 * the screen after {@link #TIMEOUT}. Closing it, or any failure, ends the whole process tree.
 */
final class PseudoTerminal implements AutoCloseable {

	static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final Path SCRIPT = Path.of("/usr/bin/script");

	private static final Pattern ESCAPES = Pattern
		.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]|\u001B[()][0-9A-Za-z]|\u001B[=>78]|\r");

	private final Process process;

	private final OutputStream keyboard;

	private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

	private boolean ended;

	private int seen;

	private PseudoTerminal(Process process) {
		this.process = process;
		this.keyboard = process.getOutputStream();
		Thread reader = new Thread(() -> read(process.getInputStream()), "pseudo-terminal-screen");
		reader.setDaemon(true);
		reader.start();
	}

	/** Skips the calling test where script(1) is missing; a test that does not call this fails there instead. */
	static void assumeAvailable() {
		assumeTrue(Files.isExecutable(SCRIPT), "needs script(1) for a pseudo-terminal");
	}

	/**
	 * Starts {@code command} in {@code directory} on a terminal of {@code columns} by {@code rows}.
	 * @param command the words of the command, quoted for the shell here
	 */
	static PseudoTerminal start(Path directory, int columns, int rows, List<String> command) {
		String shell = "stty cols " + columns + " rows " + rows + "; exec "
				+ command.stream().map(PseudoTerminal::quote).collect(Collectors.joining(" "));
		ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString(), "-qfec", shell, "/dev/null")
			.directory(directory.toFile())
			.redirectErrorStream(true);
		return new PseudoTerminal(ProcessRunner.start(builder));
	}

	/** dicomreg from the packaged jar, with {@code home} as its home, on a terminal of {@code columns} by {@code rows}. */
	static PseudoTerminal dicomreg(Path directory, Path home, int columns, int rows, String... args) {
		return start(directory, columns, rows, ProcessRunner.dicomregCommand(home, List.of(), List.of(args)));
	}

	/**
	 * Waits until {@code text} is on the screen after what the last expectation matched, and moves past it.
	 * @throws AssertionError when it does not appear within {@link #TIMEOUT} or the process ends first; the process
	 * tree is ended
	 */
	PseudoTerminal expect(String text) {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		String failure;
		synchronized (this.screen) {
			while (true) {
				String shown = text();
				int at = shown.indexOf(text, this.seen);
				if (at >= 0) {
					this.seen = at + text.length();
					return this;
				}
				long left = deadline - System.nanoTime();
				if (left <= 0 || this.ended) {
					failure = "'" + text + "' did not appear" + (this.ended ? " before the terminal closed" : " within " + TIMEOUT)
							+ "; the screen shows, after what was already seen:\n" + shown.substring(Math.min(this.seen, shown.length()));
					break;
				}
				try {
					this.screen.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					failure = "Interrupted while waiting for '" + text + "'";
					break;
				}
			}
		}
		close();
		throw new AssertionError(failure);
	}

	/** Sends keys as typed. */
	PseudoTerminal type(String keys) {
		try {
			this.keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
			this.keyboard.flush();
			return this;
		}
		catch (IOException ex) {
			close();
			throw new UncheckedIOException("The terminal no longer takes keys; it shows:\n" + text(), ex);
		}
	}

	/** Waits for the prompt, then types the answer and Enter. */
	PseudoTerminal answer(String prompt, String line) {
		return expect(prompt).type(line + "\r");
	}

	/**
	 * Waits for the process to exit.
	 * @throws AssertionError when it is still running after {@link #TIMEOUT}; the process tree is ended
	 */
	int exitCode() {
		try {
			if (!this.process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				close();
				throw new AssertionError("The process did not exit; the terminal shows:\n" + text());
			}
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			close();
			throw new AssertionError("Interrupted while waiting for the process to exit", ex);
		}
	}

	/** Everything shown so far, without terminal control sequences. */
	String text() {
		synchronized (this.screen) {
			return ESCAPES.matcher(this.screen.toString(StandardCharsets.UTF_8)).replaceAll("");
		}
	}

	/** Ends the input and, if it is still running, the whole process tree. */
	@Override
	public void close() {
		try {
			this.keyboard.close();
		}
		catch (IOException ex) {
			// Already closed.
		}
		if (this.process.isAlive() || this.process.descendants().findAny().isPresent()) {
			ProcessRunner.destroyTree(this.process);
		}
	}

	private void read(InputStream stream) {
		byte[] buffer = new byte[8192];
		try (stream) {
			for (int read = stream.read(buffer); read >= 0; read = stream.read(buffer)) {
				synchronized (this.screen) {
					this.screen.write(buffer, 0, read);
					this.screen.notifyAll();
				}
			}
		}
		catch (IOException ex) {
			// The terminal is gone: the screen keeps what was shown.
		}
		finally {
			synchronized (this.screen) {
				this.ended = true;
				this.screen.notifyAll();
			}
		}
	}

	/** Quotes a word for sh unless it is plain. */
	private static String quote(String word) {
		return word.matches("[A-Za-z0-9_./=:@%+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
	}

}
