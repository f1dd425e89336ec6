package io.dicomreg.sandbox.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Appends one line per served request to a file: instant, method, path, status, and {@code graph-write},
 * {@code arm-write} or {@code dicom-write} for writes.
 */
public final class RequestLogFile {

	/** The last word of the line of a POST, PATCH, PUT or DELETE under /v1.0. */
	public static final String GRAPH_WRITE = "graph-write";

	/** The last word of the line of a POST, PATCH, PUT or DELETE to Azure Resource Manager. */
	public static final String ARM_WRITE = "arm-write";

	/** The last word of the line of a POST, PATCH, PUT or DELETE under a DICOM service's URL (a store). */
	public static final String DICOM_WRITE = "dicom-write";

	private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

	private static final Set<OpenOption> APPEND = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
			StandardOpenOption.APPEND);

	private final Path file;

	private final Clock clock;

	private final Consumer<String> warnings;

	private final AtomicBoolean warned = new AtomicBoolean();

	private RequestLogFile(Path file, Clock clock, Consumer<String> warnings) {
		this.file = file;
		this.clock = clock;
		this.warnings = warnings;
	}

	/**
	 * Creates the file if it is missing (owner-only where the file system has POSIX permissions) and checks that it
	 * can be appended to; later write failures are reported once on standard error.
	 * @param file the log file
	 * @param clock the clock of the line's instant
	 * @return the log file
	 * @throws UncheckedIOException when the file cannot be created or opened for appending
	 */
	public static RequestLogFile open(Path file, Clock clock) {
		return open(file, clock, System.err::println);
	}

	/**
	 * Like {@link #open(Path, Clock)}, with the destination of the one warning about a failed write.
	 * @param file the log file
	 * @param clock the clock of the line's instant
	 * @param warnings receives one line the first time a write fails
	 * @return the log file
	 * @throws UncheckedIOException when the file cannot be created or opened for appending
	 */
	public static RequestLogFile open(Path file, Clock clock, Consumer<String> warnings) {
		RequestLogFile log = new RequestLogFile(file, clock, warnings);
		try {
			log.write(new byte[0]);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the sandbox log " + file + " (" + reason(ex) + ").", ex);
		}
		return log;
	}

	/**
	 * Appends the request's line. A failure to write never reaches the caller: the first one is reported to the
	 * warnings, later ones are ignored.
	 * @param request the request
	 * @param status the status answered
	 * @param mark {@link #GRAPH_WRITE}, {@link #ARM_WRITE}, {@link #DICOM_WRITE}, or null for a request that
	 * changes nothing
	 */
	public void append(SandboxRequest request, int status, String mark) {
		String line = line(this.clock.instant(), request, status, mark) + "\n";
		try {
			write(line.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException | RuntimeException ex) {
			if (this.warned.compareAndSet(false, true)) {
				this.warnings.accept("Warning: cannot write the sandbox log " + this.file + " (" + reason(ex)
						+ "); the sandbox keeps answering, and this warning is not repeated.");
			}
		}
	}

	/**
	 * The line of one request, without its line break. Graph, ARM and DICOMweb paths keep their query string (OData
	 * options, api-version, search and change feed parameters, never a secret); sign-in paths lose it, since authorize requests carry state, nonce and PKCE
	 * values there. Bodies and headers are never written. Spaces, control and non-ASCII characters of the path are
	 * percent-encoded, so the line has exactly four or five words.
	 * @param instant when it was answered
	 * @param request the request
	 * @param status the status answered
	 * @param mark {@link #GRAPH_WRITE}, {@link #ARM_WRITE}, {@link #DICOM_WRITE}, or null
	 * @return e.g. {@code 2026-11-27T08:10:01Z POST /v1.0/applications 201 graph-write}
	 */
	static String line(Instant instant, SandboxRequest request, int status, String mark) {
		boolean keepsQuery = RequestLog.isGraph(request.path()) || RequestLog.isArm(request.path())
				|| RequestLog.isDicom(request.path());
		String target = keepsQuery ? request.pathAndQuery() : request.path();
		return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS)) + " " + request.method()
				+ " " + escape(target) + " " + status + ((mark != null) ? " " + mark : "");
	}

	private static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (byte value : text.getBytes(StandardCharsets.UTF_8)) {
			int unsigned = value & 0xFF;
			if (unsigned <= 0x20 || unsigned >= 0x7F) {
				escaped.append('%').append(String.format("%02X", unsigned));
			}
			else {
				escaped.append((char) unsigned);
			}
		}
		return escaped.toString();
	}

	private synchronized void write(byte[] bytes) throws IOException {
		// One write of the whole line in append mode, so that servers in other processes writing the same file
		// do not interleave within a line.
		try (FileChannel channel = FileChannel.open(this.file, APPEND, ownerOnly())) {
			ByteBuffer buffer = ByteBuffer.wrap(bytes);
			while (buffer.hasRemaining()) {
				channel.write(buffer);
			}
		}
	}

	private static FileAttribute<?>[] ownerOnly() {
		if (!POSIX) {
			return new FileAttribute<?>[0];
		}
		return new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")) };
	}

	private static String reason(Exception ex) {
		if (ex instanceof NoSuchFileException) {
			return "its directory does not exist";
		}
		if (ex instanceof AccessDeniedException) {
			return "permission denied";
		}
		if (ex instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
			return fileSystem.getReason();
		}
		String message = (ex.getMessage() != null) ? ex.getMessage().lines().findFirst().orElse("") : "";
		return message.isBlank() ? ex.getClass().getSimpleName() : message;
	}

}
