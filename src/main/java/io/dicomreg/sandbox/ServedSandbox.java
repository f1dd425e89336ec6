package io.dicomreg.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.crypto.SandboxTls;
import io.dicomreg.sandbox.directory.Json;
import io.dicomreg.sandbox.directory.Tenant;
import io.dicomreg.sandbox.directory.TenantCodec;

/**
 * A sandbox another process serves ({@code sandbox serve}) on the same state file: while it runs it holds the state
 * file's lock, and a marker file beside the state file ({@code STATE.serve}, owner-only) gives its URL and process.
 * Another dicomreg then works through it instead of starting its own sandbox: it trusts the CA kept in the state
 * file and, as the same owner, approves its own device codes with the owner secret kept there.
 */
final class ServedSandbox {

	private final URI url;

	private final String tenantId;

	private final SandboxTls tls;

	private final String ownerSecret;

	private ServedSandbox(URI url, String tenantId, SandboxTls tls, String ownerSecret) {
		this.url = url;
		this.tenantId = tenantId;
		this.tls = tls;
		this.ownerSecret = ownerSecret;
	}

	/** The marker file of a served state file. */
	static Path marker(Path stateFile) {
		return stateFile.resolveSibling(stateFile.getFileName() + ".serve");
	}

	/**
	 * Writes the marker that {@link #find} reads: the URL and this process.
	 * @throws IOException when it cannot be written
	 */
	static void announce(Path stateFile, URI url) throws IOException {
		ObjectNode marker = Json.object();
		marker.put("url", url.toString());
		marker.put("pid", ProcessHandle.current().pid());
		Path file = marker(stateFile);
		Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".serve", ".tmp",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Files.writeString(temporary, marker.toString());
		Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	/** Removes the marker, when this process wrote it. */
	static void withdraw(Path stateFile) {
		try {
			Path file = marker(stateFile);
			if (Files.exists(file)) {
				JsonNode marker = Json.parse(Files.readAllBytes(file));
				if (marker.path("pid").asLong() == ProcessHandle.current().pid()) {
					Files.deleteIfExists(file);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// A marker left behind names a process that no longer runs, which find() ignores.
		}
	}

	/**
	 * The sandbox another process serves on {@code stateFile}, if one does: its marker names a running process.
	 * @param stateFile the state file
	 * @return the served sandbox
	 */
	public static Optional<ServedSandbox> find(Path stateFile) {
		Path file = marker(stateFile.toAbsolutePath());
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try {
			JsonNode marker = Json.parse(Files.readAllBytes(file));
			long pid = marker.path("pid").asLong(-1);
			if (pid == ProcessHandle.current().pid() || !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
				return Optional.empty();
			}
			// The state file is replaced whole at each save, so reading it while the server holds the lock is safe.
			Tenant tenant = TenantCodec.fromJson(Json.parse(Files.readAllBytes(stateFile)));
			return Optional.of(new ServedSandbox(URI.create(marker.path("url").asText()), tenant.tenantId(),
					SandboxTls.of(tenant.tls()), tenant.ownerSecret()));
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	/** The server's URL: sign-in, Graph ({@code /v1.0}), ARM and DICOMweb are all under it. */
	public URI url() {
		return this.url;
	}

	public String tenantId() {
		return this.tenantId;
	}

	public SSLContext clientSslContext() {
		return this.tls.clientContext();
	}

	public X509TrustManager clientTrustManager() {
		return this.tls.clientTrustManager();
	}

	/**
	 * Approves a device code as the sandbox's owner, over HTTPS, as {@link Sandbox#approveDeviceCode} does in process.
	 * @param userCode the code
	 * @throws IllegalStateException when the server does not approve it
	 */
	public void approveDeviceCode(String userCode) {
		String form = "user_code=" + URLEncoder.encode(userCode, StandardCharsets.UTF_8) + "&owner_secret="
				+ URLEncoder.encode(String.valueOf(this.ownerSecret), StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(this.url.resolve("/devicelogin"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		try {
			HttpResponse<Void> response = HttpClient.newBuilder().sslContext(clientSslContext()).build()
				.send(request, HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("The served sandbox at " + this.url + " did not approve the device code "
						+ "(HTTP " + response.statusCode() + ").");
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot reach the served sandbox at " + this.url + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while approving the device code.", ex);
		}
	}

}
