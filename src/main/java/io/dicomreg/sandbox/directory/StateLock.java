package io.dicomreg.sandbox.directory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import io.dicomreg.sandbox.Sandbox;

/**
 * One writer at a time on a state file: an OS file lock on the sidecar file {@code STATE.lock} next to it, taken
 * shared to read the state file and exclusive from re-reading it to writing it, so that processes sharing the file
 * never interleave a change. The lock file holds nothing yet (its content is free for later use, such as the address
 * of a process serving the tenant); it is created owner-only and never deleted, since an OS lock dies with its
 * process and an existing lock file means nothing by itself.
 * <p>
 * Within one JVM every user of a lock file shares one channel and one thread lock: OS locks belong to the process,
 * and closing any channel of the file would drop them all.
 */
public final class StateLock implements AutoCloseable {

	/** How long to wait for another process to finish with the state file. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

	private static final Set<OpenOption> OPEN_OPTIONS = Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
			StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);

	private static final long FIRST_PAUSE_MILLIS = 2;

	private static final long LONGEST_PAUSE_MILLIS = 50;

	/** The lock files open in this JVM, by real path; guarded by itself. */
	private static final Map<Path, Shared> OPEN = new HashMap<>();

	private final Path stateFile;

	private final Path lockFile;

	private final Duration timeout;

	private final Shared shared;

	private boolean closed;

	private StateLock(Path stateFile, Path lockFile, Duration timeout, Shared shared) {
		this.stateFile = stateFile;
		this.lockFile = lockFile;
		this.timeout = timeout;
		this.shared = shared;
	}

	/**
	 * The lock file of a state file.
	 * @param stateFile the state file
	 * @return {@code STATE.lock} in the same directory
	 */
	public static Path lockFileOf(Path stateFile) {
		return stateFile.resolveSibling(stateFile.getFileName() + ".lock");
	}

	/**
	 * Opens the lock of a state file, creating its directory and lock file (owner-only) when missing.
	 * @param stateFile the state file, absolute
	 * @param timeout how long {@link #shared()} and {@link #exclusive()} wait for other holders
	 * @return the lock, not held
	 * @throws Sandbox.StateException when the lock file cannot be created or opened
	 */
	public static StateLock open(Path stateFile, Duration timeout) {
		Path lockFile = lockFileOf(stateFile);
		try {
			Files.createDirectories(stateFile.getParent());
			Path key = stateFile.getParent().toRealPath().resolve(lockFile.getFileName());
			synchronized (OPEN) {
				Shared shared = OPEN.get(key);
				if (shared == null) {
					shared = new Shared(key, openChannel(lockFile));
					OPEN.put(key, shared);
				}
				shared.users++;
				return new StateLock(stateFile, lockFile, timeout, shared);
			}
		}
		catch (IOException ex) {
			throw Sandbox.StateException.withMessage(stateFile, "Sandbox state file " + stateFile
					+ " cannot be locked: its lock file " + lockFile + " cannot be opened (" + reason(ex) + ").", ex);
		}
	}

	public Path lockFile() {
		return this.lockFile;
	}

	/**
	 * Waits for a shared hold: others may read at the same time, nobody writes.
	 * @return the hold, to close
	 * @throws Sandbox.StateException when the lock is not free within the timeout
	 */
	public Hold shared() {
		return acquire(false);
	}

	/**
	 * Waits for an exclusive hold: nobody else reads or writes.
	 * @return the hold, to close
	 * @throws Sandbox.StateException when the lock is not free within the timeout
	 */
	public Hold exclusive() {
		return acquire(true);
	}

	@Override
	public void close() {
		synchronized (OPEN) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			if (--this.shared.users == 0) {
				OPEN.remove(this.shared.key);
				try {
					this.shared.channel.close();
				}
				catch (IOException ex) {
					// Closing releases the OS lock; there is nothing left to do with a failure.
				}
			}
		}
	}

	private Hold acquire(boolean exclusive) {
		Shared lock = this.shared;
		if (lock.threads.isHeldByCurrentThread()) {
			if (exclusive && !lock.exclusive) {
				throw new IllegalStateException("A change to the tenant inside a read of it");
			}
			lock.threads.lock();
			return lock.threads::unlock;
		}
		long deadline = System.nanoTime() + this.timeout.toNanos();
		try {
			if (!lock.threads.tryLock(this.timeout.toNanos(), TimeUnit.NANOSECONDS)) {
				throw busy();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw busy();
		}
		try {
			FileLock fileLock = waitForFileLock(lock.channel, exclusive, deadline);
			lock.exclusive = exclusive;
			return () -> {
				try {
					fileLock.release();
				}
				catch (IOException ex) {
					// The channel stays open; an OS lock that cannot be released is released with it.
				}
				finally {
					lock.threads.unlock();
				}
			};
		}
		catch (RuntimeException | Error ex) {
			lock.threads.unlock();
			throw ex;
		}
	}

	private FileLock waitForFileLock(FileChannel channel, boolean exclusive, long deadline) {
		long pause = FIRST_PAUSE_MILLIS;
		while (true) {
			FileLock fileLock = tryFileLock(channel, exclusive);
			if (fileLock != null) {
				return fileLock;
			}
			long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
			if (remainingMillis <= 0) {
				throw busy();
			}
			try {
				Thread.sleep(Math.min(pause, remainingMillis));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw busy();
			}
			pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
		}
	}

	private FileLock tryFileLock(FileChannel channel, boolean exclusive) {
		try {
			return channel.tryLock(0, Long.MAX_VALUE, !exclusive);
		}
		catch (OverlappingFileLockException ex) {
			// Held in this JVM through another channel than the shared one: wait as for another process.
			return null;
		}
		catch (IOException ex) {
			throw Sandbox.StateException.withMessage(this.stateFile, "Sandbox state file " + this.stateFile
					+ " cannot be locked: " + this.lockFile + " (" + reason(ex) + ").", ex);
		}
	}

	private Sandbox.StateException busy() {
		return Sandbox.StateException.withMessage(this.stateFile, "Sandbox state file " + this.stateFile
				+ " is in use: another process held its lock " + this.lockFile + " for more than "
				+ describe(this.timeout) + ". Try again when it is done.", null);
	}

	private static String describe(Duration duration) {
		return (duration.toMillis() % 1000 == 0) ? duration.toSeconds() + " seconds" : duration.toMillis() + " ms";
	}

	private static FileChannel openChannel(Path lockFile) throws IOException {
		try {
			BasicFileAttributes attributes = Files.readAttributes(lockFile, BasicFileAttributes.class,
					LinkOption.NOFOLLOW_LINKS);
			if (!attributes.isRegularFile()) {
				throw new FileSystemException(lockFile.toString(), null, "not a regular file");
			}
		}
		catch (NoSuchFileException ex) {
			// Created below.
		}
		return FileChannel.open(lockFile, OPEN_OPTIONS, ownerOnly());
	}

	private static FileAttribute<?>[] ownerOnly() {
		if (!POSIX) {
			return new FileAttribute<?>[0];
		}
		return new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")) };
	}

	static String reason(IOException ex) {
		if (ex instanceof NoSuchFileException) {
			return "no such file or directory";
		}
		if (ex instanceof AccessDeniedException) {
			return "permission denied";
		}
		if (ex instanceof NotDirectoryException) {
			return "a part of its path is a file, not a folder";
		}
		if (ex instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
			return fileSystem.getReason();
		}
		String message = (ex.getMessage() != null) ? ex.getMessage().lines().findFirst().orElse("") : "";
		return message.isBlank() ? ex.getClass().getSimpleName() : message;
	}

	/**
	 * A hold of the lock; closing it releases it.
	 */
	@FunctionalInterface
	public interface Hold extends AutoCloseable {

		@Override
		void close();

	}

	/** One lock file open in this JVM. */
	private static final class Shared {

		private final Path key;

		private final FileChannel channel;

		private final ReentrantLock threads = new ReentrantLock(true);

		private int users;

		/** Whether the current hold is exclusive; read and written by the thread holding {@link #threads}. */
		private boolean exclusive;

		Shared(Path key, FileChannel channel) {
			this.key = key;
			this.channel = channel;
		}

	}

}
