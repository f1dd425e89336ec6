package io.dicomreg.sandbox.directory;

/**
 * A resource group of an Azure subscription.
 *
 * @param subscriptionId the subscription it belongs to
 * @param name the name
 * @param location the Azure region, such as {@code westus2}
 */
public record ResourceGroup(String subscriptionId, String name, String location) {

	/**
	 * The ARM resource id.
	 * @return {@code /subscriptions/{subscriptionId}/resourceGroups/{name}}
	 */
	public String id() {
		return "/subscriptions/" + this.subscriptionId + "/resourceGroups/" + this.name;
	}

}
