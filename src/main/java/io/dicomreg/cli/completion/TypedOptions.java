package io.dicomreg.cli.completion;

import java.util.List;

import org.springframework.shell.core.command.completion.CompletionContext;

/**
 * Reads options already typed on the line being completed, such as {@code --app}, so that values
 * are proposed for the application the command will work on.
 */
final class TypedOptions {

	private TypedOptions() {
	}

	/** The value typed for {@code --longName} (as {@code --name value} or {@code --name=value}), or {@code null}. */
	static String value(CompletionContext context, String longName) {
		List<String> words = context.getWords();
		String option = "--" + longName;
		for (int i = 0; i < words.size(); i++) {
			if (i == context.getWordIndex()) {
				continue;
			}
			String word = words.get(i);
			if (word.startsWith(option + "=")) {
				return word.substring(option.length() + 1);
			}
			if (word.equals(option) && i + 1 < words.size() && i + 1 != context.getWordIndex()) {
				return words.get(i + 1);
			}
		}
		return null;
	}

}
