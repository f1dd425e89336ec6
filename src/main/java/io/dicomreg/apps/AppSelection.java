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

	private final DryRun dryRun;

	/** What a dry run selected, and which dry run: it never reaches the file. */
	private AppRef planned;

	private int plannedIn = -1;

	public AppSelection(ConnectionTarget target, DicomregHome home) {
		this(target, home, DryRun.off());
	}

	public AppSelection(ConnectionTarget target, DicomregHome home, DryRun dryRun) {
		this.target = target;
		this.store = new KeyedJsonStore<>(home, "selection", AppRef.class);
		this.dryRun = dryRun;
	}

	/** The selected application, read without any network call. */
	public Optional<AppRef> current() {
		if (this.dryRun.active() && this.plannedIn == this.dryRun.generation()) {
			return Optional.ofNullable(this.planned);
		}
		return this.store.load(this.target.cacheKey());
	}

	public void select(AppRef app) {
		if (this.dryRun.active()) {
			this.planned = app;
			this.plannedIn = this.dryRun.generation();
			return;
		}
		this.store.save(this.target.cacheKey(), app);
	}

	public void clear() {
		if (this.dryRun.active()) {
			select(null);
			return;
		}
		this.store.clear(this.target.cacheKey());
	}

}
