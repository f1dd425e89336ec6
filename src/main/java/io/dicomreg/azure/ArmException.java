package io.dicomreg.azure;

/**
 * An error answer of Azure Resource Manager: {@code {"error":{"code","message"}}}, its status and request id.
 */
public final class ArmException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int status;

	private final String code;

	private final String requestId;

	ArmException(int status, String code, String message, String requestId) {
		super(message);
		this.status = status;
		this.code = code;
		this.requestId = requestId;
	}

	public int status() {
		return this.status;
	}

	/** ARM's error code, e.g. {@code RoleAssignmentExists}; {@code HTTP nnn} when the answer had none. */
	public String code() {
		return this.code;
	}

	/** The {@code x-ms-request-id} of the answer, or {@code null}. */
	public String requestId() {
		return this.requestId;
	}

}
