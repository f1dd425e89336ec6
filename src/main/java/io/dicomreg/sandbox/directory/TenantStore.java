package io.dicomreg.sandbox.directory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;

/**
 * Guards the tenant with one lock; every change is applied to a copy, saved, and only then made current.
 */
public final class TenantStore {

	private final StateFile stateFile;

	private Tenant tenant;

	private TenantStore(StateFile stateFile, Tenant tenant) {
		this.stateFile = stateFile;
		this.tenant = tenant;
	}

	/**
	 * Opens a tenant.
	 * @param stateFile the file to keep it in, null to keep it in memory only
	 * @param clock the sandbox clock
	 * @return the store
	 * @throws io.dicomreg.sandbox.Sandbox.StateException when the file exists but is not a usable state
	 */
	public static TenantStore open(Path stateFile, Clock clock) {
		if (stateFile == null) {
			return new TenantStore(null, TenantFactory.fresh(clock));
		}
		StateFile file = new StateFile(stateFile);
		return new TenantStore(file, file.load().orElseGet(() -> TenantFactory.fresh(clock)));
	}

	/**
	 * Reads from the tenant.
	 * @param <T> the result type
	 * @param action what to read; must not change the tenant
	 * @return the action's result
	 */
	public synchronized <T> T read(Function<Tenant, T> action) {
		refreshFromDisk();
		return action.apply(this.tenant);
	}

	/**
	 * Changes the tenant: nothing is kept if the action throws.
	 * @param <T> the result type
	 * @param action the change
	 * @return the action's result
	 */
	public synchronized <T> T write(Function<Tenant, T> action) {
		refreshFromDisk();
		Tenant copy = TenantCodec.copy(this.tenant);
		T result = action.apply(copy);
		if (this.stateFile != null) {
			this.stateFile.save(copy);
		}
		this.tenant = copy;
		return result;
	}

	private void refreshFromDisk() {
		if (this.stateFile != null && this.stateFile.changedOnDisk()) {
			this.stateFile.load().ifPresent((loaded) -> this.tenant = loaded);
		}
	}

}
