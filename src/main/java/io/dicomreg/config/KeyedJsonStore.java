package io.dicomreg.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dicomreg.error.DicomregException;
import io.dicomreg.files.InputFileException;
import io.dicomreg.files.InputFiles;

/**
 * Keeps one small JSON value per target in an owner-only file ({@code <home>/<folder>/<key>.json}),
 * or in memory for a target whose key is {@code null} (a throwaway sandbox tenant).
 *
 * @param <T> the type of the value, a record
 */
public class KeyedJsonStore<T> {

	private final Path directory;

	private final Class<T> type;

	/** One mapper for every store: making one costs start-up time. */
	private static final ObjectMapper JSON = new ObjectMapper()
		.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

	/** The most such a file may hold: they hold a few lines. */
	private static final long MAX_BYTES = 1024 * 1024;

	private final Map<String, T> memory = new HashMap<>();

	/** What was last read from or written to each file, with the file's identity then: read again only when it changed. */
	private final Map<String, Read<T>> lastRead = new HashMap<>();

	public KeyedJsonStore(DicomregHome home, String folder, Class<T> type) {
		this.directory = home.directory().resolve(folder);
		this.type = type;
	}

	/** The value of the target {@code key}; a damaged file counts as no value. */
	public synchronized Optional<T> load(String key) {
		if (key == null) {
			return Optional.ofNullable(this.memory.get(null));
		}
		Path file = fileOf(key);
		Optional<FileState> state = FileState.of(file);
		if (state.isEmpty()) {
			this.lastRead.remove(key);
			return Optional.empty();
		}
		Read<T> known = this.lastRead.get(key);
		if (known != null && known.state().equals(state.get())) {
			return Optional.ofNullable(known.value());
		}
		try {
			T value = JSON.readValue(InputFiles.read(file, MAX_BYTES), this.type);
			this.lastRead.put(key, new Read<>(state.get(), value));
			return Optional.ofNullable(value);
		}
		catch (IOException | InputFileException ex) {
			this.lastRead.remove(key);
			return Optional.empty();
		}
	}

	public synchronized void save(String key, T value) {
		if (key == null) {
			this.memory.put(null, value);
			return;
		}
		try {
			OwnerOnlyFiles.write(fileOf(key), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(value))
				.ifPresentOrElse(state -> this.lastRead.put(key, new Read<>(state, value)), () -> this.lastRead.remove(key));
		}
		catch (IOException ex) {
			throw DicomregException.failure("Cannot write " + fileOf(key) + " (" + reason(ex) + "): check that the "
					+ "dicomreg home (" + this.directory.getParent() + ") is writable, or name another with DICOMREG_HOME.", ex);
		}
	}

	public synchronized void clear(String key) {
		if (key == null) {
			this.memory.remove(null);
			return;
		}
		this.lastRead.remove(key);
		try {
			Files.deleteIfExists(fileOf(key));
		}
		catch (IOException ex) {
			throw DicomregException.failure("Cannot remove " + fileOf(key) + " (" + reason(ex) + ").", ex);
		}
	}

	/** Why a file operation failed, in words rather than an exception's name. */
	static String reason(IOException ex) {
		if (ex instanceof java.nio.file.AccessDeniedException) {
			return "permission denied";
		}
		if (ex instanceof java.nio.file.FileSystemException system && system.getReason() != null) {
			return system.getReason();
		}
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

	private Path fileOf(String key) {
		return this.directory.resolve(key + ".json");
	}

	/** A value as read from (or written to) a file in a state. */
	private record Read<T>(FileState state, T value) {
	}

}
