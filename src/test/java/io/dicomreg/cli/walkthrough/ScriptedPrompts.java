package io.dicomreg.cli.walkthrough;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Prompts that answer from a list, for tests of the walkthrough's flow: each answer is the text
 * typed, {@code ""} for the default, or a navigation.
 */
final class ScriptedPrompts implements Prompts {

	private final Deque<Object> answers = new ArrayDeque<>();

	private final List<String> shown = new ArrayList<>();

	ScriptedPrompts answers(Object... answers) {
		this.answers.addAll(List.of(answers));
		return this;
	}

	List<String> shown() {
		return this.shown;
	}

	@Override
	public void say(String text) {
		this.shown.add(text);
	}

	@Override
	public void show(String text) {
		this.shown.add(text);
	}

	@Override
	public void header(int number, int total, String title, String explanation) {
		this.shown.add("Step " + number + " of " + total + ": " + title);
	}

	@Override
	public void error(String message) {
		this.shown.add("Error: " + message);
	}

	@Override
	public String text(String question, String defaultValue) {
		String answer = next(question);
		return answer.isEmpty() ? defaultValue : answer;
	}

	@Override
	public <T> T choose(String question, List<Choice<T>> choices) {
		String answer = next(question);
		return choices.stream()
			.filter(choice -> answer.isEmpty() || choice.label().contains(answer))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No choice '" + answer + "' for: " + question))
			.value();
	}

	@Override
	public boolean confirm(String question, boolean defaultValue) {
		String answer = next(question);
		return answer.isEmpty() ? defaultValue : answer.startsWith("y");
	}

	@Override
	public Path existingFile(String question) {
		return Path.of(next(question));
	}

	@Override
	public char[] password(String question) {
		return next(question).toCharArray();
	}

	private String next(String question) {
		this.shown.add("? " + question);
		if (this.answers.isEmpty()) {
			throw new AssertionError("No answer left for: " + question);
		}
		Object answer = this.answers.removeFirst();
		if (answer instanceof Navigation navigation) {
			throw navigation;
		}
		return (String) answer;
	}

}
