package io.dicomreg.sandbox.directory;

import java.util.Locale;

/**
 * A DICOM service of a workspace ({@code Microsoft.HealthcareApis/workspaces/dicomservices}).
 *
 * @param subscriptionId the subscription it belongs to
 * @param resourceGroup the resource group's name
 * @param workspace the workspace's name
 * @param name the DICOM service name
 * @param location the Azure region
 * @param etag the entity tag ARM answers with
 */
public record DicomService(String subscriptionId, String resourceGroup, String workspace, String name,
		String location, String etag) {

	/** The resource type. */
	public static final String TYPE = "Microsoft.HealthcareApis/workspaces/dicomservices";

	/**
	 * The ARM resource id, which is also the scope DICOM roles are assigned at.
	 * @return {@code .../providers/Microsoft.HealthcareApis/workspaces/{workspace}/dicomservices/{name}}
	 */
	public String id() {
		return "/subscriptions/" + this.subscriptionId + "/resourceGroups/" + this.resourceGroup + "/providers/"
				+ HealthcareWorkspace.TYPE + "/" + this.workspace + "/dicomservices/" + this.name;
	}

	/**
	 * The first label of the service's host name in Azure ({@code {workspace}-{name}.dicom.azurehealthcareapis.com}),
	 * unique in the tenant.
	 * @return {@code {workspace}-{name}}, lower case
	 */
	public String hostLabel() {
		return (this.workspace + "-" + this.name).toLowerCase(Locale.ROOT);
	}

}
