package io.dicomreg.cli.walkthrough;

import java.util.ArrayList;
import java.util.List;

/**
 * One answer offered by a selection prompt.
 *
 * @param label what the person reads
 * @param value what the walkthrough gets when it is chosen
 */
public record Choice<T>(String label, T value) {

	public static <T> Choice<T> of(String label, T value) {
		return new Choice<>(label, value);
	}

	/** The choices with the one whose value is {@code first} first, so that it is the default. */
	@SafeVarargs
	public static <T> List<Choice<T>> ordered(T first, Choice<T>... choices) {
		List<Choice<T>> list = new ArrayList<>(List.of(choices));
		list.sort((a, b) -> Boolean.compare(!a.value().equals(first), !b.value().equals(first)));
		return list;
	}

	/** The label: what a selection shows once answered. */
	@Override
	public String toString() {
		return this.label;
	}

}
