package io.dicomreg.sandbox.dicom;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.directory.Json;

/**
 * Builds and reads DICOM JSON (DICOM PS3.18 F.2): an object keyed by eight hex digit tags, each element
 * {@code {"vr":"..","Value":[..]}}; person names as {@code {"Alphabetic":".."}}, IS, DS and binary integers as
 * numbers, sequences as arrays of objects.
 */
final class DicomJson {

	private DicomJson() {
	}

	/**
	 * Sets an attribute to text values, written as its VR wants them.
	 * @param dataset the DICOM JSON object
	 * @param tag the attribute
	 * @param values the values; none for an empty element
	 */
	static void put(ObjectNode dataset, DicomTag tag, String... values) {
		put(dataset, tag.tag(), tag.vr(), List.of(values));
	}

	/**
	 * Sets an attribute by tag and VR.
	 * @param dataset the DICOM JSON object
	 * @param tag eight hex digits
	 * @param vr the value representation
	 * @param values the values as text; empty for an element without value
	 */
	static void put(ObjectNode dataset, String tag, String vr, List<String> values) {
		ObjectNode element = Json.object();
		element.put("vr", vr);
		if (!values.isEmpty()) {
			ArrayNode array = element.putArray("Value");
			for (String value : values) {
				addValue(array, vr, value);
			}
		}
		dataset.set(tag, element);
	}

	/**
	 * Sets a sequence attribute.
	 * @param dataset the DICOM JSON object
	 * @param tag the attribute, of VR SQ
	 * @param items the items
	 */
	static void putSequence(ObjectNode dataset, DicomTag tag, List<ObjectNode> items) {
		ObjectNode element = Json.object();
		element.put("vr", "SQ");
		ArrayNode array = element.putArray("Value");
		items.forEach(array::add);
		dataset.set(tag.tag(), element);
	}

	private static void addValue(ArrayNode array, String vr, String value) {
		switch (vr) {
			case "PN" -> array.addObject().put("Alphabetic", value);
			case "IS", "SL", "SS", "UL", "US" -> {
				try {
					array.add(Long.parseLong(value.strip()));
				}
				catch (NumberFormatException ex) {
					array.add(value);
				}
			}
			case "DS", "FL", "FD" -> {
				try {
					array.add(new BigDecimal(value.strip()));
				}
				catch (NumberFormatException ex) {
					array.add(value);
				}
			}
			default -> array.add(value);
		}
	}

	/**
	 * The first value of an attribute as text: a person name's alphabetic form, a number's digits.
	 * @param dataset the DICOM JSON object
	 * @param tag the attribute
	 * @return the value, or null when the attribute is absent or empty
	 */
	static String first(JsonNode dataset, DicomTag tag) {
		JsonNode value = dataset.path(tag.tag()).path("Value").path(0);
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		if (value.isObject()) {
			JsonNode alphabetic = value.get("Alphabetic");
			return (alphabetic != null) ? alphabetic.asText() : null;
		}
		return value.asText();
	}

	/**
	 * Every value of an attribute as text.
	 * @param dataset the DICOM JSON object
	 * @param tag the attribute
	 * @return the values, empty when absent
	 */
	static List<String> values(JsonNode dataset, DicomTag tag) {
		List<String> values = new ArrayList<>();
		for (JsonNode value : dataset.path(tag.tag()).path("Value")) {
			values.add(value.isObject() ? value.path("Alphabetic").asText() : value.asText());
		}
		return values;
	}

	/**
	 * A copy with the elements in ascending tag order, as DICOM JSON is written.
	 * @param dataset the DICOM JSON object
	 * @return the sorted copy
	 */
	static ObjectNode sorted(ObjectNode dataset) {
		Map<String, JsonNode> elements = new TreeMap<>();
		Iterator<Map.Entry<String, JsonNode>> fields = dataset.fields();
		while (fields.hasNext()) {
			Map.Entry<String, JsonNode> field = fields.next();
			elements.put(field.getKey(), field.getValue());
		}
		ObjectNode sorted = Json.object();
		elements.forEach((tag, element) -> sorted.set(tag, element.deepCopy()));
		return sorted;
	}

}
