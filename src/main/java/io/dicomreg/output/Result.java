package io.dicomreg.output;

import java.util.ArrayList;
import java.util.List;

/**
 * What a command returns: details of one object, a table, or plain text (or details followed by a
 * table shown in text only); whether it changed the tenant; notes for people. The renderer shows it
 * as text or JSON, so a command never looks at the output format.
 */
public final class Result {

	private final List<Object> parts = new ArrayList<>();

	private Boolean changed;

	private boolean failed;

	private String failure;

	private final List<String> notes = new ArrayList<>();

	private final List<String> jsonNotes = new ArrayList<>();

	private Result(Object part) {
		if (part != null) {
			this.parts.add(part);
		}
	}

	/** One object's details. */
	public static Result of(Details details) {
		return new Result(details);
	}

	/** A list of objects. */
	public static Result of(Table table) {
		return new Result(table);
	}

	/** Text for people, printed as it is in both formats (help). */
	public static Result text(String text) {
		return new Result(new Text(text));
	}

	/** Nothing to show. */
	public static Result empty() {
		return new Result(null);
	}

	/** Adds a table shown after the details, in the text format only (JSON has it among the details). */
	public Result thenInText(Table table) {
		this.parts.add(new TextOnly(table));
		return this;
	}

	/**
	 * Marks a result that reports a failed check (such as {@code verify}'s): it is shown in full, and the run ends
	 * with the failure exit status.
	 */
	public Result failed(boolean failed) {
		this.failed = failed;
		return this;
	}

	/**
	 * Marks a result that reports a failed check, with the one line that says why: shown after the result as the
	 * run's error, and the run ends with the failure exit status.
	 */
	public Result failed(String failure) {
		this.failed = failure != null;
		this.failure = failure;
		return this;
	}

	/** The one line a failed check is reported with, or {@code null}. */
	public String failure() {
		return this.failure;
	}

	/** Whether the result reports a failed check. */
	public boolean isFailed() {
		return this.failed;
	}

	/** Says whether the command changed the tenant (in a dry run: would change): shown as the field Changed. */
	public Result changed(boolean changed) {
		this.changed = changed;
		return this;
	}

	/** Adds a note for people, shown after the result in the text format; JSON leaves it out. */
	public Result note(String note) {
		if (note != null && !note.isEmpty()) {
			this.notes.add(note);
		}
		return this;
	}

	/** Adds a note shown with JSON output only, on the notices stream, so that standard output stays JSON. */
	public Result noteWithJson(String note) {
		this.jsonNotes.add(note);
		return this;
	}

	/** Whether the command changed the tenant; {@code null} for one that only reads. */
	public Boolean changed() {
		return this.changed;
	}

	public List<String> notes() {
		return List.copyOf(this.notes);
	}

	public List<String> jsonNotes() {
		return List.copyOf(this.jsonNotes);
	}

	List<Object> parts() {
		return List.copyOf(this.parts);
	}

	/** Text for people. */
	record Text(String text) {
	}

	/** A part shown in the text format only. */
	record TextOnly(Table table) {
	}

}
