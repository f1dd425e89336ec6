package io.dicomreg.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The user's dicomreg directory: token cache, sign-in sessions and history.
 * <p>
 * It is {@code ~/.dicomreg} unless the {@code dicomreg.home} system property or the
 * {@code DICOMREG_HOME} environment variable names another one.
 */
public final class DicomregHome {

	private final Path directory;

	public DicomregHome(Path directory) {
		this.directory = directory;
	}

	/** The directory chosen by the system property, the environment or the default. */
	public static DicomregHome resolve() {
		String property = System.getProperty("dicomreg.home");
		String environment = System.getenv("DICOMREG_HOME");
		String chosen = (property != null && !property.isBlank()) ? property
				: (environment != null && !environment.isBlank()) ? environment : null;
		return new DicomregHome((chosen != null) ? Path.of(chosen)
				: Path.of(System.getProperty("user.home"), ".dicomreg"));
	}

	public Path directory() {
		return this.directory;
	}

	/** Returns {@code child}, creating the directory (owner-only where the file system allows). */
	public Path createDirectory(String child) {
		Path path = this.directory.resolve(child);
		try {
			OwnerOnlyFiles.createDirectories(path);
			OwnerOnlyFiles.restrict(path, PosixFilePermissions.fromString("rwx------"));
			return path;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create directory " + path, ex);
		}
	}

}
