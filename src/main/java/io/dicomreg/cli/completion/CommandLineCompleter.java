package io.dicomreg.cli.completion;

import java.util.List;
import java.util.Set;

import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.jline.CommandCompleter;

/**
 * Tab completion in the shell: command names, then the command's options, then option values and
 * positional arguments from the command's completion provider.
 * <p>
 * Spring Shell 4.0.1's completer takes every word that does not start with a dash as part of the
 * command name, so it can never complete a positional argument ({@code app use DIC<TAB>}); this
 * one finds the command as the longest prefix of words that names one.
 */
public class CommandLineCompleter extends CommandCompleter {

	/** Options that may be given several times (read with {@code RepeatedOptions}). */
	private static final Set<String> REPEATABLE = Set.of("redirect-uri", "scope", "role");

	private final CommandRegistry registry;

	public CommandLineCompleter(CommandRegistry registry) {
		super(registry);
		this.registry = registry;
	}

	@Override
	public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
		List<String> words = line.words();
		int commandLength = commandLength(words, line.wordIndex());
		if (commandLength == 0) {
			super.complete(reader, line, candidates);
			return;
		}
		Command command = this.registry.getCommandByName(String.join(" ", words.subList(0, commandLength)));
		String current = words.get(line.wordIndex()).substring(0, line.wordCursor());
		CommandOption option = optionBeingValued(command, words, line.wordIndex(), commandLength, current);
		if (option == null && (current.isEmpty() || current.startsWith("-"))) {
			proposeOptions(command, words, current, candidates);
		}
		if (option != null || !current.startsWith("-")) {
			CompletionContext context = new CompletionContext(words, line.wordIndex(), line.wordCursor(), command, option);
			char openQuote = openQuote(line.line().substring(0, line.cursor()));
			for (CompletionProposal proposal : command.getCompletionProvider().apply(context)) {
				candidates.add(new Candidate(quoted(proposal.value(), openQuote), proposal.displayText(),
						proposal.category(), proposal.description(), null, null, proposal.complete()));
			}
		}
	}

	/**
	 * The value as it must be typed: Spring Shell 4.0.1's parser no longer escapes candidates for
	 * JLine 3.30, so a name with spaces would split into words. Inside an open quote the quote is
	 * closed instead.
	 * @param openQuote the quote open at the cursor ({@code '"'} or {@code '\''}), or 0
	 */
	static String quoted(String value, char openQuote) {
		if (openQuote == '"') {
			return value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
		}
		if (openQuote == '\'') {
			return value.replace("'", "'\\''") + "'";
		}
		StringBuilder escaped = new StringBuilder();
		for (char c : value.toCharArray()) {
			if (Character.isWhitespace(c) || c == '"' || c == '\'' || c == '\\') {
				escaped.append('\\');
			}
			escaped.append(c);
		}
		return escaped.toString();
	}

	/** The quote character left open in {@code text}, read as {@link io.dicomreg.cli.ShellWords} reads it, or 0. */
	static char openQuote(String text) {
		char quote = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quote == 0 && c == '\\') {
				i++;
			}
			else if (quote == 0 && (c == '"' || c == '\'')) {
				quote = c;
			}
			else if (quote == '"' && c == '\\') {
				i++;
			}
			else if (c == quote) {
				quote = 0;
			}
		}
		return quote;
	}

	/** How many leading words name a command, looking only at words before the one being typed. */
	private int commandLength(List<String> words, int wordIndex) {
		int length = 0;
		for (int n = 1; n <= wordIndex && !words.get(n - 1).startsWith("-"); n++) {
			if (this.registry.getCommandByName(String.join(" ", words.subList(0, n))) != null) {
				length = n;
			}
		}
		return length;
	}

	private static CommandOption optionBeingValued(Command command, List<String> words, int wordIndex, int commandLength,
			String current) {
		if (current.startsWith("--") && current.contains("=")) {
			return find(command, current.substring(2, current.indexOf('=')));
		}
		if (wordIndex - 1 >= commandLength && words.get(wordIndex - 1).startsWith("--")) {
			CommandOption previous = find(command, words.get(wordIndex - 1).substring(2));
			boolean flag = previous != null && (previous.type() == boolean.class || previous.type() == Boolean.class);
			return flag ? null : previous;
		}
		return null;
	}

	private static void proposeOptions(Command command, List<String> words, String current, List<Candidate> candidates) {
		for (CommandOption option : command.getOptions()) {
			String name = "--" + option.longName();
			boolean repeatable = REPEATABLE.contains(option.longName());
			if (name.startsWith(current) && (repeatable || !words.contains(name))) {
				candidates.add(new Candidate(name, name, null, option.description(), null, null, true));
			}
		}
	}

	private static CommandOption find(Command command, String longName) {
		return command.getOptions().stream().filter(option -> longName.equals(option.longName())).findFirst().orElse(null);
	}

}
