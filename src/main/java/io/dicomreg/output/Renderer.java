package io.dicomreg.output;

import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Turns command results into text, as aligned fields or as JSON, following the output format in
 * force.
 */
public class Renderer {

	private final OutputSettings settings;

	private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	public Renderer(OutputSettings settings) {
		this.settings = settings;
	}

	public OutputFormat format() {
		return this.settings.format();
	}

	/** Renders one result object. */
	public String render(Details details) {
		return (format() == OutputFormat.JSON) ? toJson(details) : toText(details);
	}

	/** Renders a result followed, in table format only, by a note for people. */
	public String render(Details details, String note) {
		String body = render(details);
		return (format() == OutputFormat.JSON || note == null) ? body : body + System.lineSeparator() + note;
	}

	private String toText(Details details) {
		int width = details.fields().stream().mapToInt(field -> field.label().length()).max().orElse(0);
		StringBuilder text = new StringBuilder();
		for (Details.Field field : details.fields()) {
			if (!text.isEmpty()) {
				text.append(System.lineSeparator());
			}
			text.append(String.format("%-" + width + "s  %s", field.label(), textOf(field.value())));
		}
		return text.toString();
	}

	private static String textOf(Object value) {
		return (value != null) ? value.toString() : "";
	}

	private String toJson(Details details) {
		Map<String, Object> object = new LinkedHashMap<>();
		for (Details.Field field : details.fields()) {
			object.put(field.jsonName(), jsonValueOf(field.value()));
		}
		try {
			return this.json.writeValueAsString(object);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot render result as JSON", ex);
		}
	}

	private static Object jsonValueOf(Object value) {
		return (value instanceof TemporalAccessor || value instanceof Enum<?>) ? value.toString() : value;
	}

}
