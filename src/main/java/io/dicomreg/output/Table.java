package io.dicomreg.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A list of results as rows under named columns, each column with a header for people and a stable
 * JSON name.
 */
public final class Table {

	private final List<Column> columns;

	private final List<List<Object>> rows = new ArrayList<>();

	private Table(List<Column> columns) {
		this.columns = columns;
	}

	/** A table with columns given as pairs: header, JSON name, header, JSON name, ... */
	public static Table of(String... headersAndNames) {
		List<Column> columns = new ArrayList<>();
		for (int i = 0; i + 1 < headersAndNames.length; i += 2) {
			columns.add(new Column(headersAndNames[i], headersAndNames[i + 1]));
		}
		return new Table(columns);
	}

	/** Adds a row, one value per column ({@code null} shows as empty text and JSON null). */
	public Table row(Object... values) {
		if (values.length != this.columns.size()) {
			throw new IllegalArgumentException("A row needs " + this.columns.size() + " values");
		}
		this.rows.add(Arrays.asList(values));
		return this;
	}

	public List<Column> columns() {
		return List.copyOf(this.columns);
	}

	public List<List<Object>> rows() {
		return List.copyOf(this.rows);
	}

	/** One column of a table. */
	public record Column(String header, String jsonName) {
	}

}
