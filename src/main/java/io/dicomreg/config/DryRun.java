package io.dicomreg.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether this command (or script) runs as a dry run: every read happens, no write does, and each
 * change that would have been made is noted instead, in words, for the person to read.
 */
public class DryRun {

	private int depth;

	private int generation;

	private final List<String> planned = new ArrayList<>();

	private final Set<Path> plannedFiles = new HashSet<>();

	/** A dry run that never starts, for services used outside the shell. */
	public static DryRun off() {
		return new DryRun();
	}

	/** Starts a dry run, or joins the one already running (a script's lines). */
	public void begin() {
		if (this.depth++ == 0) {
			this.generation++;
			this.planned.clear();
			this.plannedFiles.clear();
		}
	}

	/** Ends what {@link #begin} started; the outermost end forgets every planned change. */
	public void end() {
		if (this.depth > 0 && --this.depth == 0) {
			this.planned.clear();
			this.plannedFiles.clear();
		}
	}

	public boolean active() {
		return this.depth > 0;
	}

	/** Which dry run this is, so that what one planned is never taken for another's. */
	public int generation() {
		return this.generation;
	}

	/**
	 * Notes a change that is about to be made.
	 * @param change what would change, for a sentence "would ..." (for example "add redirect URI X")
	 * @return {@code true} in a dry run, when the caller must not make the change
	 */
	public boolean skip(String change) {
		if (!active()) {
			return false;
		}
		this.planned.add(change);
		return true;
	}

	/** Notes a file a skipped change would have written, so that a later line may name it. */
	public void planFile(Path file) {
		this.plannedFiles.add(file.toAbsolutePath().normalize());
	}

	public boolean isPlannedFile(Path file) {
		return active() && this.plannedFiles.contains(file.toAbsolutePath().normalize());
	}

	/** The changes noted since the last call. */
	public List<String> takePlanned() {
		List<String> taken = List.copyOf(this.planned);
		this.planned.clear();
		return taken;
	}

}
