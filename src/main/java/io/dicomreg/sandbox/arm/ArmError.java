package io.dicomreg.sandbox.arm;

/**
 * An error ARM answers with {@code {"error":{"code","message"}}}, and for authentication failures a
 * {@code WWW-Authenticate} challenge.
 */
final class ArmError extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int status;

	private final String code;

	private final transient String challenge;

	ArmError(int status, String code, String message) {
		this(status, code, message, null);
	}

	private ArmError(int status, String code, String message, String challenge) {
		super(message);
		this.status = status;
		this.code = code;
		this.challenge = challenge;
	}

	static ArmError unauthenticated(String code, String message, String challenge) {
		return new ArmError(401, code, message, challenge);
	}

	static ArmError badRequest(String code, String message) {
		return new ArmError(400, code, message);
	}

	static ArmError subscriptionNotFound(String subscriptionId) {
		return new ArmError(404, "SubscriptionNotFound", "The subscription '" + subscriptionId
				+ "' could not be found.");
	}

	static ArmError invalidSubscriptionId(String subscriptionId) {
		return badRequest("InvalidSubscriptionId", "The provided subscription identifier '" + subscriptionId
				+ "' is malformed or invalid.");
	}

	static ArmError resourceGroupNotFound(String resourceGroup) {
		return new ArmError(404, "ResourceGroupNotFound", "Resource group '" + resourceGroup
				+ "' could not be found.");
	}

	/**
	 * ARM's 404 for a resource of a resource group.
	 * @param typeAndName e.g. Microsoft.HealthcareApis/workspaces/ws1/dicomservices/d1
	 * @param resourceGroup the resource group
	 * @return the error
	 */
	static ArmError resourceNotFound(String typeAndName, String resourceGroup) {
		return new ArmError(404, "ResourceNotFound", "The Resource '" + typeAndName + "' under resource group '"
				+ resourceGroup + "' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix");
	}

	/**
	 * ARM's 403 for a caller whose roles do not allow an action at a scope.
	 * @param caller the caller
	 * @param action e.g. Microsoft.Authorization/roleAssignments/write
	 * @param scope the scope the action was tried at
	 * @return the error
	 */
	static ArmError authorizationFailed(ArmCaller caller, String action, String scope) {
		return new ArmError(403, "AuthorizationFailed", "The client '" + caller.clientName() + "' with object id '"
				+ caller.objectId() + "' does not have authorization to perform action '" + action + "' over scope '"
				+ scope + "' or the scope is invalid. If access was recently granted, please refresh your credentials.");
	}

	static ArmError methodNotAllowed(String method) {
		return new ArmError(405, "MethodNotAllowed", "The requested resource does not support http method '"
				+ method + "'.");
	}

	/**
	 * The answer to a request ARM would serve but the sandbox does not emulate.
	 * @param method the method
	 * @param path the path
	 * @return the error
	 */
	static ArmError notEmulated(String method, String path) {
		return new ArmError(404, "NotEmulated", "The sandbox does not emulate " + method + " " + path
				+ " of Azure Resource Manager; see docs/sandbox.md, \"Azure Resource Manager\".");
	}

	int status() {
		return this.status;
	}

	String code() {
		return this.code;
	}

	String challenge() {
		return this.challenge;
	}

}
