package io.dicomreg.cli.walkthrough;

import java.nio.file.Path;
import java.util.List;

/**
 * The questions the walkthrough asks and what it tells the person. Any question may throw
 * {@link Navigation} when the person asks to go back, skip the step or quit instead of answering.
 */
public interface Prompts {

	/** Prints prose for the person to read, wrapped to the terminal. */
	void say(String text);

	/** Prints text as it is: a table, or a value to copy. */
	void show(String text);

	/** Prints a step's header: its number, title and what it is for. */
	void header(int number, int total, String title, String explanation);

	/** Prints a one-line error. */
	void error(String message);

	/** A line of text; Enter alone gives {@code defaultValue} (none: an answer is required). */
	String text(String question, String defaultValue);

	/** One of {@code choices}; the first is the default. */
	<T> T choose(String question, List<Choice<T>> choices);

	/** Yes or no. */
	boolean confirm(String question, boolean defaultValue);

	/** The path of a file that exists. */
	Path existingFile(String question);

	/** A password, masked as it is typed. */
	char[] password(String question);

}
