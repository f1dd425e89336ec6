package io.dicomreg.auth;

import java.util.Optional;

import io.dicomreg.config.DicomregHome;
import io.dicomreg.config.KeyedJsonStore;

/**
 * Remembers the {@link Session} of each target in an owner-only file, or in memory for a
 * throwaway sandbox tenant.
 */
public class SessionStore {

	private final KeyedJsonStore<Session> store;

	public SessionStore(DicomregHome home) {
		this.store = new KeyedJsonStore<>(home, "sessions", Session.class);
	}

	/** The session of the target named {@code cacheKey} ({@code null}: in-memory target). */
	public Optional<Session> load(String cacheKey) {
		return this.store.load(cacheKey);
	}

	public void save(String cacheKey, Session session) {
		this.store.save(cacheKey, session);
	}

	public void clear(String cacheKey) {
		this.store.clear(cacheKey);
	}

}
