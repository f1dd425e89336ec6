package io.dicomreg.azure;

import java.util.Locale;

/**
 * A DICOM service of Azure Health Data Services, as Azure Resource Manager describes it.
 *
 * @param name the DICOM service's name
 * @param workspace its workspace's name
 * @param resourceGroup the resource group
 * @param subscriptionId the subscription
 * @param id its resource id, the scope of its role assignments
 * @param serviceUrl the DICOMweb base URL, or {@code null} while it is provisioned
 * @param location the Azure region
 * @param provisioningState e.g. Succeeded
 */
public record DicomService(String name, String workspace, String resourceGroup, String subscriptionId, String id,
		String serviceUrl, String location, String provisioningState) {

	/** The name Tab completes and errors use: {@code workspace/name}. */
	public String qualifiedName() {
		return this.workspace + "/" + this.name;
	}

	/** Whether {@code scope} (a resource id) is this service or lies above it (subscription, group, workspace). */
	public boolean isAtOrBelow(String scope) {
		String mine = this.id.toLowerCase(Locale.ROOT);
		String other = scope.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
		return other.equals("/") || other.isEmpty() || mine.equals(other) || mine.startsWith(other + "/");
	}

}
