package io.dicomreg.config;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.dicomreg.error.DicomregException;
import io.dicomreg.sandbox.Sandbox;

/**
 * Resolves the global options into {@link Endpoints}, starting the sandbox tenant on first use.
 */
public class ConnectionTarget implements AutoCloseable {

	private final boolean sandbox;

	private final Path sandboxState;

	private final AzureCloud cloud;

	private final URI authorityHost;

	private final URI graphEndpoint;

	private final URI armEndpoint;

	private Sandbox.Served servedSandbox;

	private final Path sandboxLog;

	private final Consumer<String> notices;

	private final Sandbox.Faults sandboxFaults;

	private final RequestCounts requests = new RequestCounts();

	private Endpoints endpoints;

	private boolean closed;

	private Sandbox runningSandbox;

	public ConnectionTarget(boolean sandbox, Path sandboxState, AzureCloud cloud, URI authorityHost,
			URI graphEndpoint) {
		this(sandbox, sandboxState, cloud, authorityHost, graphEndpoint, null);
	}

	/**
	 * A target whose sandbox, when it starts, also appends every request it serves to {@code sandboxLog}.
	 * @param sandboxLog the sandbox's request log file, or {@code null} for none; ignored for a cloud target
	 */
	public ConnectionTarget(boolean sandbox, Path sandboxState, AzureCloud cloud, URI authorityHost,
			URI graphEndpoint, Path sandboxLog) {
		this(sandbox, sandboxState, cloud, authorityHost, graphEndpoint, sandboxLog, null, (notice) -> {
		});
	}

	/**
	 * A target whose sandbox also answers with the faults of {@code sandboxFaults}, and that tells the person,
	 * through {@code notices}, what is wrong with its sandbox's files.
	 * @param sandboxLog the sandbox's request log file, or {@code null} for none; ignored for a cloud target
	 * @param sandboxFaults the fault switch SPEC of {@code --sandbox-faults}, or {@code null} for none
	 * @param notices receives one-line warnings, such as a state file other users can read
	 * @throws IllegalArgumentException when {@code sandboxFaults} is not a valid SPEC
	 */
	public ConnectionTarget(boolean sandbox, Path sandboxState, AzureCloud cloud, URI authorityHost,
			URI graphEndpoint, Path sandboxLog, String sandboxFaults, Consumer<String> notices) {
		this(sandbox, sandboxState, cloud, authorityHost, graphEndpoint, null, sandboxLog, sandboxFaults, notices);
	}

	/**
	 * A target like {@link #ConnectionTarget(boolean, Path, AzureCloud, URI, URI, Path, String, Consumer)}, whose
	 * Azure Resource Manager requests go to {@code armEndpoint} (for {@code --arm-endpoint}) instead of the cloud's.
	 * @param armEndpoint a custom ARM host, or {@code null} for the cloud's
	 */
	public ConnectionTarget(boolean sandbox, Path sandboxState, AzureCloud cloud, URI authorityHost,
			URI graphEndpoint, URI armEndpoint, Path sandboxLog, String sandboxFaults, Consumer<String> notices) {
		this.armEndpoint = armEndpoint;
		this.notices = notices;
		this.sandboxFaults = (sandboxFaults != null) ? Sandbox.Faults.parse(sandboxFaults) : Sandbox.Faults.none();
		this.sandbox = sandbox || sandboxState != null;
		this.sandboxState = (sandboxState != null) ? sandboxState.toAbsolutePath().normalize() : null;
		this.cloud = cloud;
		this.authorityHost = authorityHost;
		this.graphEndpoint = graphEndpoint;
		this.sandboxLog = (sandboxLog != null) ? sandboxLog.toAbsolutePath().normalize() : null;
	}

	/**
	 * Checks a fault switch SPEC for {@code --sandbox-faults} without starting anything.
	 * @param spec the SPEC
	 * @throws IllegalArgumentException with a one-line message naming the rule that is wrong
	 */
	public static void checkSandboxFaults(String spec) {
		Sandbox.Faults.parse(spec);
	}

	/** The requests this run has sent through this connection, counted by the clients that send them. */
	public RequestCounts requests() {
		return this.requests;
	}

	/**
	 * Starts the sandbox tenant now, on a thread of its own, when one was asked for: a one-shot command that will
	 * connect has it ready when it needs it, started on the second core while Spring starts on the first. A failure
	 * is left for the command's own call of {@link #endpoints()}, which tries again and reports it: the result of this
	 * start is not waited for.
	 */
	public void startInBackground() {
		if (this.sandbox) {
			Concurrently.supply("dicomreg-sandbox-start", this::endpoints);
		}
	}

	/** The endpoints; the first call starts the sandbox tenant when one was asked for. */
	public synchronized Endpoints endpoints() {
		if (this.endpoints == null && this.closed) {
			// Only the background start can come this late: after the run ended, nothing is started any more.
			throw new IllegalStateException("The connection of this run is closed.");
		}
		if (this.endpoints == null) {
			this.endpoints = this.sandbox ? startSandbox() : cloudEndpoints();
		}
		return this.endpoints;
	}

	/** What the prompt calls this target, known without starting anything. */
	public String label() {
		if (this.sandbox) {
			return "sandbox";
		}
		return (this.authorityHost != null || this.graphEndpoint != null || this.armEndpoint != null) ? "custom"
				: this.cloud.name();
	}

	/** The running sandbox, starting it if needed; only for a sandbox target. */
	public synchronized Sandbox sandbox() {
		endpoints();
		if (this.servedSandbox != null) {
			throw DicomregException.failure("This needs dicomreg's own sandbox, but another process serves this state file "
					+ "at " + this.servedSandbox.url() + ": stop sandbox serve first, or sign in with a device code.");
		}
		return this.runningSandbox;
	}

	/** The name of the token cache and session of this target, or {@code null} for memory only. */
	public String cacheKey() {
		if (this.sandbox) {
			return (this.sandboxState != null) ? "sandbox-" + shortHash(this.sandboxState.toString()) : null;
		}
		if (this.authorityHost != null || this.graphEndpoint != null || this.armEndpoint != null) {
			return "custom-" + shortHash(effectiveAuthorityHost() + "|" + effectiveGraphEndpoint()
					+ ((this.armEndpoint != null) ? "|" + this.armEndpoint : ""));
		}
		return this.cloud.name();
	}

	private Endpoints startSandbox() {
		if (this.sandboxState != null) {
			java.util.Optional<Sandbox.Served> served = Sandbox.Served.find(this.sandboxState);
			if (served.isPresent()) {
				return attach(served.get());
			}
		}
		String tenantId;
		try {
			this.runningSandbox = Sandbox.start(this.sandboxState, Clock.systemUTC(), this.sandboxLog, this.sandboxFaults);
			// DICOM roles take a few seconds to work, as in Azure; tests may set the sandbox's delay to zero.
			this.runningSandbox.setRoleEffectDelay(Sandbox.SHELL_ROLE_EFFECT_DELAY);
			tenantId = this.runningSandbox.tenantId();
		}
		catch (Sandbox.StateException | UncheckedIOException ex) {
			stopSandbox();
			throw DicomregException.failure(ex.getMessage(), ex);
		}
		warnAboutReadableFiles(this.runningSandbox.filesReadableByOthers());
		return new Endpoints("sandbox", this.runningSandbox.authorityHost(), this.runningSandbox.graphEndpoint(),
				AzureCloud.AzureCloud.graphEndpoint().toString(), tenantId, cacheKey(), false,
				this.runningSandbox.clientSslContext(), this.runningSandbox.clientTrustManager(),
				this.runningSandbox.resourceManagerEndpoint(), AzureCloud.AzureCloud.armEndpoint().toString());
	}

	/** Works through the sandbox another process serves on the state file ({@code sandbox serve}). */
	private Endpoints attach(Sandbox.Served served) {
		this.servedSandbox = served;
		if (this.sandboxLog != null || !this.sandboxFaults.toString().isEmpty()) {
			this.notices.accept("Note: the sandbox served at " + served.url() + " keeps its own request log and faults; "
					+ "--sandbox-log and --sandbox-faults apply to the sandbox serve process.");
		}
		return new Endpoints("sandbox", served.url(), served.url(), AzureCloud.AzureCloud.graphEndpoint().toString(),
				served.tenantId(), cacheKey(), false, served.clientSslContext(), served.clientTrustManager(), served.url(),
				AzureCloud.AzureCloud.armEndpoint().toString());
	}

	/**
	 * Approves a device code as the sandbox's owner: in this process, or through the sandbox another process serves.
	 * @param userCode the code
	 */
	public void approveDeviceCode(String userCode) {
		endpoints();
		if (this.servedSandbox != null) {
			this.servedSandbox.approveDeviceCode(userCode);
		}
		else {
			this.runningSandbox.approveDeviceCode(userCode);
		}
	}

	/** One line, once per run (the sandbox starts once), when others can read the state file or its lock. */
	private void warnAboutReadableFiles(List<Path> files) {
		if (files.isEmpty()) {
			return;
		}
		String chmod = "run 'chmod 600 " + files.stream().map(Path::toString).collect(Collectors.joining(" ")) + "'.";
		boolean stateFile = files.contains(this.sandboxState);
		if (stateFile && files.size() > 1) {
			this.notices.accept("Warning: the sandbox state file " + this.sandboxState + " and its lock file "
					+ files.get(1) + " can be read by other users, and the state file holds the tenant's signing key "
					+ "and owner secret: " + chmod);
		}
		else if (stateFile) {
			this.notices.accept("Warning: the sandbox state file " + this.sandboxState + " can be read by other users, "
					+ "and it holds the tenant's signing key and owner secret: " + chmod);
		}
		else {
			this.notices.accept("Warning: the lock file " + files.get(0) + " of the sandbox state file "
					+ this.sandboxState + " can be read by other users: " + chmod);
		}
	}

	private Endpoints cloudEndpoints() {
		// A custom Graph endpoint changes where requests go, not what tokens are for: they stay for the
		// cloud's Graph.
		return new Endpoints(label(), effectiveAuthorityHost(), effectiveGraphEndpoint(),
				this.cloud.graphEndpoint().toString(), "organizations", cacheKey(), this.authorityHost == null, null, null,
				(this.armEndpoint != null) ? this.armEndpoint : this.cloud.armEndpoint(),
				this.cloud.armEndpoint().toString());
	}

	private URI effectiveAuthorityHost() {
		return (this.authorityHost != null) ? this.authorityHost : this.cloud.authorityHost();
	}

	private URI effectiveGraphEndpoint() {
		return (this.graphEndpoint != null) ? this.graphEndpoint : this.cloud.graphEndpoint();
	}

	private static String shortHash(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 6);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public synchronized void close() {
		this.closed = true;
		stopSandbox();
	}

	private void stopSandbox() {
		if (this.runningSandbox != null) {
			this.runningSandbox.close();
			this.runningSandbox = null;
		}
	}

}
