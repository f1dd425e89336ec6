package io.dicomreg.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plan of one run (or of one script run with {@code --dry-run}, shared by its lines): whether
 * it is a dry run, and if so what every write would have changed, the files it would have written
 * and what it would have selected. Outside a dry run it is inactive and notes nothing. One is made
 * for each run and handed down to the services; none is shared between runs.
 */
public final class DryRun {

	private final boolean active;

	private final List<String> planned = new ArrayList<>();

	private final Set<Path> plannedFiles = new HashSet<>();

	private final Map<Class<?>, Object> remembered = new HashMap<>();

	private DryRun(boolean active) {
		this.active = active;
	}

	/** The plan of a run that is no dry run: every write happens. */
	public static DryRun off() {
		return new DryRun(false);
	}

	/** The plan of a dry run: every read happens, no write does, each is noted instead. */
	public static DryRun planning() {
		return new DryRun(true);
	}

	public boolean active() {
		return this.active;
	}

	/**
	 * Notes a change that is about to be made.
	 * @param change what would change, for a sentence "would ..." (for example "add redirect URI X")
	 * @return {@code true} in a dry run, when the caller must not make the change
	 */
	public boolean skip(String change) {
		if (!this.active) {
			return false;
		}
		this.planned.add(change);
		return true;
	}

	/** Notes a file a skipped change would have written, so that a later line may name it. */
	public void planFile(Path file) {
		if (this.active) {
			this.plannedFiles.add(file.toAbsolutePath().normalize());
		}
	}

	public boolean isPlannedFile(Path file) {
		return this.active && this.plannedFiles.contains(file.toAbsolutePath().normalize());
	}

	/** Keeps what the dry run would have made current, e.g. the application it would have selected. */
	public <T> void remember(Class<T> kind, T value) {
		if (this.active) {
			this.remembered.put(kind, value);
		}
	}

	/** Whether the dry run would have made a value of this kind current (or cleared it). */
	public boolean remembers(Class<?> kind) {
		return this.active && this.remembered.containsKey(kind);
	}

	/** The value of this kind the dry run would have made current; {@code null} when it would have cleared it. */
	public <T> T recalled(Class<T> kind) {
		return kind.cast(this.remembered.get(kind));
	}

	/** Notes that the dry run would have cleared the value of this kind. */
	public void forget(Class<?> kind) {
		if (this.active) {
			this.remembered.put(kind, null);
		}
	}

	/** The changes noted since the last call. */
	public List<String> takePlanned() {
		List<String> taken = List.copyOf(this.planned);
		this.planned.clear();
		return taken;
	}

}
