package io.dicomreg.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import io.dicomreg.output.OutputFormat;

/**
 * The help texts as they were written at build time from the command catalogue (see
 * {@link HelpIndexWriter}), so that {@code dicomreg help}, {@code dicomreg help COMMAND} and
 * {@code dicomreg COMMAND --help} are answered without starting Spring. It answers only what it
 * can answer exactly as the shell would; anything else (an unknown command, options after
 * {@code help}, {@code --output json}) is left to the shell.
 */
public final class PrintedHelp {

	/** Where the build writes the texts, on the class path. */
	static final String RESOURCE = "/io/dicomreg/cli/help-index.properties";

	static final String OVERVIEW = "overview";

	static final String COMMAND = "command.";

	static final String GROUP = "group.";

	/** The names of the commands that need a sign-in, and so connect to the tenant, one per line. */
	static final String CONNECTING = "/io/dicomreg/cli/connecting-commands.txt";

	private static volatile Optional<PrintedHelp> loaded;

	private final Properties texts;

	private PrintedHelp(Properties texts) {
		this.texts = texts;
	}

	/** The texts the build wrote, or none when this build has none (a run from an IDE's classes); read once. */
	public static Optional<PrintedHelp> load() {
		Optional<PrintedHelp> index = loaded;
		if (index == null) {
			index = read();
			loaded = index;
		}
		return index;
	}

	private static Optional<PrintedHelp> read() {
		try (InputStream in = PrintedHelp.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				return Optional.empty();
			}
			Properties texts = new Properties();
			texts.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
			return Optional.of(new PrintedHelp(texts));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Prints the help that {@code invocation} asks for, when it is one this index answers exactly.
	 * @return whether it printed it (the run is then done, exit status 0)
	 */
	public static boolean answer(Invocation invocation, PrintStream out) {
		// --verbose adds the shell's request count line after the command: the shell answers that.
		if (!invocation.isOneShot() || invocation.options().output() != OutputFormat.TABLE
				|| invocation.options().verbose() || !mayAsk(invocation.commandWords())) {
			return false;
		}
		Optional<String> text = load().flatMap(help -> help.text(invocation.commandWords()));
		text.ifPresent(help -> {
			// Written as the shell writes: UTF-8, whatever the platform's default.
			PrintWriter writer = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
			writer.println(help);
			writer.flush();
		});
		return text.isPresent();
	}

	/**
	 * Whether the one-shot command of {@code invocation} needs a sign-in, and so connects to the tenant: then the
	 * sandbox, when it is the target, may be started before Spring has started.
	 */
	public static boolean connects(Invocation invocation) {
		List<String> words = invocation.commandWords();
		if (!invocation.isOneShot()) {
			return false;
		}
		Set<String> connecting = connecting();
		for (int length = words.size(); length > 0; length--) {
			List<String> named = words.subList(0, length);
			if (named.stream().noneMatch(word -> word.startsWith("-")) && connecting.contains(String.join(" ", named))) {
				return !words.contains("--help") && !words.contains("-h");
			}
		}
		return false;
	}

	/** The commands that connect, as the build listed them; none when this build has no list. */
	private static Set<String> connecting() {
		try (InputStream in = PrintedHelp.class.getResourceAsStream(CONNECTING)) {
			if (in == null) {
				return Set.of();
			}
			return Set.copyOf(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")));
		}
		catch (IOException ex) {
			return Set.of();
		}
	}

	/** Cheap check before loading the index: only {@code help ...} or {@code ... --help} may be answered. */
	private static boolean mayAsk(List<String> words) {
		String last = words.get(words.size() - 1);
		return words.get(0).equals("help") || last.equals("--help") || last.equals("-h");
	}

	/** The text for these command words, or none when the shell must answer them. */
	Optional<String> text(List<String> words) {
		String last = words.get(words.size() - 1);
		if (last.equals("--help") || last.equals("-h")) {
			List<String> named = words.subList(0, words.size() - 1);
			if (named.isEmpty() || named.stream().anyMatch(word -> word.startsWith("-"))) {
				return Optional.empty();
			}
			return Optional.ofNullable(this.texts.getProperty(COMMAND + String.join(" ", named)));
		}
		List<String> asked = words.subList(1, words.size());
		if (!words.get(0).equals("help") || asked.stream().anyMatch(word -> word.startsWith("-"))) {
			return Optional.empty();
		}
		if (asked.isEmpty()) {
			return Optional.ofNullable(this.texts.getProperty(OVERVIEW));
		}
		String name = String.join(" ", asked);
		return Optional.ofNullable(this.texts.getProperty(COMMAND + name))
			.or(() -> Optional.ofNullable(this.texts.getProperty(GROUP + name)));
	}

}
