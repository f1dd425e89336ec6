package io.dicomreg.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.function.Consumer;

import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4jextensions.PersistenceSettings;
import com.microsoft.aad.msal4jextensions.PersistenceTokenCacheAccessAspect;

import io.dicomreg.config.DicomregHome;
import io.dicomreg.config.OwnerOnlyFiles;

/**
 * Chooses where MSAL keeps its token cache: the OS keyring through the MSAL persistence extension,
 * else an owner-only file, else memory.
 */
public class TokenCacheStore {

	private static final String KEYRING_SCHEMA = "io.dicomreg.tokencache";

	private final DicomregHome home;

	private final Consumer<String> notices;

	private final KeyringOpener keyring;

	public TokenCacheStore(DicomregHome home, Consumer<String> notices) {
		this(home, notices, TokenCacheStore::keyring);
	}

	TokenCacheStore(DicomregHome home, Consumer<String> notices, KeyringOpener keyring) {
		this.home = home;
		this.notices = notices;
		this.keyring = keyring;
	}

	/** A store that never tries the OS keyring: the owner-only file from the start. */
	public static TokenCacheStore withoutKeyring(DicomregHome home, Consumer<String> notices) {
		return new TokenCacheStore(home, notices, (directory, cacheKey) -> {
			throw new IllegalStateException("keyring not used");
		});
	}

	/**
	 * Chooses the cache of one target and returns a source of cache aspects for it, one per MSAL
	 * application: the keyring aspect remembers what it last read, so two applications must not
	 * share one. A {@code null} cache key means memory only (a throwaway sandbox tenant).
	 */
	public Supplier<ITokenCacheAccessAspect> open(String cacheKey) {
		if (cacheKey == null) {
			MemoryTokenCache memory = new MemoryTokenCache();
			return () -> memory;
		}
		Path directory = this.home.createDirectory("cache");
		Path fallbackFile = directory.resolve(cacheKey + ".json");
		if (!Files.exists(fallbackFile)) {
			try {
				this.keyring.open(directory, cacheKey);
				restrictKeyringFiles(directory, cacheKey, false);
				return () -> reopenKeyring(directory, cacheKey);
			}
			catch (Throwable unavailable) {
				// The extension throws java.lang.Error when no keyring library or service is there.
				restrictKeyringFiles(directory, cacheKey, true);
				useFallback(fallbackFile);
			}
		}
		return () -> new OwnerOnlyFileTokenCache(fallbackFile);
	}

	/**
	 * The keyring extension creates its files with the process's default mode: make them owner-only,
	 * and remove the empty ones a failed attempt left.
	 */
	private static void restrictKeyringFiles(Path directory, String cacheKey, boolean failed) {
		for (String suffix : new String[] { ".keyring.bin", ".keyring.bin.lock" }) {
			Path file = directory.resolve(cacheKey + suffix);
			try {
				if (failed && Files.isRegularFile(file) && Files.size(file) == 0) {
					Files.deleteIfExists(file);
				}
				else if (Files.exists(file)) {
					OwnerOnlyFiles.restrictToOwner(file);
				}
			}
			catch (IOException ex) {
				// Best effort: the folder is owner-only already.
			}
		}
	}

	private void useFallback(Path fallbackFile) {
		try {
			OwnerOnlyFiles.createOwnerOnly(fallbackFile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the token cache " + fallbackFile, ex);
		}
		this.notices.accept("No OS keyring is available: the token cache is kept in the owner-only file "
				+ fallbackFile + " (mode 0600).");
	}

	private ITokenCacheAccessAspect reopenKeyring(Path directory, String cacheKey) {
		try {
			return this.keyring.open(directory, cacheKey);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open the token cache in the OS keyring", ex);
		}
	}

	private static ITokenCacheAccessAspect keyring(Path directory, String cacheKey) throws IOException {
		PersistenceSettings settings = PersistenceSettings.builder(cacheKey + ".keyring.bin", directory)
			.setMacKeychain("dicomreg", cacheKey)
			.setLinuxKeyring(null, KEYRING_SCHEMA, "dicomreg token cache (" + cacheKey + ")", "target", cacheKey,
					"application", "dicomreg")
			.build();
		return new PersistenceTokenCacheAccessAspect(settings);
	}

	/** Opens the keyring-backed cache; may throw {@link Error} where no keyring exists. */
	@FunctionalInterface
	interface KeyringOpener {

		ITokenCacheAccessAspect open(Path directory, String cacheKey) throws IOException;

	}

}
