package io.dicomreg.sandbox.directory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import io.dicomreg.sandbox.Sandbox;

/**
 * The file a tenant is kept in between runs: written atomically, readable by its owner only, because it holds the
 * tenant's signing key and the hashes of refresh tokens and client secrets. Callers hold its {@link StateLock}.
 */
public final class StateFile {

	/** The largest state file read; a real tenant of the sandbox is a few hundred kilobytes at most. */
	public static final long MAX_BYTES = 16L * 1024 * 1024;

	private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

	private final Path path;

	/** The content last read or written by this process, to tell whether another one wrote since. */
	private byte[] lastSeen;

	public StateFile(Path path) {
		this.path = path.toAbsolutePath();
	}

	public Path path() {
		return this.path;
	}

	/**
	 * Tells whether the group or others may read a file, which the state file and its lock should never allow.
	 * @param file the file; a link is followed
	 * @return false for a missing file or a file system without POSIX permissions
	 */
	public static boolean readableByOthers(Path file) {
		if (!POSIX) {
			return false;
		}
		try {
			Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
			return permissions.contains(PosixFilePermission.GROUP_READ)
					|| permissions.contains(PosixFilePermission.OTHERS_READ);
		}
		catch (IOException | UnsupportedOperationException ex) {
			return false;
		}
	}

	/**
	 * Reads the tenant, if the file exists.
	 * @return the tenant, empty when there is no file yet
	 * @throws Sandbox.StateException when the file exists but is not a usable state
	 */
	public Optional<Tenant> load() {
		Optional<byte[]> bytes = read();
		if (bytes.isEmpty()) {
			return Optional.empty();
		}
		Tenant tenant = decode(bytes.get());
		this.lastSeen = bytes.get();
		return Optional.of(tenant);
	}

	/**
	 * Reads the tenant if another process has written the file since this one last read or wrote it.
	 * @return the tenant on disk, empty when it is the one last seen or there is no file
	 * @throws Sandbox.StateException when the file is no longer a usable state
	 */
	public Optional<Tenant> loadIfChanged() {
		Optional<byte[]> bytes = read();
		if (bytes.isEmpty() || Arrays.equals(bytes.get(), this.lastSeen)) {
			return Optional.empty();
		}
		Tenant tenant = decode(bytes.get());
		this.lastSeen = bytes.get();
		return Optional.of(tenant);
	}

	/**
	 * Replaces the file's content with the tenant, atomically.
	 * @param tenant the tenant
	 */
	public void save(Tenant tenant) {
		byte[] bytes = Json.prettyBytes(TenantCodec.toJson(tenant));
		try {
			Files.createDirectories(this.path.getParent());
			Path temp = createTemp();
			try {
				write(temp, bytes);
				move(temp);
			}
			finally {
				Files.deleteIfExists(temp);
			}
			this.lastSeen = bytes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot save sandbox state file " + this.path, ex);
		}
	}

	/**
	 * The file's bytes, refusing without opening it anything but a regular file of at most {@link #MAX_BYTES}: a
	 * FIFO would block the open, a device such as /dev/zero would never end.
	 */
	private Optional<byte[]> read() {
		try {
			BasicFileAttributes attributes = Files.readAttributes(this.path, BasicFileAttributes.class);
			if (attributes.isDirectory()) {
				throw unreadable("it is a directory", null);
			}
			if (!attributes.isRegularFile()) {
				throw unreadable("it is not a regular file", null);
			}
			if (attributes.size() > MAX_BYTES) {
				throw tooLarge();
			}
			byte[] bytes;
			try (InputStream input = Files.newInputStream(this.path)) {
				bytes = input.readNBytes((int) MAX_BYTES + 1);
			}
			if (bytes.length > MAX_BYTES) {
				throw tooLarge();
			}
			return Optional.of(bytes);
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw unreadable(StateLock.reason(ex), ex);
		}
	}

	private Sandbox.StateException tooLarge() {
		return unreadable("it is larger than " + (MAX_BYTES / (1024 * 1024)) + " MiB", null);
	}

	private Sandbox.StateException unreadable(String why, IOException cause) {
		return new Sandbox.StateException(this.path, "cannot be read: " + why, cause);
	}

	private Tenant decode(byte[] bytes) {
		try {
			return TenantCodec.fromJson(Json.parse(bytes));
		}
		catch (RuntimeException ex) {
			throw new Sandbox.StateException(this.path, reason(ex), ex);
		}
	}

	private static String reason(RuntimeException ex) {
		String message = (ex.getMessage() != null) ? ex.getMessage().lines().findFirst().orElse("") : "";
		return message.isBlank() ? ex.getClass().getSimpleName() : message;
	}

	private Path createTemp() throws IOException {
		String prefix = "." + this.path.getFileName() + ".";
		if (POSIX) {
			return Files.createTempFile(this.path.getParent(), prefix, ".tmp",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		return Files.createTempFile(this.path.getParent(), prefix, ".tmp");
	}

	private static void write(Path temp, byte[] bytes) throws IOException {
		try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			ByteBuffer buffer = ByteBuffer.wrap(bytes);
			while (buffer.hasRemaining()) {
				channel.write(buffer);
			}
			channel.force(true);
		}
	}

	private void move(Path temp) throws IOException {
		try {
			Files.move(temp, this.path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(temp, this.path, StandardCopyOption.REPLACE_EXISTING);
		}
	}

}
