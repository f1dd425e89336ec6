package io.dicomreg.output;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Turns command results into text, as aligned fields or as JSON, following the output format in
 * force.
 */
public class Renderer {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

	private final OutputSettings settings;

	private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private final ChangeTracker changes;

	public Renderer(OutputSettings settings) {
		this(settings, new ChangeTracker());
	}

	public Renderer(OutputSettings settings, ChangeTracker changes) {
		this.settings = settings;
		this.changes = changes;
	}

	public OutputFormat format() {
		return this.settings.format();
	}

	/** Renders one result object. */
	public String render(Details details) {
		details.fields().stream().filter(field -> field.jsonName().equals("changed")).forEach(field -> this.changes.record(field.value()));
		return (format() == OutputFormat.JSON) ? toJson(details) : toText(details);
	}

	/** Renders a result followed, in table format only, by a note for people. */
	public String render(Details details, String note) {
		String body = render(details);
		return (format() == OutputFormat.JSON || note == null) ? body : body + System.lineSeparator() + note;
	}

	/** Renders a list of results. */
	public String render(Table table) {
		return (format() == OutputFormat.JSON) ? tableToJson(table) : tableToText(table);
	}

	/** Renders a list of results followed, in table format only, by a note for people. */
	public String render(Table table, String note) {
		String body = render(table);
		return (format() == OutputFormat.JSON || note == null) ? body : body + System.lineSeparator() + note;
	}

	private String tableToText(Table table) {
		List<Table.Column> columns = table.columns();
		int[] widths = new int[columns.size()];
		for (int i = 0; i < widths.length; i++) {
			widths[i] = columns.get(i).header().length();
			for (List<Object> row : table.rows()) {
				widths[i] = Math.max(widths[i], textOf(row.get(i)).length());
			}
		}
		StringBuilder text = new StringBuilder(line(columns.stream().map(c -> (Object) c.header()).toList(), widths));
		table.rows().forEach(row -> text.append(System.lineSeparator()).append(line(row, widths)));
		return text.toString();
	}

	private static String line(List<Object> values, int[] widths) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < values.size(); i++) {
			String cell = textOf(values.get(i));
			line.append((i < values.size() - 1) ? String.format("%-" + widths[i] + "s  ", cell) : cell);
		}
		return line.toString();
	}

	private String tableToJson(Table table) {
		List<Map<String, Object>> objects = new ArrayList<>();
		for (List<Object> row : table.rows()) {
			Map<String, Object> object = new LinkedHashMap<>();
			for (int i = 0; i < row.size(); i++) {
				object.put(table.columns().get(i).jsonName(), jsonValueOf(row.get(i)));
			}
			objects.add(object);
		}
		return write(objects);
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
		return (value != null) ? String.valueOf(plain(value)) : "";
	}

	/** Dates and times in one fixed ISO form (seconds always shown, UTC as Z); enums by name. */
	private static Object plain(Object value) {
		if (value instanceof Instant instant) {
			return TIMESTAMP.format(instant.atOffset(ZoneOffset.UTC));
		}
		if (value instanceof OffsetDateTime dateTime) {
			return TIMESTAMP.format(dateTime);
		}
		return (value instanceof TemporalAccessor || value instanceof Enum<?>) ? value.toString() : value;
	}

	private String toJson(Details details) {
		Map<String, Object> object = new LinkedHashMap<>();
		for (Details.Field field : details.fields()) {
			object.put(field.jsonName(), jsonValueOf(field.value()));
		}
		return write(object);
	}

	private String write(Object value) {
		try {
			return this.json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot render result as JSON", ex);
		}
	}

	private static Object jsonValueOf(Object value) {
		return plain(value);
	}

}
