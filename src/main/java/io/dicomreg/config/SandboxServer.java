package io.dicomreg.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.dicomreg.error.DicomregException;
import io.dicomreg.error.Subject;
import io.dicomreg.sandbox.Sandbox;

/**
 * {@code sandbox serve}: the tenant of a state file served on one loopback port for other programs, with the TLS
 * trust anchor kept in the state file written where asked, until the process is ended.
 */
public class SandboxServer {

	private final Path stateFile;

	private final Path requestLog;

	private final String faults;

	/**
	 * @param stateFile the tenant's state file ({@code --sandbox-state}); required
	 * @param requestLog the request log ({@code --sandbox-log}), or {@code null}
	 * @param faults the fault switch ({@code --sandbox-faults}), or {@code null}
	 */
	public SandboxServer(Path stateFile, Path requestLog, String faults) {
		this.stateFile = stateFile;
		this.requestLog = requestLog;
		this.faults = faults;
	}

	/**
	 * Starts serving.
	 * @param port the port, or 0 for any free one
	 * @param caOut where to write the CA certificate (PEM), or {@code null}
	 * @return the running server and its endpoints
	 * @throws DicomregException (usage) without a state file or for a bad port or file; (failure) when the port is
	 * taken or the state file is in use
	 */
	public Served serve(int port, Path caOut) {
		if (this.stateFile == null) {
			throw DicomregException.invalidInput("sandbox serve needs --sandbox-state FILE: it serves the tenant kept in "
					+ "that file (created when missing), e.g. dicomreg --sandbox-state tenant.json sandbox serve --port 8443.");
		}
		if (port < 0 || port > 65535) {
			throw DicomregException.invalid(Subject.PORT, " must be a port from 1 to 65535.");
		}
		Sandbox sandbox;
		try {
			sandbox = Sandbox.start(this.stateFile, Clock.systemUTC(), this.requestLog,
					(this.faults != null) ? Sandbox.Faults.parse(this.faults) : Sandbox.Faults.none(), port);
		}
		catch (Sandbox.StateException ex) {
			throw DicomregException.failure(ex.getMessage(), ex);
		}
		catch (UncheckedIOException ex) {
			throw DicomregException.failure(ex.getMessage() + ((port != 0) ? " Is another program using port " + port
					+ "? Choose another with --port." : ""), ex);
		}
		try {
			sandbox.announce(this.stateFile);
			if (caOut != null) {
				Files.writeString(caOut, sandbox.trustAnchorPem(), StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
						StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
			}
		}
		catch (IOException ex) {
			sandbox.close();
			throw DicomregException.invalid(Subject.CA_FILE, " cannot be written: " + ex.getMessage());
		}
		catch (UncheckedIOException ex) {
			sandbox.close();
			throw DicomregException.failure(ex.getMessage(), ex);
		}
		return new Served(sandbox, caOut);
	}

	/**
	 * A running server.
	 */
	public static final class Served {

		private final Sandbox sandbox;

		private final Path caFile;

		private final CountDownLatch stopped = new CountDownLatch(1);

		Served(Sandbox sandbox, Path caFile) {
			this.sandbox = sandbox;
			this.caFile = caFile;
		}

		public String tenantId() {
			return this.sandbox.tenantId();
		}

		/** The sign-in host; MSAL's authority is this plus the tenant. */
		public URI authorityHost() {
			return this.sandbox.authorityHost();
		}

		public String authority() {
			return this.sandbox.authorityHost() + "/" + this.sandbox.tenantId();
		}

		public String tokenEndpoint() {
			return authority() + "/oauth2/v2.0/token";
		}

		public String graph() {
			return this.sandbox.graphEndpoint() + "/v1.0";
		}

		public URI resourceManager() {
			return this.sandbox.resourceManagerEndpoint();
		}

		public Map<String, URI> dicomServices() {
			return this.sandbox.dicomServiceUrls();
		}

		/** The file the CA certificate was written to, or {@code null}. */
		public Path caFile() {
			return this.caFile;
		}

		/** Serves until {@link #stop()}: the process's end (Ctrl-C, SIGTERM) calls it. */
		public void awaitStop() {
			try {
				this.stopped.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		/** Stops serving and releases the state file. */
		public void stop() {
			this.sandbox.close();
			this.stopped.countDown();
		}

	}

}
