package io.dicomreg.cli.script;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.dicomreg.error.DicomregException;
import io.dicomreg.files.InputFileException;
import io.dicomreg.files.InputFiles;

/**
 * Reads a script: one command per line, a line ending in {@code \} goes on on the next (joined
 * with one space), and blank lines and lines starting with {@code #} are skipped.
 */
public final class ScriptFile {

	/** The most a script may hold. */
	static final long MAX_BYTES = 1024 * 1024;

	private ScriptFile() {
	}

	/**
	 * The commands in {@code file}, in order.
	 * @throws DicomregException (usage) when it cannot be read, or its last line goes on into nothing
	 */
	public static List<ScriptLine> read(Path file) {
		return parse(file.toString(), lines(file));
	}

	static List<ScriptLine> parse(String name, List<String> lines) {
		List<ScriptLine> commands = new ArrayList<>();
		StringBuilder pending = null;
		int start = 0;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (pending == null && (line.isBlank() || line.strip().startsWith("#"))) {
				continue;
			}
			if (pending == null) {
				pending = new StringBuilder();
				start = i + 1;
			}
			String part = ((pending.length() > 0) ? " " + line.strip() : line).stripTrailing();
			if (continues(part)) {
				pending.append(part, 0, part.length() - 1);
				trimEnd(pending);
				continue;
			}
			pending.append(part);
			commands.add(new ScriptLine(start, pending.toString().strip()));
			pending = null;
		}
		if (pending != null) {
			throw DicomregException.invalidInput(name + ":" + start + ": the command goes on with \\ at the end of the "
					+ "file: remove the last \\ or finish the command.");
		}
		return commands;
	}

	private static void trimEnd(StringBuilder text) {
		while (text.length() > 0 && Character.isWhitespace(text.charAt(text.length() - 1))) {
			text.setLength(text.length() - 1);
		}
	}

	/** Whether a line ends in a backslash that is not itself escaped. */
	private static boolean continues(String line) {
		int backslashes = 0;
		for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
			backslashes++;
		}
		return backslashes % 2 == 1;
	}

	private static List<String> lines(Path file) {
		try {
			List<String> lines = new ArrayList<>(InputFiles.readText(file, MAX_BYTES).lines().toList());
			// A byte order mark, as some Windows editors write one, is not part of the first command.
			if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
				lines.set(0, lines.get(0).substring(1));
			}
			return lines;
		}
		catch (InputFileException ex) {
			throw switch (ex.problem()) {
				case MISSING -> DicomregException.invalidInput("No script " + file + ": give the path of a script file.");
				case NOT_TEXT -> DicomregException.invalidInput("The script " + file + " is not UTF-8 text.");
				default -> DicomregException.invalidInput("The script " + file + " " + ex.reason() + ".");
			};
		}
	}

}
