package io.dicomreg.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dicomreg.config.DicomregHome;
import io.dicomreg.config.OwnerOnlyFiles;

/**
 * Remembers the {@link Session} of each target in an owner-only file, or in memory for a
 * throwaway sandbox tenant.
 */
public class SessionStore {

	private final DicomregHome home;

	private final ObjectMapper json = new ObjectMapper()
		.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

	private final Map<String, Session> memory = new HashMap<>();

	public SessionStore(DicomregHome home) {
		this.home = home;
	}

	/** The session of the target named {@code cacheKey} ({@code null}: in-memory target). */
	public synchronized Optional<Session> load(String cacheKey) {
		if (cacheKey == null) {
			return Optional.ofNullable(this.memory.get(null));
		}
		Path file = fileOf(cacheKey);
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		try {
			return Optional.of(this.json.readValue(file.toFile(), Session.class));
		}
		catch (IOException ex) {
			// A damaged session file is treated as signed out; the next login rewrites it.
			return Optional.empty();
		}
	}

	public synchronized void save(String cacheKey, Session session) {
		if (cacheKey == null) {
			this.memory.put(null, session);
			return;
		}
		try {
			OwnerOnlyFiles.write(fileOf(cacheKey), this.json.writerWithDefaultPrettyPrinter().writeValueAsBytes(session));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot save the sign-in session", ex);
		}
	}

	public synchronized void clear(String cacheKey) {
		if (cacheKey == null) {
			this.memory.remove(null);
			return;
		}
		try {
			Files.deleteIfExists(fileOf(cacheKey));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot remove the sign-in session", ex);
		}
	}

	private Path fileOf(String cacheKey) {
		return this.home.directory().resolve("sessions").resolve(cacheKey + ".json");
	}

}
