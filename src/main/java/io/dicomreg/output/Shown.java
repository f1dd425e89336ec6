package io.dicomreg.output;

/**
 * A value shown differently to people and in JSON, such as a status shown by its label in text and
 * by its stable name in JSON.
 *
 * @param text what the text format shows
 * @param json what JSON holds
 */
public record Shown(Object text, Object json) {

	public static Shown as(Object text, Object json) {
		return new Shown(text, json);
	}

}
