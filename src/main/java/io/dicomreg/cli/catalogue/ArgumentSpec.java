package io.dicomreg.cli.catalogue;

import java.util.List;

import io.dicomreg.error.Subject;

/**
 * One positional argument of a command, as declared.
 *
 * @param index its position, from 0
 * @param placeholder how help names it, e.g. {@code KEY_ID}
 * @param description what it is, for help
 * @param file whether it names a file
 * @param choices the fixed values it takes, or none
 * @param completer the completer of its values, or {@code null}
 * @param subject the thing of the domain it gives
 * @param variadic whether it takes every remaining word (help's {@code COMMAND...})
 */
public record ArgumentSpec(int index, String placeholder, String description, boolean file, List<String> choices,
		Class<? extends ValueCompleter> completer, Subject subject, boolean variadic) {

	/** Whether values complete: from fixed choices, file paths or a completer. */
	public boolean completes() {
		return !this.choices.isEmpty() || this.file || this.completer != null;
	}

}
