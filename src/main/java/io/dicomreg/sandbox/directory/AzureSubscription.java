package io.dicomreg.sandbox.directory;

/**
 * An Azure subscription of the tenant.
 *
 * @param subscriptionId the subscription id, a GUID
 * @param displayName the display name
 */
public record AzureSubscription(String subscriptionId, String displayName) {

	/**
	 * The ARM resource id.
	 * @return {@code /subscriptions/{subscriptionId}}
	 */
	public String id() {
		return "/subscriptions/" + this.subscriptionId;
	}

}
