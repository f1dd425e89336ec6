package io.dicomreg.cli.walkthrough;

import java.util.Optional;

import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.config.DicomregHome;
import io.dicomreg.config.KeyedJsonStore;

/**
 * Keeps the walkthrough's progress per target in an owner-only file under the dicomreg home (in
 * memory for a throwaway sandbox, whose tenant ends with the process).
 */
public class WalkthroughProgressStore {

	private final ConnectionTarget target;

	private final KeyedJsonStore<WalkthroughProgress> store;

	public WalkthroughProgressStore(ConnectionTarget target, DicomregHome home) {
		this.target = target;
		this.store = new KeyedJsonStore<>(home, "walkthrough", WalkthroughProgress.class);
	}

	/** The progress of the last walkthrough on this target, finished or not. */
	public Optional<WalkthroughProgress> load() {
		return this.store.load(this.target.cacheKey());
	}

	public void save(WalkthroughProgress progress) {
		this.store.save(this.target.cacheKey(), progress);
	}

}
