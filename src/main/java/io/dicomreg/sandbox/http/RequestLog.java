package io.dicomreg.sandbox.http;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Every request the server answered, in order, in memory and, when one is given, in a {@link RequestLogFile}.
 */
public final class RequestLog {

	private static final Set<String> WRITE_METHODS = Set.of("POST", "PATCH", "PUT", "DELETE");

	private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	private final RequestLogFile file;

	public RequestLog() {
		this(null);
	}

	/**
	 * A log that also appends each request to a file.
	 * @param file the file, or null for memory only
	 */
	public RequestLog(RequestLogFile file) {
		this.file = file;
	}

	public void record(SandboxRequest request, int status) {
		boolean write = WRITE_METHODS.contains(request.method());
		boolean graphWrite = write && isGraph(request.path());
		boolean armWrite = write && isArm(request.path());
		boolean dicomWrite = write && isDicom(request.path());
		this.requests.add(new RecordedRequest(request.method(), request.pathAndQuery(), status, graphWrite, armWrite,
				dicomWrite));
		if (this.file != null) {
			this.file.append(request, status, graphWrite ? RequestLogFile.GRAPH_WRITE
					: armWrite ? RequestLogFile.ARM_WRITE : dicomWrite ? RequestLogFile.DICOM_WRITE : null);
		}
	}

	public List<RecordedRequest> snapshot() {
		return List.copyOf(this.requests);
	}

	public void clear() {
		this.requests.clear();
	}

	static boolean isGraph(String path) {
		return path.equals("/v1.0") || path.startsWith("/v1.0/");
	}

	/**
	 * Whether a path is under a DICOM service's URL ({@code /dicom/{workspace}-{name}/...}), which the DICOMweb
	 * endpoints serve.
	 * @param path the decoded path
	 * @return true for a DICOM path
	 */
	static boolean isDicom(String path) {
		return path.startsWith("/dicom/");
	}

	/**
	 * Whether a path is one Azure Resource Manager serves: {@code /subscriptions}, {@code /tenants},
	 * {@code /providers} and what lies under them, ignoring case as ARM does.
	 * @param path the decoded path
	 * @return true for an ARM path
	 */
	static boolean isArm(String path) {
		String lower = path.toLowerCase(Locale.ROOT);
		return Stream.of("/subscriptions", "/tenants", "/providers")
			.anyMatch((root) -> lower.equals(root) || lower.startsWith(root + "/"));
	}

}
