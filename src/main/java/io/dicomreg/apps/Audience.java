package io.dicomreg.apps;

/**
 * Who may sign in to an application ("Supported account types" in the portal).
 */
public enum Audience {

	/** "Accounts in this organization directory only", the tutorial's choice. */
	SINGLE_TENANT("AzureADMyOrg"),

	/** "Accounts in any organizational directory". */
	MULTI_TENANT("AzureADMultipleOrgs");

	private final String signInAudience;

	Audience(String signInAudience) {
		this.signInAudience = signInAudience;
	}

	/** Graph's {@code signInAudience}. */
	public String signInAudience() {
		return this.signInAudience;
	}

}
