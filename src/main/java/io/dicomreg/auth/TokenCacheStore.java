package io.dicomreg.auth;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4jextensions.PersistenceSettings;
import com.microsoft.aad.msal4jextensions.PersistenceTokenCacheAccessAspect;

import io.dicomreg.config.DicomregHome;

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

	/**
	 * The cache aspect for one target; {@code null} cache key means memory only (a throwaway
	 * sandbox tenant).
	 */
	public ITokenCacheAccessAspect open(String cacheKey) {
		if (cacheKey == null) {
			return new MemoryTokenCache();
		}
		Path directory = this.home.createDirectory("cache");
		Path fallbackFile = directory.resolve(cacheKey + ".json");
		if (!fallbackFile.toFile().exists()) {
			try {
				return this.keyring.open(directory, cacheKey);
			}
			catch (Throwable unavailable) {
				// The extension throws java.lang.Error when no keyring library or service is there.
				this.notices.accept("No OS keyring is available: the token cache is kept in the owner-only file "
						+ fallbackFile + " (mode 0600).");
			}
		}
		return new OwnerOnlyFileTokenCache(fallbackFile);
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
