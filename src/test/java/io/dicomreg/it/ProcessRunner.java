package io.dicomreg.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one process for a jar test: the packaged dicomreg, the launcher, or any command. It waits for the process
 * to exit within a timeout, reads what it prints as it prints it, and on a timeout or any failure while waiting ends
 * the whole process tree (the launcher's JVM, a pseudo-terminal's shell) before failing the test.
 */
final class ProcessRunner {

	static final Duration TIMEOUT = Duration.ofSeconds(180);

	private final List<String> command;

	private Path directory;

	private String input;

	private final Map<String, String> environment = new LinkedHashMap<>();

	private final List<String> removedVariables = new ArrayList<>();

	private Duration timeout = TIMEOUT;

	private ProcessRunner(List<String> command) {
		this.command = List.copyOf(command);
	}

	/** Any command. */
	static ProcessRunner command(List<String> command) {
		return new ProcessRunner(command);
	}

	/** {@code java -Ddicomreg.home=HOME -jar dicomreg.jar ARGS}: the packaged jar as a user runs it. */
	static ProcessRunner dicomreg(Path home, String... args) {
		return dicomreg(home, List.of(), args);
	}

	/** The packaged jar with extra JVM options before {@code -jar}. */
	static ProcessRunner dicomreg(Path home, List<String> jvmOptions, String... args) {
		return new ProcessRunner(dicomregCommand(home, jvmOptions, List.of(args)));
	}

	/**
	 * JVM options for the jar's short runs here: only the quick compiler and the serial collector, which about halve
	 * the processor time of a start on two cores, and the context the build wrote ahead of time (Spring AOT), as the
	 * launcher runs it. They change how the JVM compiles and collects, not what dicomreg does; the launcher's own runs
	 * (LauncherIT) keep the options the launcher chooses.
	 */
	static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:+UseSerialGC",
			"-Dspring.aot.enabled=true");

	/** The words that start the packaged jar; a pseudo-terminal runs them too. */
	static List<String> dicomregCommand(Path home, List<String> jvmOptions, List<String> args) {
		List<String> words = new ArrayList<>(List.of(java(), "-Ddicomreg.home=" + home));
		words.addAll(QUICK_START);
		words.addAll(jvmOptions);
		words.addAll(List.of("-jar", jar()));
		words.addAll(args);
		return words;
	}

	static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** The jar the build packaged, handed in by the failsafe configuration. */
	static String jar() {
		String jar = System.getProperty("dicomreg.jar");
		if (jar == null) {
			throw new IllegalStateException("The system property dicomreg.jar names no jar: run the jar tests with failsafe");
		}
		return jar;
	}

	/** The working directory; the test's own by default. */
	ProcessRunner in(Path directory) {
		this.directory = directory;
		return this;
	}

	/** Text for standard input, which is then closed; without it standard input is empty. */
	ProcessRunner input(String text) {
		this.input = text;
		return this;
	}

	ProcessRunner environment(String name, String value) {
		this.environment.put(name, value);
		return this;
	}

	ProcessRunner withoutEnvironment(String name) {
		this.removedVariables.add(name);
		return this;
	}

	ProcessRunner timeout(Duration timeout) {
		this.timeout = timeout;
		return this;
	}

	/**
	 * Runs the command to its end.
	 * @throws AssertionError when it does not end within the timeout; the process tree is ended first
	 */
	Run run() {
		ProcessBuilder builder = new ProcessBuilder(this.command);
		if (this.directory != null) {
			builder.directory(this.directory.toFile());
		}
		this.removedVariables.forEach(builder.environment()::remove);
		builder.environment().putAll(this.environment);
		if (this.input == null) {
			builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
		}
		Process process = start(builder);
		boolean finished = false;
		try {
			Output out = Output.of(process.getInputStream(), "stdout");
			Output err = Output.of(process.getErrorStream(), "stderr");
			if (this.input != null) {
				type(process, this.input);
			}
			if (!process.waitFor(this.timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				destroyTree(process);
				throw new AssertionError(String.join(" ", this.command) + " did not finish within " + this.timeout
						+ "\n--- stdout:\n" + out.text(Duration.ofSeconds(5)) + "\n--- stderr:\n" + err.text(Duration.ofSeconds(5)));
			}
			finished = true;
			return new Run(process.exitValue(), out.text(this.timeout), err.text(this.timeout));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted while waiting for " + this.command, ex);
		}
		finally {
			if (!finished) {
				destroyTree(process);
			}
		}
	}

	/** Writes standard input and closes it; a process that exits without reading it all is no error here. */
	private static void type(Process process, String text) {
		try (OutputStream stdin = process.getOutputStream()) {
			stdin.write(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			// Broken pipe: the process has stopped reading; its exit code and output tell the test what happened.
		}
	}

	static Process start(ProcessBuilder builder) {
		try {
			return builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + builder.command(), ex);
		}
	}

	/** Ends the process and every process it started, forcibly, and waits a little for them to go. */
	static void destroyTree(Process process) {
		List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
		tree.add(process.toHandle());
		tree.forEach(ProcessHandle::destroyForcibly);
		for (ProcessHandle handle : tree) {
			try {
				handle.onExit().get(10, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				// Gone or going: nothing more can be done from here.
			}
		}
	}

	/**
	 * What one run printed and how it exited.
	 *
	 * @param exitCode the exit code
	 * @param out standard output
	 * @param err standard error
	 */
	record Run(int exitCode, String out, String err) {

		String all() {
			return this.out + this.err;
		}

	}

	/** Reads a stream to its end on a thread of its own, so that a full pipe never stops the process. */
	private static final class Output {

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private final Thread reader;

		private Output(InputStream stream, String name) {
			this.reader = new Thread(() -> {
				byte[] buffer = new byte[8192];
				try (stream) {
					for (int read = stream.read(buffer); read >= 0; read = stream.read(buffer)) {
						synchronized (this.bytes) {
							this.bytes.write(buffer, 0, read);
						}
					}
				}
				catch (IOException ex) {
					// The process is gone: what was read so far is all there is.
				}
			}, "process-" + name);
			this.reader.setDaemon(true);
		}

		static Output of(InputStream stream, String name) {
			Output output = new Output(stream, name);
			output.reader.start();
			return output;
		}

		/** Everything read, once the stream has ended (or after {@code wait}, what was read by then). */
		String text(Duration wait) throws InterruptedException {
			this.reader.join(wait.toMillis());
			synchronized (this.bytes) {
				return this.bytes.toString(StandardCharsets.UTF_8);
			}
		}

	}

}
