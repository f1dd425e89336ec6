package io.dicomreg.apps;

import java.util.Optional;

import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.config.DicomregHome;
import io.dicomreg.config.DryRun;
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
		return current(DryRun.off());
	}

	/** The selected application as this run sees it: in a dry run, the one it would have selected. */
	public Optional<AppRef> current(DryRun plan) {
		if (plan.remembers(AppRef.class)) {
			return Optional.ofNullable(plan.recalled(AppRef.class));
		}
		return this.store.load(this.target.cacheKey());
	}

	/** Selects {@code app}; a dry run only remembers it, for its later lines. */
	public void select(AppRef app, DryRun plan) {
		if (plan.active()) {
			plan.remember(AppRef.class, app);
			return;
		}
		this.store.save(this.target.cacheKey(), app);
	}

	/** Forgets the selection; a dry run only remembers that it would have. */
	public void clear(DryRun plan) {
		if (plan.active()) {
			plan.forget(AppRef.class);
			return;
		}
		this.store.clear(this.target.cacheKey());
	}

}
