package io.dicomreg.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import io.dicomreg.sandbox.arm.ArmContext;
import io.dicomreg.sandbox.arm.ArmEndpoints;
import io.dicomreg.sandbox.crypto.SandboxTls;
import io.dicomreg.sandbox.dicom.DicomContext;
import io.dicomreg.sandbox.dicom.DicomEndpoints;
import io.dicomreg.sandbox.directory.DirectoryUser;
import io.dicomreg.sandbox.directory.Tenant;
import io.dicomreg.sandbox.directory.TenantStore;
import io.dicomreg.sandbox.graph.GraphContext;
import io.dicomreg.sandbox.graph.GraphEndpoints;
import io.dicomreg.sandbox.http.Fault;
import io.dicomreg.sandbox.http.FaultInjector;
import io.dicomreg.sandbox.http.FaultSpec;
import io.dicomreg.sandbox.http.RequestLog;
import io.dicomreg.sandbox.http.RequestLogFile;
import io.dicomreg.sandbox.http.SandboxHttpHandler;
import io.dicomreg.sandbox.identity.IdentityContext;
import io.dicomreg.sandbox.identity.IdentityEndpoints;
import io.dicomreg.sandbox.identity.PendingCodes;

/**
 * The sandbox tenant: an in-process HTTPS server on 127.0.0.1 that emulates Entra ID sign-in, Microsoft Graph v1.0,
 * the part of Azure Resource Manager dicomreg uses, and the DICOMweb API of its DICOM services, for one tenant. This class and its nested types are all that
 * code outside the sandbox may use of it.
 */
public final class Sandbox implements AutoCloseable {

	private static final int THREADS = 4;

	private static final String NO_DELAY = "sun.net.httpserver.nodelay";

	/**
	 * The role effect delay dicomreg's own sandbox uses ({@code --sandbox}, {@code --sandbox-state}): a few
	 * seconds, so that a person sees what Azure does (a DICOM role is not in effect at once) without waiting long.
	 */
	public static final Duration SHELL_ROLE_EFFECT_DELAY = Duration.ofSeconds(5);

	private final HttpsServer server;

	private final ExecutorService executor;

	private final SandboxTls tls;

	private final TenantStore store;

	private final RequestLog log;

	private final FaultInjector faults;

	private final Clock clock;

	private final PendingCodes pending = new PendingCodes();

	private final URI baseUri;

	private volatile Path announcedState;

	private volatile Duration roleEffectDelay = Duration.ZERO;

	private Sandbox(HttpsServer server, ExecutorService executor, SandboxTls tls, TenantStore store,
			RequestLog log, FaultInjector faults, Clock clock) {
		this.server = server;
		this.executor = executor;
		this.tls = tls;
		this.store = store;
		this.log = log;
		this.faults = faults;
		this.clock = clock;
		this.baseUri = URI.create("https://127.0.0.1:" + server.getAddress().getPort());
	}

	/**
	 * Starts on 127.0.0.1 with a random free port; stateFile null = in-memory fresh tenant. Missing file = fresh
	 * tenant saved there at once. Corrupt/unreadable file = StateException, file left untouched. Every access to the
	 * state file holds its lock ({@code STATE.lock} next to it), waiting at most 10 seconds for other processes.
	 * @param stateFile the state file, or null
	 * @return the running sandbox
	 * @throws StateException when the state file exists but is not a usable sandbox state, or stays locked
	 */
	public static Sandbox start(Path stateFile) {
		return start(stateFile, Clock.systemUTC());
	}

	/**
	 * Starts like {@link #start(Path)}, with a clock for token, code and credential lifetimes.
	 * @param stateFile the state file, or null
	 * @param clock the clock
	 * @return the running sandbox
	 * @throws StateException when the state file exists but is not a usable sandbox state, or stays locked
	 */
	public static Sandbox start(Path stateFile, Clock clock) {
		return start(stateFile, clock, null);
	}

	/**
	 * Starts like {@link #start(Path, Clock)}, also appending one line per served request to {@code requestLogFile}
	 * (created if missing): instant, method, path, status, and {@code graph-write}, {@code arm-write} or
	 * {@code dicom-write} for Graph, ARM and DICOMweb writes; never a body, header, or the query string of a sign-in
	 * request.
	 * @param stateFile the state file, or null
	 * @param clock the clock
	 * @param requestLogFile the request log file, or null for none
	 * @return the running sandbox
	 * @throws StateException when the state file exists but is not a usable sandbox state, or stays locked
	 * @throws UncheckedIOException when the request log file cannot be created or appended to
	 */
	public static Sandbox start(Path stateFile, Clock clock, Path requestLogFile) {
		return start(stateFile, clock, requestLogFile, Faults.none());
	}

	/**
	 * Starts like {@link #start(Path, Clock, Path)}, answering the requests the fault switch chooses with its faults.
	 * @param stateFile the state file, or null
	 * @param clock the clock
	 * @param requestLogFile the request log file, or null for none
	 * @param faults the fault switch, {@link Faults#none()} for none
	 * @return the running sandbox
	 * @throws StateException when the state file exists but is not a usable sandbox state, or stays locked
	 * @throws UncheckedIOException when the request log file cannot be created or appended to
	 */
	public static Sandbox start(Path stateFile, Clock clock, Path requestLogFile, Faults faults) {
		return start(stateFile, clock, requestLogFile, faults, TenantStore.DEFAULT_LOCK_TIMEOUT, 0);
	}

	/**
	 * Starts like {@link #start(Path, Clock, Path, Faults)} on a fixed port of 127.0.0.1 ({@code sandbox serve}).
	 * @param port the port, from 1 to 65535
	 * @throws UncheckedIOException when the port is taken or cannot be opened
	 */
	public static Sandbox start(Path stateFile, Clock clock, Path requestLogFile, Faults faults, int port) {
		return start(stateFile, clock, requestLogFile, faults, TenantStore.DEFAULT_LOCK_TIMEOUT, port);
	}

	/**
	 * The trust anchor of this sandbox's TLS, as PEM: the CA kept with the tenant (the same across restarts on one
	 * state file), which issued the server's certificate for 127.0.0.1 and localhost.
	 * @return the CA certificate in PEM
	 */
	public String trustAnchorPem() {
		return this.store.read((tenant) -> tenant.tls().caPem());
	}

	/**
	 * The URLs of the tenant's DICOM services, by {@code workspace/name}.
	 * @return the service URLs, in the tenant's order
	 */
	public java.util.Map<String, URI> dicomServiceUrls() {
		java.util.Map<String, URI> urls = new java.util.LinkedHashMap<>();
		this.store.read((tenant) -> tenant.azure().dicomServices()).forEach((service) -> urls
			.put(service.workspace() + "/" + service.name(), dicomServiceUrl(service.workspace(), service.name())));
		return urls;
	}

	/** Starts like {@link #start(Path, Clock, Path)}, waiting at most {@code lockTimeout} for the state file. */
	static Sandbox start(Path stateFile, Clock clock, Path requestLogFile, Duration lockTimeout) {
		return start(stateFile, clock, requestLogFile, Faults.none(), lockTimeout, 0);
	}

	private static Sandbox start(Path stateFile, Clock clock, Path requestLogFile, Faults faultSwitch,
			Duration lockTimeout, int port) {
		TenantStore store = TenantStore.open(stateFile, clock, lockTimeout);
		ExecutorService executor = null;
		try {
			RequestLogFile logFile = (requestLogFile != null) ? RequestLogFile.open(requestLogFile, clock) : null;
			io.dicomreg.sandbox.crypto.TlsIdentity identity = store.read((tenant) -> tenant.tls());
			if (identity.renewedIfNeeded(clock.instant()) != identity) {
				// A server certificate about to expire is renewed under the same CA, which clients keep trusting.
				identity = store.write((tenant) -> {
					tenant.setTls(tenant.tls().renewedIfNeeded(clock.instant()));
					return tenant.tls();
				});
			}
			SandboxTls tls = SandboxTls.of(identity);
			executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
			HttpsServer server = createServer(port);
			server.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext()));
			server.setExecutor(executor);
			RequestLog log = new RequestLog(logFile);
			FaultInjector faults = new FaultInjector();
			faults.addAll(faultSwitch.rules);
			Sandbox sandbox = new Sandbox(server, executor, tls, store, log, faults, clock);
			server.createContext("/", sandbox.handler());
			server.start();
			return sandbox;
		}
		catch (IOException ex) {
			executor.shutdownNow();
			store.close();
			throw new UncheckedIOException("Cannot start the sandbox server on 127.0.0.1" + ((port != 0) ? ":" + port : "") + ": " + ex.getMessage(), ex);
		}
		catch (RuntimeException | Error ex) {
			if (executor != null) {
				executor.shutdownNow();
			}
			store.close();
			throw ex;
		}
	}

	/**
	 * The sign-in host; the MSAL authority is this plus "/" + tenant + "/".
	 * @return e.g. https://127.0.0.1:PORT
	 */
	public URI authorityHost() {
		return this.baseUri;
	}

	/**
	 * The Graph host; the Graph base URL is this plus "/v1.0".
	 * @return e.g. https://127.0.0.1:PORT
	 */
	public URI graphEndpoint() {
		return this.baseUri;
	}

	/**
	 * The Azure Resource Manager host; ARM's paths ({@code /subscriptions...}) are served under it.
	 * @return e.g. https://127.0.0.1:PORT
	 */
	public URI resourceManagerEndpoint() {
		return this.baseUri;
	}

	/**
	 * The URL a DICOM service of this sandbox is served at, as ARM answers it in {@code serviceUrl}: DICOMweb is
	 * served under it ({@code {serviceUrl}/v2/studies}).
	 * @param workspace the workspace's name, e.g. contosohealth
	 * @param dicomService the DICOM service's name, e.g. dicom1
	 * @return e.g. https://127.0.0.1:PORT/dicom/contosohealth-dicom1
	 */
	public URI dicomServiceUrl(String workspace, String dicomService) {
		return URI.create(this.baseUri + "/dicom/" + (workspace + "-" + dicomService).toLowerCase(Locale.ROOT));
	}

	/**
	 * How long after its creation a role assignment takes effect on the DICOM services' data plane: until then a
	 * DICOMweb request of its principal is answered 403 as if it did not exist (Azure takes minutes). Zero, the
	 * default of {@link #start(Path)} and the other starts, makes a role effective at once; dicomreg's own sandbox
	 * uses {@link #SHELL_ROLE_EFFECT_DELAY}. Measured with the sandbox's clock against the assignment's
	 * {@code createdOn}; ARM itself sees an assignment at once.
	 * @param delay the delay, zero or more
	 * @throws IllegalArgumentException when it is negative
	 */
	public void setRoleEffectDelay(Duration delay) {
		if (delay == null || delay.isNegative()) {
			throw new IllegalArgumentException("The role effect delay must be zero or more, not " + delay + ".");
		}
		this.roleEffectDelay = delay;
	}

	/**
	 * The role effect delay now in use (see {@link #setRoleEffectDelay(Duration)}).
	 * @return the delay
	 */
	public Duration roleEffectDelay() {
		return this.roleEffectDelay;
	}

	public String tenantId() {
		return this.store.read((tenant) -> tenant.tenantId());
	}

	public String tenantDomain() {
		return SandboxDirectory.TENANT_DOMAIN;
	}

	public String adminUserPrincipalName() {
		return SandboxDirectory.ADMIN_USER_PRINCIPAL_NAME;
	}

	/**
	 * A TLS context that trusts only this server's certificate.
	 * @return the client SSL context
	 */
	public SSLContext clientSslContext() {
		return this.tls.clientContext();
	}

	public X509TrustManager clientTrustManager() {
		return this.tls.clientTrustManager();
	}

	/**
	 * Plays the browser for an interactive sign-in as the sandbox's owner: opens an authorize URL of this sandbox,
	 * submits the sign-in page with the owner secret, and posts the answer to the client's redirect URI, so the
	 * client's flow completes without a real browser. The user who signs in is the client's {@code login_hint}, else
	 * the administrator.
	 * @param authorizeUrl the URL the client asked to open
	 * @return the status the redirect URI answered
	 * @throws IllegalStateException when the sandbox answers an error page instead of a sign-in form, or refuses the
	 * sign-in (a login_hint naming no user of the tenant)
	 * @throws java.io.UncheckedIOException when the sandbox or the redirect URI cannot be reached
	 */
	public int playBrowser(URI authorizeUrl) {
		return new SandboxBrowser(clientSslContext(), this.store.read(Tenant::ownerSecret)).open(authorizeUrl, null);
	}

	/**
	 * Approves a device code sign-in as the sandbox's owner: the client polling with that code is signed in as the
	 * administrator. The sandbox approves nothing by itself; other clients approve at {@code /devicelogin} with the
	 * owner secret.
	 * @param userCode the user code the client was given
	 * @throws IllegalArgumentException when no such code is waiting for approval (unknown, expired, used)
	 */
	public void approveDeviceCode(String userCode) {
		approveDeviceCode(userCode, SandboxDirectory.ADMIN_USER_PRINCIPAL_NAME);
	}

	// Signing in as another user of the tenant (consent: who may grant it).

	/**
	 * The tenant's member: a user without a directory role, who signs in like the administrator but may not consent
	 * for the tenant (writes to oauth2PermissionGrants and appRoleAssignedTo answer 403).
	 * @return {@code user@contoso.onmicrosoft.com}
	 */
	public String memberUserPrincipalName() {
		return SandboxDirectory.MEMBER_USER_PRINCIPAL_NAME;
	}

	/**
	 * Approves a device code sign-in as the sandbox's owner, for one of the tenant's users: the client polling with
	 * that code is signed in as that user.
	 * @param userCode the user code the client was given
	 * @param userPrincipalName the user, e.g. {@link #adminUserPrincipalName()} or {@link #memberUserPrincipalName()}
	 * @throws IllegalArgumentException when the tenant has no such user, or no such code is waiting for approval
	 */
	public void approveDeviceCode(String userCode, String userPrincipalName) {
		String userObjectId = this.store.read((tenant) -> tenant.userByPrincipalName(userPrincipalName)
			.map(DirectoryUser::objectId))
			.orElseThrow(() -> new IllegalArgumentException("No user " + userPrincipalName + " in this sandbox."));
		if (!this.pending.approve(userCode, userObjectId, this.clock.instant())) {
			throw new IllegalArgumentException("No device code " + userCode
					+ " is waiting for approval in this sandbox.");
		}
	}

	/**
	 * Plays the browser like {@link #playBrowser(URI)}, signing in as the user named, whatever login_hint the client
	 * sent.
	 * @param authorizeUrl the URL the client asked to open
	 * @param userPrincipalName the user who signs in
	 * @return the status the redirect URI answered
	 * @throws IllegalStateException when the sandbox answers an error page instead of a sign-in form, or refuses the
	 * sign-in (no such user)
	 */
	public int playBrowser(URI authorizeUrl, String userPrincipalName) {
		return new SandboxBrowser(clientSslContext(), this.store.read(Tenant::ownerSecret)).open(authorizeUrl,
				userPrincipalName);
	}

	/**
	 * The state file and its lock file if, when the sandbox started, the group or others could read them (the state
	 * file holds the tenant's signing key and owner secret). The sandbox creates both owner-only and does not change
	 * the mode of files it finds; whoever started it should say so, once.
	 * @return the files, state file first; empty when both are owner-only, or for an in-memory tenant
	 */
	public List<Path> filesReadableByOthers() {
		return this.store.readableByOthers();
	}

	/**
	 * Lets other dicomreg processes on this state file work through this server while it runs (for
	 * {@code sandbox serve}): a marker beside the state file names its URL, until {@link #close()}.
	 * @param stateFile the state file this sandbox serves
	 * @throws UncheckedIOException when the marker cannot be written
	 */
	public void announce(Path stateFile) {
		try {
			ServedSandbox.announce(stateFile.toAbsolutePath(), this.baseUri);
			this.announcedState = stateFile.toAbsolutePath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + ServedSandbox.marker(stateFile) + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() {
		if (this.announcedState != null) {
			ServedSandbox.withdraw(this.announcedState);
		}
		this.server.stop(0);
		this.executor.shutdownNow();
		this.store.close();
	}

	/**
	 * Creates the JDK HTTPS server with TCP_NODELAY. The JDK writes response headers and body as separate TLS
	 * records, so with Nagle's algorithm every response waits for the client's delayed ACK (about 40 ms). The JDK
	 * reads its nodelay switch once, when its server configuration is first loaded; the property is set only around
	 * that moment and then restored, so no system property stays changed.
	 */
	private static HttpsServer createServer(int port) throws IOException {
		synchronized (Sandbox.class) {
			String previous = System.getProperty(NO_DELAY);
			System.setProperty(NO_DELAY, "true");
			try {
				return HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 64);
			}
			finally {
				if (previous == null) {
					System.clearProperty(NO_DELAY);
				}
				else {
					System.setProperty(NO_DELAY, previous);
				}
			}
		}
	}

	/** The tenant's directory, for tests that inspect it. */
	TenantStore store() {
		return this.store;
	}

	/** Every request served so far, for tests that check what a client sent. */
	RequestLog requestLog() {
		return this.log;
	}

	/** The sandbox's clock, for tests that make objects with the server's time. */
	Clock clock() {
		return this.clock;
	}

	/** The faults waiting to be answered, for tests that add faults while the sandbox runs. */
	FaultInjector faults() {
		return this.faults;
	}

	/** The owner secret, for tests that sign in as the owner over HTTP. */
	String ownerSecret() {
		return this.store.read(Tenant::ownerSecret);
	}

	private SandboxHttpHandler handler() {
		String host = this.baseUri.toString();
		IdentityEndpoints identity = new IdentityEndpoints(
				new IdentityContext(this.store, this.clock, host, this.pending));
		GraphEndpoints graph = new GraphEndpoints(new GraphContext(this.store, this.clock, host + "/v1.0"));
		ArmEndpoints arm = new ArmEndpoints(new ArmContext(this.store, this.clock, host));
		DicomEndpoints dicom = new DicomEndpoints(new DicomContext(this.store, this.clock, host,
				this::roleEffectDelay));
		return new SandboxHttpHandler(identity, graph, arm, dicom, this.faults, this.log, this.clock);
	}

	private static ThreadFactory daemonThreads() {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, "dicomreg-sandbox-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/**
	 * A fault switch: rules that make the sandbox answer chosen requests with throttling, errors, a closed
	 * connection, a delay or a 404 for a new object, parsed from the SPEC of {@code --sandbox-faults} (see
	 * docs/sandbox.md, "Faults"). Immutable; each sandbox started with it counts the rules' uses anew.
	 */
	public static final class Faults {

		private static final Faults NONE = new Faults("", List.of());

		private final String spec;

		private final List<Fault> rules;

		private Faults(String spec, List<Fault> rules) {
			this.spec = spec;
			this.rules = rules;
		}

		/**
		 * Parses a SPEC: rules separated by {@code ;}, each {@code METHOD PATH FAULT [OPTION...]}, such as
		 * {@code POST /v1.0/applications 429 times=2 retry-after=1; GET /v1.0/applications 404-fresh for=5s}.
		 * @param spec the text
		 * @return the faults
		 * @throws IllegalArgumentException with a one-line message naming the rule that is wrong
		 */
		public static Faults parse(String spec) {
			return new Faults(spec.strip(), List.copyOf(FaultSpec.parse(spec)));
		}

		/**
		 * No faults.
		 * @return the empty switch
		 */
		public static Faults none() {
			return NONE;
		}

		@Override
		public String toString() {
			return this.spec;
		}

	}

	/**
	 * Thrown when a sandbox state file exists but cannot be used, or is in use by another process for longer than
	 * the sandbox waits; the file is left exactly as it was. The message is one line naming the file.
	 */
	public static final class StateException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final transient Path stateFile;

		/**
		 * Creates the exception.
		 * @param stateFile the state file
		 * @param reason what is wrong with it, in a few words
		 * @param cause the underlying failure, may be null
		 */
		public StateException(Path stateFile, String reason, Throwable cause) {
			this(stateFile, cause, "Sandbox state file " + stateFile + " is not a valid dicomreg sandbox state ("
					+ reason + "). Fix it or pass a new file name to start a fresh tenant.");
		}

		private StateException(Path stateFile, Throwable cause, String message) {
			super(message, cause);
			this.stateFile = stateFile;
		}

		/**
		 * An exception for a state file that cannot be used for another reason than its content, such as its lock.
		 * @param stateFile the state file
		 * @param message the whole message, one line naming the file
		 * @param cause the underlying failure, may be null
		 * @return the exception
		 */
		public static StateException withMessage(Path stateFile, String message, Throwable cause) {
			return new StateException(stateFile, cause, message);
		}

		public Path getStateFile() {
			return this.stateFile;
		}

	}

	/**
	 * A sandbox another process serves on a state file ({@code sandbox serve}), found through the marker it writes
	 * beside the file: what a second dicomreg needs to work through it (its URL, tenant and TLS trust, and the owner's
	 * approval of its own device codes).
	 */
	public static final class Served {

		private final ServedSandbox served;

		private Served(ServedSandbox served) {
			this.served = served;
		}

		/**
		 * The sandbox another running process serves on {@code stateFile}, if one does.
		 * @param stateFile the state file
		 * @return the served sandbox
		 */
		public static java.util.Optional<Served> find(Path stateFile) {
			return ServedSandbox.find(stateFile).map(Served::new);
		}

		/** The server's URL: sign-in, Graph ({@code /v1.0}), ARM and DICOMweb are under it. */
		public URI url() {
			return this.served.url();
		}

		public String tenantId() {
			return this.served.tenantId();
		}

		public SSLContext clientSslContext() {
			return this.served.clientSslContext();
		}

		public X509TrustManager clientTrustManager() {
			return this.served.clientTrustManager();
		}

		/**
		 * Approves a device code as the sandbox's owner, over HTTPS.
		 * @param userCode the code
		 * @throws IllegalStateException when the server does not approve it
		 */
		public void approveDeviceCode(String userCode) {
			this.served.approveDeviceCode(userCode);
		}

	}

}
