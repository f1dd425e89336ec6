package io.dicomreg.apps.credentials;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.dicomreg.apps.AppRef;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.config.DicomregHome;
import io.dicomreg.config.KeyedJsonStore;

/**
 * What dicomreg is about to do with a client secret, written down before it asks Graph to add it
 * and forgotten once the value is safe (in its file, or handed back to be shown): a secret found
 * later that an intent still names was added by a run that died before its value was kept, so
 * nobody has the value.
 */
public class SecretIntents {

	private final KeyedJsonStore<Intents> store;

	private final String key;

	private SecretIntents(KeyedJsonStore<Intents> store, String key) {
		this.store = store;
		this.key = key;
	}

	/** Intents kept in the dicomreg home, per target (in memory for a throwaway sandbox tenant). */
	public static SecretIntents in(DicomregHome home, ConnectionTarget target) {
		return new SecretIntents(new KeyedJsonStore<>(home, "intents", Intents.class), target.cacheKey());
	}

	/** Intents kept in memory only: for services used outside the shell. */
	public static SecretIntents inMemory() {
		return new SecretIntents(null, null) {

			private final List<Intent> memory = new ArrayList<>();

			@Override
			List<Intent> load() {
				return this.memory;
			}

			@Override
			void save(List<Intent> intents) {
				if (intents != this.memory) {
					this.memory.clear();
					this.memory.addAll(intents);
				}
			}

		};
	}

	/** Notes that a secret is about to be added to {@code app}, its value going to {@code file} (or shown). */
	public synchronized void record(AppRef app, String description, Path file, Instant at) {
		List<Intent> intents = new ArrayList<>(load());
		intents.removeIf(intent -> intent.matches(app, description, file));
		intents.add(new Intent(app.objectId(), description, (file != null) ? file.toString() : null, at.toString()));
		save(intents);
	}

	/** When a secret for {@code app} described so, its value going to {@code file}, was about to be added. */
	public synchronized Optional<Instant> find(AppRef app, String description, Path file) {
		return load().stream().filter(intent -> intent.matches(app, description, file)).findFirst()
			.map(intent -> Instant.parse(intent.at()));
	}

	/** Forgets the intent: the value is safe, or the secret is gone. */
	public synchronized void clear(AppRef app, String description, Path file) {
		List<Intent> intents = new ArrayList<>(load());
		if (intents.removeIf(intent -> intent.matches(app, description, file))) {
			save(intents);
		}
	}

	List<Intent> load() {
		return this.store.load(this.key).map(Intents::intents).orElse(List.of());
	}

	void save(List<Intent> intents) {
		if (intents.isEmpty()) {
			this.store.clear(this.key);
		}
		else {
			this.store.save(this.key, new Intents(List.copyOf(intents)));
		}
	}

	/**
	 * The intents of a target, as kept in its file.
	 *
	 * @param intents the intents
	 */
	public record Intents(List<Intent> intents) {
	}

	/**
	 * One secret about to be added.
	 *
	 * @param appObjectId the application's object ID
	 * @param description the secret's description
	 * @param file where its value goes, or {@code null} when it is shown
	 * @param at when, as an ISO instant
	 */
	public record Intent(String appObjectId, String description, String file, String at) {

		boolean matches(AppRef app, String description, Path file) {
			return this.appObjectId.equals(app.objectId()) && Objects.equals(this.description, description)
					&& Objects.equals(this.file, (file != null) ? file.toString() : null);
		}

	}

}
