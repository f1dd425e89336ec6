package io.dicomreg.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

import com.microsoft.aad.msal4j.ITokenCache;
import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.ITokenCacheAccessContext;

import io.dicomreg.error.DicomregException;
import io.dicomreg.config.FileState;
import io.dicomreg.config.OwnerOnlyFiles;
import io.dicomreg.files.InputFileException;
import io.dicomreg.files.InputFiles;

/**
 * An MSAL token cache kept in a file that only its owner can read (mode 0600).
 */
class OwnerOnlyFileTokenCache implements ITokenCacheAccessAspect {

	/** The most a token cache may hold. */
	private static final long MAX_BYTES = 16 * 1024 * 1024;

	private final Path file;

	OwnerOnlyFileTokenCache(Path file) {
		this.file = file;
	}

	/**
	 * The state of the file when each token cache in memory last read or wrote it: while the file keeps that state,
	 * the cache in memory holds what the file holds, and MSAL's next access needs no read (a command asks for a token
	 * before each request).
	 */
	private final Map<ITokenCache, FileState> inMemory = new WeakHashMap<>();

	@Override
	public void beforeCacheAccess(ITokenCacheAccessContext context) {
		Optional<FileState> state = FileState.of(this.file);
		synchronized (this.inMemory) {
			if (state.isPresent() && state.get().equals(this.inMemory.get(context.tokenCache()))) {
				return;
			}
		}
		String content;
		try {
			content = Files.exists(this.file) ? InputFiles.readText(this.file, MAX_BYTES) : "";
		}
		catch (InputFileException ex) {
			throw DicomregException.failure("The token cache " + this.file + " " + ex.reason()
					+ ": delete it, then run 'login' again.");
		}
		if (content.isBlank()) {
			return;
		}
		try {
			context.tokenCache().deserialize(content);
			state.ifPresent(read -> remember(context.tokenCache(), read));
		}
		catch (RuntimeException ex) {
			throw DicomregException.failure("The token cache " + this.file + " is damaged (it holds no token cache "
					+ "that can be read): delete it, then run 'login' again.", ex);
		}
	}

	@Override
	public void afterCacheAccess(ITokenCacheAccessContext context) {
		if (!context.hasCacheChanged()) {
			return;
		}
		try {
			OwnerOnlyFiles.write(this.file, context.tokenCache().serialize().getBytes(StandardCharsets.UTF_8))
				.ifPresent(written -> remember(context.tokenCache(), written));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the token cache " + this.file, ex);
		}
	}

	private void remember(ITokenCache cache, FileState state) {
		synchronized (this.inMemory) {
			this.inMemory.put(cache, state);
		}
	}

}
