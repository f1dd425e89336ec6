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

	/**
	 * Adds a field shown in both formats. A {@code null} value is shown as empty text and JSON null;
	 * a list as one line of text and a JSON array; a {@link Shown} value as it says.
	 */
	public Details add(String label, String jsonName, Object value) {
		this.fields.add(new Field(label, jsonName, value, Format.BOTH));
		return this;
	}

	/** Adds a field shown in the text format only, e.g. a secret value kept out of JSON unless asked. */
	public Details textOnly(String label, String jsonName, Object value) {
		this.fields.add(new Field(label, jsonName, value, Format.TEXT));
		return this;
	}

	/** Adds a field shown in JSON only, e.g. a structure that the text format shows as a table. */
	public Details jsonOnly(String jsonName, Object value) {
		this.fields.add(new Field(jsonName, jsonName, value, Format.JSON));
		return this;
	}

	public List<Field> fields() {
		return List.copyOf(this.fields);
	}

	/** In which formats a field is shown. */
	public enum Format {

		BOTH, TEXT, JSON

	}

	/** One field of a result. */
	public record Field(String label, String jsonName, Object value, Format format) {

		boolean shownIn(OutputFormat output) {
			return this.format == Format.BOTH || (this.format == Format.JSON) == (output == OutputFormat.JSON);
		}

	}

}
