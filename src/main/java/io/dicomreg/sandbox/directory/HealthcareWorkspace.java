package io.dicomreg.sandbox.directory;

/**
 * An Azure Health Data Services workspace ({@code Microsoft.HealthcareApis/workspaces}).
 *
 * @param subscriptionId the subscription it belongs to
 * @param resourceGroup the resource group's name
 * @param name the workspace name
 * @param location the Azure region
 * @param etag the entity tag ARM answers with
 */
public record HealthcareWorkspace(String subscriptionId, String resourceGroup, String name, String location,
		String etag) {

	/** The resource type. */
	public static final String TYPE = "Microsoft.HealthcareApis/workspaces";

	/**
	 * The ARM resource id.
	 * @return {@code /subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.HealthcareApis/workspaces/{name}}
	 */
	public String id() {
		return "/subscriptions/" + this.subscriptionId + "/resourceGroups/" + this.resourceGroup + "/providers/" + TYPE
				+ "/" + this.name;
	}

}
