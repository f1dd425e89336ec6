package io.dicomreg.auth;

import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.ITokenCacheAccessContext;

/**
 * A token cache that lives as long as the process and is shared by every MSAL application of it.
 */
class MemoryTokenCache implements ITokenCacheAccessAspect {

	private String serialized;

	@Override
	public synchronized void beforeCacheAccess(ITokenCacheAccessContext context) {
		if (this.serialized != null) {
			context.tokenCache().deserialize(this.serialized);
		}
	}

	@Override
	public synchronized void afterCacheAccess(ITokenCacheAccessContext context) {
		if (context.hasCacheChanged()) {
			this.serialized = context.tokenCache().serialize();
		}
	}

}
