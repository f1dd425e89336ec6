package io.dicomreg.config;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Writes files that only their owner may read (mode 0600), replacing them atomically.
 */
public final class OwnerOnlyFiles {

	private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

	private OwnerOnlyFiles() {
	}

	/**
	 * Writes {@code content} to {@code target} through a 0600 temporary file and an atomic move.
	 * @return the state of the file written, taken before the move (which keeps it): a later stat of
	 * {@code target} could already see another process's file
	 */
	public static Optional<FileState> write(Path target, byte[] content) throws IOException {
		Path directory = target.toAbsolutePath().getParent();
		createDirectories(directory);
		Path temporary = isPosix() ? Files.createTempFile(directory, ".dicomreg", ".tmp", ownerOnly())
				: Files.createTempFile(directory, ".dicomreg", ".tmp");
		try {
			Files.write(temporary, content, StandardOpenOption.TRUNCATE_EXISTING);
			Optional<FileState> written = FileState.of(temporary);
			Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return written;
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	/** Creates {@code target} (or truncates it) with mode 0600 where the file system has modes. */
	public static void createOwnerOnly(Path target) throws IOException {
		createDirectories(target.toAbsolutePath().getParent());
		if (!Files.exists(target)) {
			if (isPosix()) {
				Files.createFile(target, ownerOnly());
			}
			else {
				Files.createFile(target);
			}
		}
		restrict(target, OWNER_READ_WRITE);
	}

	/**
	 * Creates {@code directory} and the folders above it that are missing, owner-only (0700): the
	 * dicomreg home and its folders are never readable by others, not even for a moment.
	 */
	public static void createDirectories(Path directory) throws IOException {
		if (Files.isDirectory(directory)) {
			return;
		}
		if (isPosix()) {
			Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
		}
		else {
			Files.createDirectories(directory);
		}
	}

	/** Makes an existing file owner-only (0600) where the file system has modes. */
	public static void restrictToOwner(Path file) throws IOException {
		restrict(file, OWNER_READ_WRITE);
	}

	static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
		if (isPosix()) {
			Files.setPosixFilePermissions(path, permissions);
		}
	}

	private static FileAttribute<Set<PosixFilePermission>> ownerOnly() {
		return PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE);
	}

	private static boolean isPosix() {
		return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
	}

}
