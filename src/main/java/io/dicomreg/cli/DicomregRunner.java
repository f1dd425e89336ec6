package io.dicomreg.cli;

import java.io.Console;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.shell.core.ConsoleInputReader;
import org.springframework.shell.core.InputReader;

import io.dicomreg.cli.CommandDispatcher.Outcome;
import io.dicomreg.cli.script.Recorder;
import io.dicomreg.output.Notices;
import io.dicomreg.config.DicomregHome;
import io.dicomreg.config.OwnerOnlyFiles;
import io.dicomreg.error.ExitCode;

/**
 * Runs dicomreg once the context is up: one command in one-shot mode, else the interactive shell.
 */
public class DicomregRunner implements ApplicationRunner {

	private final Invocation invocation;

	private final CommandDispatcher dispatcher;

	private final Streams streams;

	private final ObjectProvider<LineReader> lineReader;

	private final ShellPrompt prompt;

	private final DicomregHome home;

	private final Recorder recorder;

	private final Notices notices;

	private ExitCode exitCode = ExitCode.OK;

	public DicomregRunner(Invocation invocation, CommandDispatcher dispatcher, Streams streams,
			ObjectProvider<LineReader> lineReader, ShellPrompt prompt, DicomregHome home, Recorder recorder,
			Notices notices) {
		this.invocation = invocation;
		this.dispatcher = dispatcher;
		this.streams = streams;
		this.lineReader = lineReader;
		this.prompt = prompt;
		this.home = home;
		this.recorder = recorder;
		this.notices = notices;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.invocation.isOneShot()) {
			PrintWriter out = new PrintWriter(this.streams.out(), true, StandardCharsets.UTF_8);
			PrintWriter err = new PrintWriter(this.streams.err(), true, StandardCharsets.UTF_8);
			this.exitCode = this.dispatcher.execute(this.invocation.commandWords(), out, err, consoleInput()).exitCode();
		}
		else {
			repl(this.lineReader.getObject());
		}
	}

	/** The exit code of the one-shot command, or OK after the interactive shell. */
	public ExitCode exitCode() {
		return this.exitCode;
	}

	private void repl(LineReader reader) {
		// The history lives in the owner-only dicomreg home; commands reach the parser exactly as typed:
		// JLine would otherwise drop backslashes and expand '!' history events before we see the line.
		this.home.createDirectory(".");
		createOwnerOnly(this.home.directory().resolve("history"));
		reader.setOpt(LineReader.Option.DISABLE_EVENT_EXPANSION);
		// Lines reach the history only once run: a refused line may be a secret pasted by mistake.
		reader.setVariable(LineReader.DISABLE_HISTORY, true);
		PrintWriter out = reader.getTerminal().writer();
		// In the shell, notices that no command run owns (the token cache's) go to the terminal too.
		this.notices.use(out);
		InputReader input = new HistorySafeInputReader(reader);
		out.println("dicomreg: register Entra ID client applications for the DICOM service. Type 'help', or 'exit' to leave.");
		while (true) {
			String line;
			try {
				line = reader.readLine(this.prompt.getPrompt().toAnsi(reader.getTerminal()));
			}
			catch (UserInterruptException ex) {
				continue;
			}
			catch (EndOfFileException ex) {
				break;
			}
			String command = line.strip();
			if (command.isEmpty()) {
				continue;
			}
			Outcome outcome = this.dispatcher.execute(command, out, out, input);
			if (outcome.exitCode() != ExitCode.USAGE) {
				remember(reader, line);
			}
			if (outcome.endsShell()) {
				break;
			}
			if (outcome.succeeded()) {
				String note = this.recorder.offer(command);
				if (note != null) {
					out.println("Note: " + note);
				}
			}
		}
	}

	/** Adds a line that ran to the history, which takes nothing by itself (see {@link #repl}). */
	private static void remember(LineReader reader, String line) {
		reader.setVariable(LineReader.DISABLE_HISTORY, false);
		try {
			reader.getHistory().add(line);
		}
		finally {
			reader.setVariable(LineReader.DISABLE_HISTORY, true);
		}
	}

	private static void createOwnerOnly(Path file) {
		try {
			OwnerOnlyFiles.createOwnerOnly(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the history file " + file, ex);
		}
	}

	private static InputReader consoleInput() {
		Console console = System.console();
		return (console != null) ? new ConsoleInputReader(console) : new InputReader() {
		};
	}

}
