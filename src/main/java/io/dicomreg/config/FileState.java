package io.dicomreg.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

/**
 * A file's identity and version as one stat sees it: its file key (the inode, which every atomic replacement
 * changes), modification time and size. A file whose state is unchanged holds what it held: what was read from it
 * need not be read again (another dicomreg that writes it replaces it, and so changes its state).
 *
 * @param key the file key, or where the file system has none an object of this state alone
 * @param modified the last modification time
 * @param size the size in bytes
 */
public record FileState(Object key, FileTime modified, long size) {

	/**
	 * The state of {@code file}, or empty when it does not exist or cannot be read. Where the file system has no
	 * file keys (inodes), a state is never equal to another: time and size alone could miss a replacement of the
	 * same size within the file system's time resolution, so such files are always read again.
	 */
	public static Optional<FileState> of(Path file) {
		try {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
			Object key = (attributes.fileKey() != null) ? attributes.fileKey() : new Object();
			return Optional.of(new FileState(key, attributes.lastModifiedTime(), attributes.size()));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

}
