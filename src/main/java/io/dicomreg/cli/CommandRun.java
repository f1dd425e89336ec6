package io.dicomreg.cli;

import java.io.PrintWriter;

import org.springframework.shell.core.InputReader;

import io.dicomreg.cli.catalogue.ParsedCommand;
import io.dicomreg.config.DryRun;
import io.dicomreg.output.OutputFormat;
import io.dicomreg.output.SafeText;

/**
 * One run of one command, made by the dispatcher and handed to the command: where its output and
 * notices go, how it asks questions, and the plan of the dry run it belongs to (an inactive plan
 * when it is no dry run). Nothing of it outlives the run, except a script's plan, shared by its
 * lines.
 */
public final class CommandRun {

	private final ParsedCommand parsed;

	private final OutputFormat format;

	private final PrintWriter out;

	private final PrintWriter notices;

	private final InputReader input;

	private final DryRun plan;

	CommandRun(ParsedCommand parsed, OutputFormat format, PrintWriter out, PrintWriter notices, InputReader input,
			DryRun plan) {
		this.parsed = parsed;
		this.format = format;
		this.out = out;
		this.notices = notices;
		this.input = input;
		this.plan = plan;
	}

	/** The command line as parsed. */
	public ParsedCommand parsed() {
		return this.parsed;
	}

	/** The plan of the dry run this run belongs to; inactive outside dry runs. Services take it. */
	public DryRun plan() {
		return this.plan;
	}

	/** Prints a message for the person that is not the result (sign-in instructions, notes). */
	public void notice(String message) {
		this.notices.println(SafeText.lines(message));
		this.notices.flush();
	}

	/** Asks the person at the keyboard; throws {@link UnsupportedOperationException} where nobody can answer. */
	public InputReader input() {
		return this.input;
	}

	/** Where a command that prints as it goes (a script) writes its lines. */
	public PrintWriter out() {
		return this.out;
	}

	/** Where such a command writes its notices and failures. */
	public PrintWriter notices() {
		return this.notices;
	}

	/** The output format of this run, for a command that runs others (a script's lines inherit it). */
	public OutputFormat format() {
		return this.format;
	}

}
