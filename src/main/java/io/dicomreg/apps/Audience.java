package io.dicomreg.apps;

import java.util.Arrays;
import java.util.Locale;

import io.dicomreg.error.DicomregException;

/**
 * Who may sign in to an application ("Supported account types" in the portal).
 */
public enum Audience {

	/** "Accounts in this organization directory only", the tutorial's choice. */
	SINGLE_TENANT("single-tenant", "AzureADMyOrg"),

	/** "Accounts in any organizational directory". */
	MULTI_TENANT("multi-tenant", "AzureADMultipleOrgs");

	private final String option;

	private final String signInAudience;

	Audience(String option, String signInAudience) {
		this.option = option;
		this.signInAudience = signInAudience;
	}

	/** The value of {@code --audience}. */
	public String option() {
		return this.option;
	}

	/** Graph's {@code signInAudience}. */
	public String signInAudience() {
		return this.signInAudience;
	}

	/**
	 * Parses {@code --audience}.
	 * @throws DicomregException (usage) for another value
	 */
	public static Audience parse(String value) {
		return Arrays.stream(values())
			.filter(audience -> audience.option.equals(value.strip().toLowerCase(Locale.ROOT)))
			.findFirst()
			.orElseThrow(() -> DicomregException
				.invalidInput("Invalid value '" + value + "' for --audience: use single-tenant or multi-tenant."));
	}

}
