package io.dicomreg.cli.completion;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.jline.CommandCompleter;

import io.dicomreg.cli.catalogue.CommandCatalogue;
import io.dicomreg.cli.catalogue.CommandSpec;
import io.dicomreg.cli.catalogue.CompletionRequest;
import io.dicomreg.cli.catalogue.OptionSpec;
import io.dicomreg.cli.catalogue.ValueCompleter;
import io.dicomreg.config.CommandScope;

/**
 * Tab completion in the shell, from the catalogue alone: command names, then the command's
 * options, then the values of an option or positional argument from what it declares (fixed
 * choices, file paths, or its completer bean).
 */
public class CommandLineCompleter extends CommandCompleter {

	private final CommandCatalogue catalogue;

	private final BeanFactory beans;

	public CommandLineCompleter(CommandRegistry registry, CommandCatalogue catalogue, BeanFactory beans) {
		super(registry);
		this.catalogue = catalogue;
		this.beans = beans;
	}

	@Override
	public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
		char openQuote = openQuote(line.line().substring(0, line.cursor()));
		proposals(line.words(), line.wordIndex(), line.wordCursor())
			.forEach(proposal -> candidates.add(new Candidate(quoted(proposal.value(), openQuote), proposal.displayText(),
					proposal.category(), proposal.description(), null, null, proposal.complete())));
	}

	/**
	 * What completes the word at {@code wordIndex}, typed up to {@code wordCursor}: the unquoted
	 * values (the caller quotes them as the line needs).
	 */
	public List<CompletionProposal> proposals(List<String> words, int wordIndex, int wordCursor) {
		// A completion reads live values afresh, like a command: nothing an earlier command read.
		this.beans.getBeanProvider(CommandScope.class).ifAvailable(CommandScope::begin);
		String current = (wordIndex < words.size()) ? words.get(wordIndex) : "";
		current = current.substring(0, Math.min(wordCursor, current.length()));
		int length = this.catalogue.commandLength(words.subList(0, Math.min(wordIndex, words.size())));
		Optional<CommandSpec> command = (length == 0) ? Optional.empty()
				: this.catalogue.find(String.join(" ", words.subList(0, length)));
		if (command.isEmpty()) {
			return commandWords(words.subList(0, Math.min(wordIndex, words.size())), current);
		}
		return proposals(command.get(), words, wordIndex, length, current);
	}

	private List<CompletionProposal> proposals(CommandSpec command, List<String> words, int wordIndex, int length,
			String current) {
		List<CompletionProposal> proposals = new ArrayList<>();
		OptionSpec option = optionBeingValued(command, words, wordIndex, length, current);
		if (option == null && (current.isEmpty() || current.startsWith("-"))) {
			proposals.addAll(options(command, words, current));
		}
		if (option != null) {
			String inline = current.startsWith("--") && current.contains("=") ? current.substring(0, current.indexOf('=') + 1)
					: "";
			CompletionRequest request = new CompletionRequest(words, wordIndex, current.length(), command, option, -1);
			values(request, option.choices(), option.file(), option.completer(), current.substring(inline.length()))
				.forEach(proposal -> proposals.add(proposal.value(inline + proposal.value())));
		}
		else if (!current.startsWith("-")) {
			int index = argumentIndex(command, words, wordIndex, length);
			command.argument(index).ifPresent(argument -> proposals.addAll(values(new CompletionRequest(words, wordIndex,
					current.length(), command, null, index), argument.choices(), argument.file(), argument.completer(),
					current)));
		}
		return proposals;
	}

	private List<CompletionProposal> values(CompletionRequest request, List<String> choices, boolean file,
			Class<? extends ValueCompleter> completer, String typed) {
		String prefix = CompletionRequest.unquoted(typed);
		if (!choices.isEmpty()) {
			return choices.stream().filter(choice -> choice.startsWith(prefix)).map(CompletionProposal::new).toList();
		}
		if (file) {
			return FilePaths.complete(request, typed);
		}
		if (completer == null) {
			return List.of();
		}
		try {
			return this.beans.getBean(completer).complete(request, prefix);
		}
		catch (RuntimeException ex) {
			// Completion is a convenience: offline, signed out or throttled, it offers nothing.
			return List.of();
		}
	}

	/** The next word of the command names that start with the words typed. */
	private List<CompletionProposal> commandWords(List<String> typed, String current) {
		Set<String> seen = new LinkedHashSet<>();
		List<CompletionProposal> proposals = new ArrayList<>();
		for (CommandSpec command : this.catalogue.commands()) {
			for (String name : names(command)) {
				List<String> nameWords = List.of(name.split(" "));
				if (nameWords.size() > typed.size() && nameWords.subList(0, typed.size()).equals(typed)
						&& nameWords.get(typed.size()).startsWith(current) && seen.add(nameWords.get(typed.size()))) {
					boolean last = nameWords.size() == typed.size() + 1;
					proposals.add(new CompletionProposal(nameWords.get(typed.size()))
						.description(last ? command.description() : null).complete(last || nameWords.size() > typed.size() + 1));
				}
			}
		}
		return proposals;
	}

	private static List<String> names(CommandSpec command) {
		List<String> names = new ArrayList<>(command.aliases());
		names.add(0, command.name());
		return names;
	}

	private static List<CompletionProposal> options(CommandSpec command, List<String> words, String current) {
		List<CompletionProposal> proposals = new ArrayList<>();
		for (OptionSpec option : command.options()) {
			String name = "--" + option.longName();
			if (name.startsWith(current) && (option.repeatable() || !words.contains(name))) {
				proposals.add(new CompletionProposal(name).description(option.description()));
			}
		}
		return proposals;
	}

	private static OptionSpec optionBeingValued(CommandSpec command, List<String> words, int wordIndex, int length,
			String current) {
		if (current.startsWith("--") && current.contains("=")) {
			return command.option(current.substring(2, current.indexOf('='))).filter(option -> !option.flag()).orElse(null);
		}
		if (wordIndex - 1 >= length && words.get(wordIndex - 1).startsWith("-") && !words.get(wordIndex - 1).contains("=")) {
			String previous = words.get(wordIndex - 1).replaceFirst("^--?", "");
			return command.option(previous).filter(option -> !option.flag()).orElse(null);
		}
		return null;
	}

	/** The index of the positional argument being typed at {@code wordIndex}. */
	private static int argumentIndex(CommandSpec command, List<String> words, int wordIndex, int length) {
		int index = 0;
		for (int i = length; i < wordIndex && i < words.size(); i++) {
			String word = words.get(i);
			if (!word.startsWith("-") || word.length() == 1) {
				index++;
			}
			else if (!word.contains("=") && command.option(word.replaceFirst("^--?", "")).map(o -> !o.flag()).orElse(false)) {
				i++;
			}
		}
		return index;
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

}
