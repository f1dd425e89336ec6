package io.dicomreg.output;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Turns command results into text, as aligned fields or as JSON. It holds no state: the format
 * comes with each call.
 */
public class Renderer {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

	private static final String NEWLINE = System.lineSeparator();

	private final ObjectMapper json = safeJson();

	/**
	 * Jackson escapes the C0 controls by RFC 8259; DEL, the C1 controls (U+009B among them) and bidi
	 * formatting characters are escaped too, so that JSON printed on a terminal is as safe as text.
	 */
	private static ObjectMapper safeJson() {
		ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
		mapper.getFactory().setCharacterEscapes(new CharacterEscapes() {

			private final int[] ascii = standardAsciiEscapesForJSON();

			{
				this.ascii[0x7f] = ESCAPE_STANDARD;
			}

			@Override
			public int[] getEscapeCodesForAscii() {
				return this.ascii;
			}

			@Override
			public SerializableString getEscapeSequence(int ch) {
				return SafeText.isUnsafe(ch) ? new SerializedString(String.format("\\u%04x", ch)) : null;
			}

		});
		return mapper;
	}

	/** The result as {@code format} shows it, notes included in the text format. */
	public String render(Result result, OutputFormat format) {
		List<String> blocks = new ArrayList<>();
		boolean changedShown = false;
		for (Object part : result.parts()) {
			// Text parts are dicomreg's own (help); notes and values may quote names from Graph.
			if (part instanceof Details details) {
				Details shown = details;
				if (!changedShown && result.changed() != null) {
					shown = withChanged(details, result.changed());
					changedShown = true;
				}
				blocks.add((format == OutputFormat.JSON) ? toJson(shown, format) : toText(shown, format));
			}
			else if (part instanceof Table table) {
				blocks.add((format == OutputFormat.JSON) ? tableToJson(table) : tableToText(table));
			}
			else if (part instanceof Result.TextOnly textOnly && format != OutputFormat.JSON) {
				blocks.add(NEWLINE + tableToText(textOnly.table()));
			}
			else if (part instanceof Result.Text text) {
				blocks.add(text.text());
			}
		}
		if (format != OutputFormat.JSON) {
			result.notes().forEach(note -> blocks.add(SafeText.lines(note)));
		}
		return String.join(NEWLINE, blocks);
	}

	/** One object's details as {@code format} shows them. */
	public String render(Details details, OutputFormat format) {
		return render(Result.of(details), format);
	}

	/** A table as {@code format} shows it. */
	public String render(Table table, OutputFormat format) {
		return render(Result.of(table), format);
	}

	private static Details withChanged(Details details, boolean changed) {
		Details copy = Details.create();
		details.fields().forEach(field -> {
			switch (field.format()) {
				case TEXT -> copy.textOnly(field.label(), field.jsonName(), field.value());
				case JSON -> copy.jsonOnly(field.jsonName(), field.value());
				default -> copy.add(field.label(), field.jsonName(), field.value());
			}
		});
		return copy.add("Changed", "changed", changed);
	}

	private static String tableToText(Table table) {
		List<Table.Column> columns = table.columns();
		int[] widths = new int[columns.size()];
		for (int i = 0; i < widths.length; i++) {
			widths[i] = columns.get(i).header().length();
			for (List<Object> row : table.rows()) {
				widths[i] = Math.max(widths[i], textOf(row.get(i)).length());
			}
		}
		StringBuilder text = new StringBuilder(line(columns.stream().map(c -> (Object) c.header()).toList(), widths));
		table.rows().forEach(row -> text.append(NEWLINE).append(line(row, widths)));
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
				object.put(table.columns().get(i).jsonName(), jsonOf(row.get(i)));
			}
			objects.add(object);
		}
		return write(objects);
	}

	private static String toText(Details details, OutputFormat format) {
		List<Details.Field> fields = details.fields().stream().filter(field -> field.shownIn(format)).toList();
		int width = fields.stream().mapToInt(field -> field.label().length()).max().orElse(0);
		String indent = NEWLINE + " ".repeat(width + 2);
		return fields.stream().map(field -> String.format("%-" + width + "s  %s", field.label(),
				linesOf(field.value()).replace("\n", indent)))
			.collect(Collectors.joining(NEWLINE));
	}

	private String toJson(Details details, OutputFormat format) {
		Map<String, Object> object = new LinkedHashMap<>();
		details.fields().stream().filter(field -> field.shownIn(format))
			.forEach(field -> object.put(field.jsonName(), jsonOf(field.value())));
		return write(object);
	}

	/**
	 * A field's value as text, where a {@link Shown} list of text puts each item on a line of its own
	 * (the lines after the first aligned under the value).
	 */
	private static String linesOf(Object value) {
		if (value instanceof Shown shown && shown.text() instanceof Collection<?> lines) {
			return lines.isEmpty() ? "(none)" : lines.stream().map(Renderer::textOf).collect(Collectors.joining("\n"));
		}
		return textOf(value);
	}

	/** A value as text: times in one fixed ISO form, lists on one line, {@link Shown} by its text. */
	static String textOf(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Shown shown) {
			return textOf(shown.text());
		}
		if (value instanceof Collection<?> values) {
			return values.isEmpty() ? "(none)" : values.stream().map(Renderer::textOf).collect(Collectors.joining(", "));
		}
		return SafeText.of(String.valueOf(plain(value)));
	}

	/** A value for JSON: times in one fixed ISO form, enums by name, lists and maps as they are. */
	static Object jsonOf(Object value) {
		if (value instanceof Shown shown) {
			return jsonOf(shown.json());
		}
		if (value instanceof Collection<?> values) {
			return values.stream().map(Renderer::jsonOf).toList();
		}
		if (value instanceof Map<?, ?> map) {
			Map<Object, Object> copy = new LinkedHashMap<>();
			map.forEach((key, item) -> copy.put(key, jsonOf(item)));
			return copy;
		}
		return plain(value);
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

	private String write(Object value) {
		try {
			return this.json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot render result as JSON", ex);
		}
	}

}
