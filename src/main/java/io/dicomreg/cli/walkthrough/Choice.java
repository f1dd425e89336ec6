package io.dicomreg.cli.walkthrough;

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

	/** The label: what a selection shows once answered. */
	@Override
	public String toString() {
		return this.label;
	}

}
