package io.dicomreg.sandbox.directory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Guards the tenant with one lock; every change is applied to a copy, saved, and only then made current. A tenant
 * kept in a state file is re-read under the file's {@link StateLock} whenever another process wrote it: shared to
 * read, exclusive from the re-read through the write of a change, so that no change of another process is lost.
 */
public final class TenantStore implements AutoCloseable {

	/** How long to wait for another process to finish with the state file. */
	public static final Duration DEFAULT_LOCK_TIMEOUT = StateLock.DEFAULT_TIMEOUT;

	private final StateFile stateFile;

	private final StateLock lock;

	private final List<Path> readableByOthers;

	private Tenant tenant;

	private TenantStore(StateFile stateFile, StateLock lock, Tenant tenant, List<Path> readableByOthers) {
		this.stateFile = stateFile;
		this.lock = lock;
		this.tenant = tenant;
		this.readableByOthers = readableByOthers;
	}

	/**
	 * Opens a tenant, waiting at most {@link StateLock#DEFAULT_TIMEOUT} for other processes using the file.
	 * @param stateFile the file to keep it in, null to keep it in memory only
	 * @param clock the sandbox clock
	 * @return the store
	 * @throws io.dicomreg.sandbox.Sandbox.StateException when the file exists but is not a usable state, or is in
	 * use longer than the timeout
	 */
	public static TenantStore open(Path stateFile, Clock clock) {
		return open(stateFile, clock, StateLock.DEFAULT_TIMEOUT);
	}

	/**
	 * Opens a tenant. A missing state file is created at once with a fresh tenant, so that every process starting on
	 * it shares that one tenant; a state file written before there were owner secrets gets one, and one an earlier
	 * dicomreg wrote is saved with what it lacked (see {@link TenantCodec#fromJson}).
	 * @param stateFile the file to keep it in, null to keep it in memory only
	 * @param clock the sandbox clock
	 * @param lockTimeout how long to wait for other processes using the file, here and on each later access
	 * @return the store
	 * @throws io.dicomreg.sandbox.Sandbox.StateException when the file exists but is not a usable state, or is in
	 * use longer than the timeout
	 */
	public static TenantStore open(Path stateFile, Clock clock, Duration lockTimeout) {
		if (stateFile == null) {
			return new TenantStore(null, null, TenantFactory.fresh(clock), List.of());
		}
		StateFile file = new StateFile(stateFile);
		List<Path> readableByOthers = Stream.of(file.path(), StateLock.lockFileOf(file.path()))
			.filter(StateFile::readableByOthers)
			.toList();
		StateLock lock = StateLock.open(file.path(), lockTimeout);
		try (StateLock.Hold hold = lock.exclusive()) {
			Tenant tenant = file.load().orElse(null);
			if (tenant == null) {
				tenant = TenantFactory.fresh(clock);
				file.save(tenant);
			}
			else if (tenant.ownerSecret() == null || tenant.upgraded()) {
				if (tenant.ownerSecret() == null) {
					tenant.setOwnerSecret(TenantFactory.newOwnerSecret());
				}
				file.save(tenant);
			}
			return new TenantStore(file, lock, tenant, readableByOthers);
		}
		catch (RuntimeException ex) {
			lock.close();
			throw ex;
		}
	}

	/**
	 * Reads from the tenant.
	 * @param <T> the result type
	 * @param action what to read; must not change the tenant
	 * @return the action's result
	 */
	public synchronized <T> T read(Function<Tenant, T> action) {
		if (this.stateFile != null) {
			try (StateLock.Hold hold = this.lock.shared()) {
				refreshFromDisk();
			}
		}
		return action.apply(this.tenant);
	}

	/**
	 * Changes the tenant: nothing is kept if the action throws.
	 * @param <T> the result type
	 * @param action the change
	 * @return the action's result
	 */
	public synchronized <T> T write(Function<Tenant, T> action) {
		if (this.stateFile == null) {
			return apply(action);
		}
		try (StateLock.Hold hold = this.lock.exclusive()) {
			refreshFromDisk();
			return apply(action);
		}
	}

	/**
	 * The state file and its lock file if, when the store was opened, the group or others could read them. The
	 * sandbox creates both owner-only; it does not change the mode of files it finds.
	 * @return the files, state file first; empty for a tenant in memory
	 */
	public List<Path> readableByOthers() {
		return this.readableByOthers;
	}

	/** Releases the state file's lock; the store is not used afterwards. */
	@Override
	public void close() {
		if (this.lock != null) {
			this.lock.close();
		}
	}

	private <T> T apply(Function<Tenant, T> action) {
		Tenant copy = TenantCodec.copy(this.tenant);
		T result = action.apply(copy);
		if (this.stateFile != null) {
			this.stateFile.save(copy);
		}
		this.tenant = copy;
		return result;
	}

	private void refreshFromDisk() {
		this.stateFile.loadIfChanged().ifPresent((loaded) -> this.tenant = loaded);
	}

}
