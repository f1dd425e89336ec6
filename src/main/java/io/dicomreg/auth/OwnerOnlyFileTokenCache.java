package io.dicomreg.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.ITokenCacheAccessContext;

import io.dicomreg.config.OwnerOnlyFiles;

/**
 * An MSAL token cache kept in a file that only its owner can read (mode 0600).
 */
class OwnerOnlyFileTokenCache implements ITokenCacheAccessAspect {

	private final Path file;

	OwnerOnlyFileTokenCache(Path file) {
		this.file = file;
	}

	@Override
	public void beforeCacheAccess(ITokenCacheAccessContext context) {
		try {
			String content = Files.exists(this.file) ? Files.readString(this.file, StandardCharsets.UTF_8) : "";
			if (!content.isBlank()) {
				context.tokenCache().deserialize(content);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the token cache " + this.file, ex);
		}
	}

	@Override
	public void afterCacheAccess(ITokenCacheAccessContext context) {
		if (!context.hasCacheChanged()) {
			return;
		}
		try {
			OwnerOnlyFiles.write(this.file, context.tokenCache().serialize().getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the token cache " + this.file, ex);
		}
	}

}
