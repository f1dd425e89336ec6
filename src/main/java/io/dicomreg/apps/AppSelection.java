package io.dicomreg.apps;

import java.util.Optional;

import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.config.DicomregHome;
import io.dicomreg.config.KeyedJsonStore;

/**
 * The selected ("current") application of a target, used when a command is given no
 * {@code --app}; kept between runs, forgotten at sign-out.
 */
public class AppSelection {

	private final ConnectionTarget target;

	private final KeyedJsonStore<AppRef> store;

	public AppSelection(ConnectionTarget target, DicomregHome home) {
		this.target = target;
		this.store = new KeyedJsonStore<>(home, "selection", AppRef.class);
	}

	/** The selected application, read without any network call. */
	public Optional<AppRef> current() {
		return this.store.load(this.target.cacheKey());
	}

	public void select(AppRef app) {
		this.store.save(this.target.cacheKey(), app);
	}

	public void clear() {
		this.store.clear(this.target.cacheKey());
	}

}
