package io.dicomreg.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.ITokenCacheAccessContext;
import com.microsoft.aad.msal4j.ITokenCache;
import com.microsoft.aad.msal4j.IAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.config.DicomregHome;

import static org.assertj.core.api.Assertions.assertThat;

class TokenCacheStoreTests {

	@TempDir
	Path home;

	private final List<String> notices = new ArrayList<>();

	private int keyringAttempts;

	@Test
	void withoutKeyringFallsBackToAnOwnerOnlyFileAndSaysSoOnce() throws Exception {
		TokenCacheStore store = new TokenCacheStore(new DicomregHome(this.home), this.notices::add, this::noKeyring);
		ITokenCacheAccessAspect cache = store.open("AzureCloud").get();
		Path file = this.home.resolve("cache/AzureCloud.json");
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(this.notices).singleElement().asString().contains("No OS keyring").contains("0600");

		cache.afterCacheAccess(new Access("{\"AccessToken\":{}}", true));
		assertThat(file).hasContent("{\"AccessToken\":{}}");
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

		new TokenCacheStore(new DicomregHome(this.home), this.notices::add, this::noKeyring).open("AzureCloud").get();
		assertThat(this.notices).hasSize(1);
		assertThat(this.keyringAttempts).isEqualTo(1);
	}

	@Test
	void fileCacheIsReadBackByANewStore() {
		TokenCacheStore first = new TokenCacheStore(new DicomregHome(this.home), this.notices::add, this::noKeyring);
		first.open("sandbox-abc").get().afterCacheAccess(new Access("{\"Account\":{}}", true));
		Access read = new Access(null, false);
		new TokenCacheStore(new DicomregHome(this.home), this.notices::add, this::noKeyring).open("sandbox-abc").get()
			.beforeCacheAccess(read);
		assertThat(read.cache.serialized).isEqualTo("{\"Account\":{}}");
	}

	@Test
	void throwawaySandboxKeepsTheCacheInMemoryOnly() {
		TokenCacheStore store = new TokenCacheStore(new DicomregHome(this.home), this.notices::add, this::noKeyring);
		store.open(null).get().afterCacheAccess(new Access("{}", true));
		assertThat(this.home.resolve("cache")).doesNotExist();
		assertThat(this.keyringAttempts).isZero();
	}

	@Test
	void eachApplicationGetsItsOwnKeyringAspect() {
		TokenCacheStore store = new TokenCacheStore(new DicomregHome(this.home), this.notices::add,
				(directory, key) -> new MemoryTokenCache());
		var caches = store.open("AzureCloud");
		assertThat(caches.get()).isNotSameAs(caches.get());
		assertThat(this.notices).isEmpty();
	}

	private ITokenCacheAccessAspect noKeyring(Path directory, String cacheKey) {
		this.keyringAttempts++;
		throw new UnsatisfiedLinkError("libsecret-1 not found");
	}

	/** A cache access as MSAL makes it, holding the serialized cache. */
	private static final class Access implements ITokenCacheAccessContext {

		private final FakeCache cache;

		private final boolean changed;

		Access(String serialized, boolean changed) {
			this.cache = new FakeCache(serialized);
			this.changed = changed;
		}

		@Override
		public ITokenCache tokenCache() {
			return this.cache;
		}

		@Override
		public String clientId() {
			return "client";
		}

		@Override
		public IAccount account() {
			return null;
		}

		@Override
		public boolean hasCacheChanged() {
			return this.changed;
		}

	}

	private static final class FakeCache implements ITokenCache {

		private String serialized;

		FakeCache(String serialized) {
			this.serialized = serialized;
		}

		@Override
		public void deserialize(String data) {
			this.serialized = data;
		}

		@Override
		public String serialize() {
			return this.serialized;
		}

	}

}
