package io.dicomreg.sandbox.directory;

import java.io.IOException;
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
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Optional;

import io.dicomreg.sandbox.Sandbox;

/**
 * The file a tenant is kept in between runs: written atomically, readable by its owner only, because it holds the
 * tenant's signing key and the hashes of refresh tokens and client secrets. Callers hold its {@link StateLock}.
 */
public final class StateFile {

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

	private Optional<byte[]> read() {
		try {
			return Optional.of(Files.readAllBytes(this.path));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new Sandbox.StateException(this.path, "cannot be read: " + ex.getMessage(), ex);
		}
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
