package io.dicomreg.cli.walkthrough;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.jline.keymap.BindingReader;
import org.jline.keymap.KeyMap;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.springframework.core.io.ResourceLoader;
import org.springframework.shell.jline.tui.component.ConfirmationInput;
import org.springframework.shell.jline.tui.component.PathInput;
import org.springframework.shell.jline.tui.component.SingleItemSelector;
import org.springframework.shell.jline.tui.component.StringInput;
import org.springframework.shell.jline.tui.component.support.AbstractComponent;
import org.springframework.shell.jline.tui.component.support.SelectorItem;
import org.springframework.shell.jline.tui.style.TemplateExecutor;

import io.dicomreg.output.SafeText;

/**
 * Asks the walkthrough's questions with Spring Shell's terminal components (text input, single
 * select, confirmation, path input, masked input), each also listening for the navigation keys.
 */
public final class TerminalPrompts implements Prompts {

	/** Prose wider than this is hard to read, however wide the terminal. */
	private static final int MAX_WIDTH = 100;

	private final Terminal terminal;

	private final ResourceLoader resources;

	private final TemplateExecutor templates;

	public TerminalPrompts(Terminal terminal, ResourceLoader resources, TemplateExecutor templates) {
		this.terminal = terminal;
		this.resources = resources;
		this.templates = templates;
	}

	@Override
	public void say(String text) {
		show(Prose.wrap(SafeText.lines(text), Math.min(this.terminal.getWidth(), MAX_WIDTH)));
	}

	@Override
	public void show(String text) {
		this.terminal.writer().println(text);
		this.terminal.writer().flush();
	}

	@Override
	public void header(int number, int total, String title, String explanation) {
		AttributedStringBuilder header = new AttributedStringBuilder().append(System.lineSeparator())
			.style(AttributedStyle.BOLD)
			.append("Step " + number + " of " + total + ": " + title)
			.style(AttributedStyle.DEFAULT);
		show(header.toAnsi(this.terminal));
		say(explanation);
		show(new AttributedStringBuilder().style(AttributedStyle.DEFAULT.faint()).append("(" + NavigationKeys.HELP + ")")
			.toAnsi(this.terminal));
	}

	@Override
	public void error(String message) {
		show(new AttributedStringBuilder().style(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED))
			.append(Prose.wrap(SafeText.of(message), Math.min(this.terminal.getWidth(), MAX_WIDTH)))
			.toAnsi(this.terminal));
	}

	@Override
	public String text(String question, String defaultValue) {
		while (true) {
			Text input = configure(new Text(this.terminal, question, defaultValue));
			String answer = run(() -> input.run(StringInput.StringInputContext.empty()).getResultValue());
			if (answer != null && !answer.isBlank()) {
				return answer.strip();
			}
		}
	}

	@Override
	public <T> T choose(String question, List<Choice<T>> choices) {
		// The items are the choices themselves, so that the answered question shows the label.
		List<SelectorItem<Choice<T>>> items = choices.stream().map(choice -> SelectorItem.of(choice.label(), choice)).toList();
		while (true) {
			Select<Choice<T>> select = configure(new Select<>(this.terminal, items, question));
			Choice<T> answer = run(() -> select.run(SingleItemSelector.SingleItemSelectorContext.empty())
				.getResultItem()
				.map(SelectorItem::getItem)
				.orElse(null));
			if (answer != null) {
				return answer.value();
			}
		}
	}

	@Override
	public boolean confirm(String question, boolean defaultValue) {
		Confirm input = configure(new Confirm(this.terminal, question, defaultValue));
		Boolean answer = run(() -> input.run(ConfirmationInput.ConfirmationInputContext.empty()).getResultValue());
		return (answer != null) ? answer : defaultValue;
	}

	@Override
	public Path existingFile(String question) {
		while (true) {
			FileInput input = configure(new FileInput(this.terminal, question));
			Path answer = run(() -> input.run(PathInput.PathInputContext.empty()).getResultValue());
			if (answer != null && Files.isRegularFile(answer)) {
				return answer.toAbsolutePath().normalize();
			}
			if (answer != null) {
				error("No such file: " + answer.toAbsolutePath().normalize());
			}
		}
	}

	@Override
	public char[] password(String question) {
		while (true) {
			Text input = configure(new Text(this.terminal, question, null));
			input.setMaskCharacter('*');
			input.setPrintResults(false);
			String answer = run(() -> input.run(StringInput.StringInputContext.empty()).getResultValue());
			if (answer != null && !answer.isEmpty()) {
				return answer.toCharArray();
			}
		}
	}

	private <C extends AbstractComponent<?>> C configure(C component) {
		component.setResourceLoader(this.resources);
		component.setTemplateExecutor(this.templates);
		return component;
	}

	/**
	 * Runs one component with the interrupt signal off, so that Ctrl-C reaches it as a key (quit)
	 * instead of ending the process.
	 */
	private <T> T run(Supplier<T> component) {
		Attributes saved = this.terminal.getAttributes();
		Attributes keys = new Attributes(saved);
		keys.setLocalFlag(Attributes.LocalFlag.ISIG, false);
		this.terminal.setAttributes(keys);
		try {
			return component.get();
		}
		finally {
			this.terminal.setAttributes(saved);
		}
	}

	private static final class Text extends StringInput {

		Text(Terminal terminal, String name, String defaultValue) {
			super(terminal, name, defaultValue);
		}

		@Override
		protected void bindKeyMap(KeyMap<String> keyMap) {
			super.bindKeyMap(keyMap);
			NavigationKeys.bind(keyMap);
		}

		@Override
		protected boolean read(BindingReader reader, KeyMap<String> keyMap, StringInputContext context) {
			return super.read(NavigationKeys.watch(reader), keyMap, context);
		}

	}

	private static final class Select<T> extends SingleItemSelector<T, SelectorItem<T>> {

		Select(Terminal terminal, List<SelectorItem<T>> items, String name) {
			super(terminal, items, name, null);
		}

		@Override
		protected void bindKeyMap(KeyMap<String> keyMap) {
			super.bindKeyMap(keyMap);
			NavigationKeys.bind(keyMap);
		}

		@Override
		protected boolean read(BindingReader reader, KeyMap<String> keyMap,
				SingleItemSelectorContext<T, SelectorItem<T>> context) {
			return super.read(NavigationKeys.watch(reader), keyMap, context);
		}

	}

	private static final class Confirm extends ConfirmationInput {

		Confirm(Terminal terminal, String name, boolean defaultValue) {
			super(terminal, name, defaultValue);
			setRenderer(Confirm::answerLine);
		}

		/** Like Spring Shell's own, but the answer reads Yes or No rather than true or false. */
		private static List<AttributedString> answerLine(ConfirmationInputContext context) {
			AttributedStringBuilder line = new AttributedStringBuilder()
				.styled(AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN), "? ")
				.styled(AttributedStyle.BOLD, context.getName())
				.append(" ");
			if (context.getResultValue() != null) {
				line.styled(AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN), context.getResultValue() ? "Yes" : "No");
				return List.of(line.toAttributedString());
			}
			line.styled(AttributedStyle.DEFAULT.faint(), Boolean.FALSE.equals(context.getDefaultValue()) ? "(y/N) " : "(Y/n) ")
				.append((context.getInput() != null) ? context.getInput() : "");
			if (context.getMessage() == null) {
				return List.of(line.toAttributedString());
			}
			return List.of(line.toAttributedString(), new AttributedString(context.getMessage(),
					AttributedStyle.DEFAULT.foreground(AttributedStyle.RED)));
		}

		@Override
		protected void bindKeyMap(KeyMap<String> keyMap) {
			super.bindKeyMap(keyMap);
			NavigationKeys.bind(keyMap);
		}

		@Override
		protected boolean read(BindingReader reader, KeyMap<String> keyMap, ConfirmationInputContext context) {
			return super.read(NavigationKeys.watch(reader), keyMap, context);
		}

	}

	private static final class FileInput extends PathInput {

		FileInput(Terminal terminal, String name) {
			super(terminal, name);
		}

		@Override
		protected void bindKeyMap(KeyMap<String> keyMap) {
			super.bindKeyMap(keyMap);
			NavigationKeys.bind(keyMap);
		}

		@Override
		protected boolean read(BindingReader reader, KeyMap<String> keyMap, PathInputContext context) {
			return super.read(NavigationKeys.watch(reader), keyMap, context);
		}

	}

}
