package io.dicomreg.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Keeps one small JSON value per target in an owner-only file ({@code <home>/<folder>/<key>.json}),
 * or in memory for a target whose key is {@code null} (a throwaway sandbox tenant).
 *
 * @param <T> the type of the value, a record
 */
public class KeyedJsonStore<T> {

	private final Path directory;

	private final Class<T> type;

	private final ObjectMapper json = new ObjectMapper()
		.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

	private final Map<String, T> memory = new HashMap<>();

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
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		try {
			return Optional.of(this.json.readValue(file.toFile(), this.type));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	public synchronized void save(String key, T value) {
		if (key == null) {
			this.memory.put(null, value);
			return;
		}
		try {
			OwnerOnlyFiles.write(fileOf(key), this.json.writerWithDefaultPrettyPrinter().writeValueAsBytes(value));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot save " + fileOf(key), ex);
		}
	}

	public synchronized void clear(String key) {
		if (key == null) {
			this.memory.remove(null);
			return;
		}
		try {
			Files.deleteIfExists(fileOf(key));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot remove " + fileOf(key), ex);
		}
	}

	private Path fileOf(String key) {
		return this.directory.resolve(key + ".json");
	}

}
