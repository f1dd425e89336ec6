package io.dicomreg.sandbox;

import java.time.Duration;
import java.util.List;

import io.dicomreg.sandbox.http.FaultSpec;
import io.dicomreg.sandbox.http.RecordedRequest;

/**
 * What tests see of a running {@link Sandbox} beyond what the product may use: the tenant's directory, the requests
 * served, and faults to answer instead of the real responses.
 */
public final class SandboxInspector {

	private final Sandbox sandbox;

	private SandboxInspector(Sandbox sandbox) {
		this.sandbox = sandbox;
	}

	/**
	 * Inspects a running sandbox.
	 * @param sandbox the sandbox
	 * @return its inspector
	 */
	public static SandboxInspector of(Sandbox sandbox) {
		return new SandboxInspector(sandbox);
	}

	/**
	 * Read access to the directory.
	 * @return the tenant, read afresh on each call of its methods
	 */
	public SandboxTenant tenant() {
		return new SandboxTenant(this.sandbox.store());
	}

	/**
	 * The Azure side of the tenant: subscriptions, resources to add, role assignments.
	 * @return the tenant's Azure resources, read afresh on each call of its methods
	 */
	public SandboxAzure azure() {
		return new SandboxAzure(this.sandbox.store(), this.sandbox.resourceManagerEndpoint().toString(),
				this.sandbox.clock());
	}

	/**
	 * The DICOM services' data plane: their URLs, seeded studies, stored instances, data roles and the role effect
	 * delay (see docs/sandbox.md, "DICOMweb").
	 * @return the DICOMweb side of the tenant, read afresh on each call of its methods
	 */
	public SandboxDicom dicom() {
		return new SandboxDicom(this.sandbox, azure());
	}

	/**
	 * The owner secret, which approves device codes and completes the browser sign-in page; in the state file (as
	 * {@code ownerSecret}) or, for an in-memory tenant, only in memory.
	 * @return the secret
	 */
	public String ownerSecret() {
		return this.sandbox.ownerSecret();
	}

	/**
	 * Every HTTP request served so far (since the last {@link #clearRequests()}).
	 * @return method, path with query, status, and whether it was a Graph write
	 */
	public List<RecordedRequest> requests() {
		return this.sandbox.requestLog().snapshot();
	}

	/** Forgets the requests kept in memory; a request log file keeps its lines. */
	public void clearRequests() {
		this.sandbox.requestLog().clear();
	}

	/**
	 * Adds the rules of a fault switch SPEC, the syntax of {@code --sandbox-faults} (see docs/sandbox.md, "Faults"),
	 * after those the sandbox has.
	 * @param spec e.g. {@code POST /v1.0/applications 429 times=2 retry-after=1}
	 */
	public void injectFaults(String spec) {
		this.sandbox.faults().addAll(FaultSpec.parse(spec));
	}

	/**
	 * Makes the next {@code times} requests matching method and path prefix answer {@code status} with the
	 * service's error body and a Retry-After header: 429 TooManyRequests and 503 ServiceUnavailable to prove retry
	 * handling, 404 Request_ResourceNotFound to imitate a replica that has not seen a new object yet. The same
	 * mechanism as {@link #injectFaults(String)}: a status rule with a count.
	 * @param method the HTTP method, or "*" for any
	 * @param pathPrefix the start of the path (with query), e.g. /v1.0/applications
	 * @param status e.g. 429 or 503
	 * @param times how many requests to fail
	 * @param retryAfter the Retry-After to send, may be null
	 */
	public void injectFault(String method, String pathPrefix, int status, int times, Duration retryAfter) {
		this.sandbox.faults().add(method, pathPrefix, status, times, retryAfter);
	}

	/** Forgets every fault still waiting, those of the fault switch included. */
	public void clearFaults() {
		this.sandbox.faults().clear();
	}

}
