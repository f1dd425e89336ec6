package io.dicomreg.cli.walkthrough;

import org.jline.keymap.BindingReader;
import org.jline.keymap.KeyMap;
import org.springframework.shell.jline.tui.component.support.AbstractComponent;

import static org.jline.keymap.KeyMap.ctrl;

/**
 * The keys that leave a step from any prompt: Ctrl-B back, Ctrl-N skip, Ctrl-Q or Ctrl-C quit
 * (the terminal's interrupt signal is off while a prompt reads, so Ctrl-C arrives as a key).
 */
final class NavigationKeys {

	/** How the keys are described to the person. */
	static final String HELP = "Enter accepts · Ctrl-B back a step · Ctrl-N skip this step · Ctrl-Q quit (resume later)";

	private static final String BACK = "DICOMREG_BACK";

	private static final String SKIP = "DICOMREG_SKIP";

	private static final String QUIT = "DICOMREG_QUIT";

	private NavigationKeys() {
	}

	static void bind(KeyMap<String> keyMap) {
		// Typed ahead, before a prompt put the terminal in raw mode, Enter arrives as a newline.
		keyMap.bind(AbstractComponent.OPERATION_EXIT, "\n");
		keyMap.bind(BACK, ctrl('B'));
		keyMap.bind(SKIP, ctrl('N'));
		keyMap.bind(QUIT, ctrl('Q'), ctrl('C'), ctrl('D'));
	}

	/** A reader that turns the navigation keys, and the end of input, into {@link Navigation}. */
	static BindingReader watch(BindingReader reader) {
		return new Watching(reader);
	}

	private static final class Watching extends BindingReader {

		private final BindingReader reader;

		Watching(BindingReader reader) {
			super(null);
			this.reader = reader;
		}

		@Override
		public <T> T readBinding(KeyMap<T> keys) {
			return check(this.reader.readBinding(keys));
		}

		@Override
		public <T> T readBinding(KeyMap<T> keys, KeyMap<T> local) {
			return check(this.reader.readBinding(keys, local));
		}

		@Override
		public <T> T readBinding(KeyMap<T> keys, KeyMap<T> local, boolean block) {
			return check(this.reader.readBinding(keys, local, block));
		}

		@Override
		public String getLastBinding() {
			return this.reader.getLastBinding();
		}

		@Override
		public String getCurrentBuffer() {
			return this.reader.getCurrentBuffer();
		}

		private static <T> T check(T operation) {
			if (operation == null || QUIT.equals(operation)) {
				throw Navigation.quit();
			}
			if (BACK.equals(operation)) {
				throw Navigation.back();
			}
			if (SKIP.equals(operation)) {
				throw Navigation.skip();
			}
			return operation;
		}

	}

}
