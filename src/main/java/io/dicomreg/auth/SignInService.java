package io.dicomreg.auth;

import java.net.MalformedURLException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.DeviceCodeFlowParameters;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.InteractiveRequestParameters;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.aad.msal4j.SilentParameters;
import com.microsoft.aad.msal4j.TokenSource;
import com.microsoft.aad.msal4j.SystemBrowserOptions;

import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.config.Endpoints;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.Subject;

/**
 * Keeps the signed-in context: signs users and service principals in with MSAL, hands out Graph
 * tokens silently, and signs out.
 * <p>
 * User tokens live in the target's persistent token cache, so a new process signs in silently.
 * Service principal tokens are kept in memory only: the credential is read again by each process,
 * and nothing of an application's sign-in outlives the process.
 */
public class SignInService {

	/**
	 * Microsoft Graph Command Line Tools, the public client dicomreg signs users in with unless
	 * {@code --client-id} names another (see docs/decisions.md).
	 */
	public static final String DEFAULT_CLIENT_ID = "14d82eec-204b-4c2f-b7e8-296a70dab67e";

	/** The delegated Graph permissions asked for at sign-in: read the user, manage applications. */
	static final List<String> USER_PERMISSIONS = List.of("User.Read", "Application.ReadWrite.All");

	private final ConnectionTarget target;

	private final TokenCacheStore tokenCaches;

	private final SessionStore sessions;

	private final ClientCredentials credentials;

	private final BrowserLauncher browser;

	private final MemoryTokenCache servicePrincipalCache = new MemoryTokenCache();

	private Supplier<ITokenCacheAccessAspect> userCache;

	private PublicClientApplication userApp;

	private ConfidentialClientApplication servicePrincipalApp;

	public SignInService(ConnectionTarget target, TokenCacheStore tokenCaches, SessionStore sessions,
			ClientCredentials credentials, BrowserLauncher browser) {
		this.target = target;
		this.tokenCaches = tokenCaches;
		this.sessions = sessions;
		this.credentials = credentials;
		this.browser = browser;
	}

	/** The remembered session of this target, read without any network call. */
	public Optional<Session> session() {
		return this.sessions.load(this.target.cacheKey());
	}

	public boolean isSignedIn() {
		return session().isPresent();
	}

	/** Signs a user in with the device code flow, passing MSAL's instructions to {@code messages}. */
	public SignedIn loginWithDeviceCode(UserLogin login, Consumer<String> messages) {
		PublicClientApplication app = newUserApp(login);
		DeviceCodeFlowParameters parameters = DeviceCodeFlowParameters.builder(userScopes(login), deviceCode -> {
			messages.accept(deviceCode.message());
			approveInSandbox(deviceCode.userCode());
		}).build();
		return rememberUser(app, counted(await(app.acquireToken(parameters), "Sign-in")));
	}

	/** Signs a user in with the system browser (authorization code with PKCE on a loopback redirect). */
	public SignedIn loginWithBrowser(UserLogin login, Consumer<String> messages) {
		PublicClientApplication app = newUserApp(login);
		AtomicReference<String> pageFailure = new AtomicReference<>();
		SystemBrowserOptions browserOptions = SystemBrowserOptions.builder()
			.openBrowserAction(this.browser.openBrowserAction(endpoints(), messages, pageFailure::set))
			.build();
		InteractiveRequestParameters parameters = InteractiveRequestParameters.builder(URI.create("http://localhost"))
			.scopes(userScopes(login))
			.systemBrowserOptions(browserOptions)
			.build();
		try {
			return rememberUser(app, counted(await(app.acquireToken(parameters), "Sign-in")));
		}
		catch (DicomregException ex) {
			// The sign-in page's own error says why; MSAL only knows that no code came back.
			throw (pageFailure.get() != null) ? DicomregException.failure("Sign-in failed: " + pageFailure.get(), ex) : ex;
		}
	}

	/** Signs an application in with its secret or certificate (client credentials). */
	public SignedIn loginAsServicePrincipal(ServicePrincipalLogin login, Supplier<char[]> pfxPassword) {
		String tenant = (login.tenant() != null) ? login.tenant() : sandboxTenantOrNull();
		if (tenant == null) {
			throw DicomregException.invalid(Subject.TENANT, " is required to sign in as an application: give the tenant ID or "
					+ "domain.");
		}
		IClientCredential credential = this.credentials.read(login.credential(), pfxPassword);
		ConfidentialClientApplication app = new MsalApplications(endpoints()).confidentialClient(login.clientId(),
				credential, tenant, this.servicePrincipalCache);
		// Always ask Entra: a token cached earlier must not make a wrong or revoked credential look valid.
		ClientCredentialParameters parameters = ClientCredentialParameters.builder(Set.of(endpoints().graphDefaultScope()))
			.skipCache(true)
			.build();
		IAuthenticationResult result = counted(await(app.acquireToken(parameters), "Sign-in"));
		String tenantId = Jwts.claim(result.accessToken(), "tid").orElse(tenant);
		Session session = new Session(Session.Kind.SERVICE_PRINCIPAL, login.clientId(), tenantId, null, login.clientId(),
				null, login.credential());
		this.sessions.save(this.target.cacheKey(), session);
		this.servicePrincipalApp = app;
		return new SignedIn(session, endpoints().authorityFor(tenantId), result.expiresOnDate().toInstant());
	}

	/** The signed-in context with a fresh look at the token, refreshing it silently if needed. */
	public SignedIn current() {
		Session session = session().orElseThrow(DicomregException::notSignedIn);
		GraphToken token = graphToken();
		return new SignedIn(session, endpoints().authorityFor(session.tenantId()), token.expiresOn());
	}

	/**
	 * A Graph access token for the signed-in context, from the cache or refreshed silently.
	 * @throws DicomregException when nobody is signed in or the sign-in can no longer be renewed
	 */
	public GraphToken graphToken() {
		return graphToken(List.of());
	}

	/**
	 * A Graph access token that also carries the delegated Graph permissions {@code extraPermissions} (for a user; a
	 * service principal's token carries the application permissions it was granted), asked for only by the
	 * commands that need them (incremental consent), from the cache or refreshed silently.
	 * @throws DicomregException when nobody is signed in, or the sign-in cannot be renewed or was not consented for
	 * a permission asked for
	 */
	public GraphToken graphToken(List<String> extraPermissions) {
		Set<String> scopes = userScopes();
		extraPermissions.forEach(permission -> scopes.add(endpoints().delegatedGraphScope(permission)));
		return token(scopes, endpoints().graphDefaultScope());
	}

	/**
	 * An access token for another resource of the same cloud (Azure Resource Manager): a user's for
	 * {@code resource/delegatedScope} from the same account, silently; a service principal's for
	 * {@code resource/.default}.
	 * @param resource the resource identifier, e.g. https://management.azure.com
	 * @param delegatedScope the delegated scope a user's token needs, e.g. user_impersonation
	 */
	public GraphToken resourceToken(String resource, String delegatedScope) {
		String base = resource.endsWith("/") ? resource.substring(0, resource.length() - 1) : resource;
		return token(new LinkedHashSet<>(List.of(base + "/" + delegatedScope)), base + "/.default");
	}

	private GraphToken token(Set<String> userScopes, String applicationScope) {
		Session session = session().orElseThrow(DicomregException::notSignedIn);
		IAuthenticationResult result = (session.kind() == Session.Kind.USER) ? silentUserToken(session, userScopes)
				: servicePrincipalToken(session, applicationScope);
		return new GraphToken(result.accessToken(), result.expiresOnDate().toInstant());
	}

	/** Remembers the tenant's default domain for the current session, for the prompt. */
	public void rememberTenantDomain(String domain) {
		session().ifPresent(current -> this.sessions.save(this.target.cacheKey(), current.withTenantDomain(domain)));
	}

	/** Signs out: removes the account from the token cache and forgets the session. */
	public Optional<Session> logout() {
		Optional<Session> session = session();
		session.filter(current -> current.kind() == Session.Kind.USER).ifPresent(this::removeAccount);
		this.sessions.clear(this.target.cacheKey());
		this.servicePrincipalApp = null;
		this.userApp = null;
		return session;
	}

	// Synchronized: app show asks for tokens from two threads, and MSAL's cache aspects (the keyring's file lock, the
	// file cache's read and write around each access) are not safe to enter twice at once.
	private synchronized IAuthenticationResult silentUserToken(Session session, Set<String> scopes) {
		PublicClientApplication app = userApp(session);
		IAccount account = findAccount(app, session)
			.orElseThrow(() -> DicomregException.failure("Your sign-in is no longer in the token cache. Run 'login' again."));
		try {
			// The authority is given explicitly: without it MSAL rebuilds the refresh URL from the cached
			// account's environment, which has no port (a sandbox on 127.0.0.1:PORT would be lost).
			SilentParameters parameters = SilentParameters.builder(scopes, account)
				.authorityUrl(endpoints().authorityFor(session.tenantId()))
				.build();
			return counted(app.acquireTokenSilently(parameters).join());
		}
		catch (MalformedURLException ex) {
			throw DicomregException.failure("The stored sign-in has an invalid authority. Run 'login' again.", ex);
		}
		catch (RuntimeException ex) {
			throw MsalFailures.translateSilent(ex, scopes.equals(userScopes()) ? Set.of() : scopes);
		}
	}

	// Synchronized, like userApp: app show asks for its ARM token on a thread of its own, beside Graph's.
	private synchronized IAuthenticationResult servicePrincipalToken(Session session, String scope) {
		if (this.servicePrincipalApp == null) {
			IClientCredential credential = this.credentials.read(session.credential(), () -> {
				throw DicomregException.failure("The certificate of the signed-in service principal needs its PFX password: "
						+ "run 'login --service-principal' again, with --certificate-password-env.");
			});
			this.servicePrincipalApp = new MsalApplications(endpoints()).confidentialClient(session.clientId(), credential,
					session.tenantId(), this.servicePrincipalCache);
		}
		ClientCredentialParameters parameters = ClientCredentialParameters.builder(Set.of(scope)).build();
		return counted(await(this.servicePrincipalApp.acquireToken(parameters), "Token request"));
	}

	private synchronized PublicClientApplication userApp(Session session) {
		if (this.userApp == null || !this.userApp.clientId().equals(session.clientId())) {
			this.userApp = new MsalApplications(endpoints()).publicClient(session.clientId(), session.tenantId(),
					userCache().get());
		}
		return this.userApp;
	}

	private void removeAccount(Session session) {
		PublicClientApplication app = userApp(session);
		findAccount(app, session).ifPresent(account -> await(app.removeAccount(account), "Sign-out"));
	}

	private static Optional<IAccount> findAccount(PublicClientApplication app, Session session) {
		return await(app.getAccounts(), "Token cache").stream()
			.filter(account -> account.homeAccountId().equals(session.homeAccountId()))
			.findFirst();
	}

	private SignedIn rememberUser(PublicClientApplication app, IAuthenticationResult result) {
		IAccount account = result.account();
		// The token's tenant, not the account's home tenant: a guest works in the tenant signed in to.
		String tenantId = Jwts.claim(result.accessToken(), "tid").orElseGet(() -> homeTenantOf(account));
		Session session = new Session(Session.Kind.USER, app.clientId(), tenantId, null, account.username(),
				account.homeAccountId(), null);
		this.sessions.save(this.target.cacheKey(), session);
		this.userApp = app;
		return new SignedIn(session, endpoints().authorityFor(tenantId), result.expiresOnDate().toInstant());
	}

	private static String homeTenantOf(IAccount account) {
		String homeAccountId = account.homeAccountId();
		return homeAccountId.substring(homeAccountId.indexOf('.') + 1);
	}

	private PublicClientApplication newUserApp(UserLogin login) {
		String clientId = (login.clientId() != null) ? login.clientId() : DEFAULT_CLIENT_ID;
		String tenant = (login.tenant() != null) ? login.tenant() : endpoints().defaultTenant();
		return new MsalApplications(endpoints()).publicClient(clientId, tenant, userCache().get());
	}

	private Set<String> userScopes() {
		Set<String> scopes = new LinkedHashSet<>();
		USER_PERMISSIONS.forEach(permission -> scopes.add(endpoints().delegatedGraphScope(permission)));
		return scopes;
	}

	/** dicomreg's own scopes and those the sign-in asks to consent to besides. */
	private Set<String> userScopes(UserLogin login) {
		Set<String> scopes = userScopes();
		login.permissions().forEach(permission -> scopes.add(permission.contains("/") ? permission
				: endpoints().delegatedGraphScope(permission)));
		return scopes;
	}

	/**
	 * The sandbox approves no device code by itself, so that another local user reaching its port cannot sign its
	 * administrator in: this process started it and is its owner, and approves the code it was given.
	 */
	private void approveInSandbox(String userCode) {
		if (endpoints().isSandbox()) {
			this.target.approveDeviceCode(userCode);
		}
	}

	private String sandboxTenantOrNull() {
		return endpoints().isSandbox() ? endpoints().defaultTenant() : null;
	}

	private Endpoints endpoints() {
		return this.target.endpoints();
	}

	private Supplier<ITokenCacheAccessAspect> userCache() {
		if (this.userCache == null) {
			this.userCache = this.tokenCaches.open(this.target.cacheKey());
		}
		return this.userCache;
	}

	/** Counts a token that came from the sign-in service, not from MSAL's cache. */
	private IAuthenticationResult counted(IAuthenticationResult result) {
		if (result.metadata() == null || result.metadata().tokenSource() != TokenSource.CACHE) {
			this.target.requests().token();
		}
		return result;
	}

	private static <T> T await(CompletableFuture<T> future, String what) {
		try {
			return future.join();
		}
		catch (RuntimeException ex) {
			throw MsalFailures.translate(ex, what);
		}
	}

}
