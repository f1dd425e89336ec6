package io.dicomreg.sandbox.arm;

import java.util.Locale;

/**
 * An ARM scope the sandbox knows: the root, a subscription, a resource group, a Health Data Services workspace or
 * a DICOM service, named as the request named it.
 *
 * @param subscriptionId the subscription id, null for the root scope
 * @param resourceGroup the resource group, or null
 * @param workspace the workspace, or null
 * @param dicomService the DICOM service, or null
 */
record Scope(String subscriptionId, String resourceGroup, String workspace, String dicomService) {

	static final Scope ROOT = new Scope(null, null, null, null);

	static Scope subscription(String subscriptionId) {
		return new Scope(subscriptionId, null, null, null);
	}

	boolean isRoot() {
		return this.subscriptionId == null;
	}

	/**
	 * The scope as an ARM resource id.
	 * @return {@code /}, {@code /subscriptions/{id}}, ... down to {@code .../dicomservices/{name}}
	 */
	String id() {
		if (isRoot()) {
			return "/";
		}
		StringBuilder id = new StringBuilder("/subscriptions/").append(this.subscriptionId);
		if (this.resourceGroup != null) {
			id.append("/resourceGroups/").append(this.resourceGroup);
		}
		if (this.workspace != null) {
			id.append("/providers/Microsoft.HealthcareApis/workspaces/").append(this.workspace);
		}
		if (this.dicomService != null) {
			id.append("/dicomservices/").append(this.dicomService);
		}
		return id.toString();
	}

	/**
	 * Whether one scope is the other or contains it, as role assignments are inherited (ARM ids compare ignoring
	 * case).
	 * @param upper a scope id
	 * @param lower another scope id
	 * @return true when {@code upper} is at or above {@code lower}
	 */
	static boolean isAtOrAbove(String upper, String lower) {
		if (upper.equals("/")) {
			return true;
		}
		String upperCase = upper.toLowerCase(Locale.ROOT);
		String lowerCase = lower.toLowerCase(Locale.ROOT);
		return lowerCase.equals(upperCase) || lowerCase.startsWith(upperCase + "/");
	}

}
