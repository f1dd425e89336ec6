package io.dicomreg.sandbox.arm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The api-versions each emulated resource type accepts, and how ARM refuses another: Microsoft.Resources with
 * {@code InvalidApiVersionParameter}, Microsoft.Authorization with {@code InvalidResourceType}, a resource provider's
 * types with {@code NoRegisteredProviderFound}. The sandbox accepts only the versions it emulates, fewer than ARM.
 */
enum ApiType {

	TENANTS("Microsoft.Resources", "tenants", List.of("2022-12-01")),

	SUBSCRIPTIONS("Microsoft.Resources", "subscriptions", List.of("2022-12-01")),

	WORKSPACES("Microsoft.HealthcareApis", "workspaces", List.of("2024-03-31")),

	DICOM_SERVICES("Microsoft.HealthcareApis", "workspaces/dicomservices", List.of("2024-03-31")),

	ROLE_ASSIGNMENTS("Microsoft.Authorization", "roleAssignments", List.of("2020-04-01-preview", "2022-04-01")),

	ROLE_DEFINITIONS("Microsoft.Authorization", "roleDefinitions", List.of("2022-04-01"));

	private final String namespace;

	private final String type;

	private final List<String> versions;

	ApiType(String namespace, String type, List<String> versions) {
		this.namespace = namespace;
		this.type = type;
		this.versions = versions;
	}

	List<String> versions() {
		return this.versions;
	}

	/**
	 * Checks a request's api-version.
	 * @param apiVersion the api-version parameter, or null
	 * @param location the region ARM names in a resource provider's refusal
	 * @param locations the regions ARM lists there, comma separated
	 * @throws ArmError 400 when it is missing or not one of {@link #versions()}
	 */
	void check(String apiVersion, String location, String locations) {
		if (apiVersion == null || apiVersion.isEmpty()) {
			throw ArmError.badRequest("MissingApiVersionParameter",
					"The api-version query parameter (?api-version=) is required for all requests.");
		}
		if (this.versions.contains(apiVersion)) {
			return;
		}
		throw switch (this.namespace) {
			case "Microsoft.Resources" -> ArmError.badRequest("InvalidApiVersionParameter", "The api-version '"
					+ apiVersion + "' is invalid. The supported versions are '"
					+ newestFirst() + "'.");
			case "Microsoft.Authorization" -> ArmError.badRequest("InvalidResourceType", "The resource type '"
					+ this.type + "' could not be found in the namespace '" + this.namespace + "' for api version '"
					+ apiVersion + "'. The supported api-versions are '" + String.join(",", this.versions) + "'.");
			default -> ArmError.badRequest("NoRegisteredProviderFound", "No registered resource provider found for "
					+ "location '" + location + "' and API version '" + apiVersion + "' for type '" + this.type
					+ "'. The supported api-versions are '" + String.join(", ", this.versions)
					+ "'. The supported locations are '" + locations + "'.");
		};
	}

	private String newestFirst() {
		List<String> newestFirst = new ArrayList<>(this.versions);
		Collections.reverse(newestFirst);
		return String.join(",", newestFirst);
	}

	boolean isResourceProvider() {
		return this.namespace.equals("Microsoft.HealthcareApis");
	}

}
