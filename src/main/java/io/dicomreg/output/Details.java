package io.dicomreg.output;

import java.util.ArrayList;
import java.util.List;

/**
 * One result object as ordered fields, each with a label for people and a stable JSON name.
 */
public final class Details {

	private final List<Field> fields = new ArrayList<>();

	private Details() {
	}

	public static Details create() {
		return new Details();
	}

	/** Adds a field; a {@code null} value is shown as empty text and JSON null. */
	public Details add(String label, String jsonName, Object value) {
		this.fields.add(new Field(label, jsonName, value));
		return this;
	}

	public List<Field> fields() {
		return List.copyOf(this.fields);
	}

	/** One field of a result. */
	public record Field(String label, String jsonName, Object value) {
	}

}
