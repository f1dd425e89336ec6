package io.dicomreg.error;

import java.util.Locale;

/**
 * A thing of the domain that a user gives and a service may refuse: the service's error names it
 * in these words; the command layer names the option that gave it instead, and the walkthrough its
 * question.
 */
public enum Subject {

	/** No particular thing. */
	NONE(""),

	DISPLAY_NAME("the display name"),

	UNIQUE_NAME("the unique name"),

	AUDIENCE("the audience"),

	LIST_SIZE("the number of applications to list"),

	APPLICATION("the application"),

	PLATFORM("the platform"),

	REDIRECT_URI("the redirect URI"),

	SECRET_DESCRIPTION("the secret's description"),

	SECRET_LIFETIME("the secret's lifetime"),

	SECRET_FILE("the file for the secret's value"),

	SECRET_KEY_ID("the secret's key ID"),

	CERTIFICATE_SUBJECT("the certificate's subject"),

	CERTIFICATE_YEARS("the certificate's validity in years"),

	CERTIFICATE_FILES("the certificate's file names"),

	CERTIFICATE_FILE("the certificate file"),

	CERTIFICATE_SELECTOR("the certificate's thumbprint or key ID"),

	PFX_PASSWORD_VARIABLE("the variable holding the PFX password"),

	API("the API"),

	DELEGATED_PERMISSION("the delegated permission"),

	APPLICATION_PERMISSION("the application permission"),

	SCRIPT_FILE("the script file");

	private final String noun;

	Subject(String noun) {
		this.noun = noun;
	}

	/** How a sentence names it, in lower case: "the redirect URI". */
	public String noun() {
		return this.noun;
	}

	/** How a sentence starts with it: "The redirect URI". */
	public String capitalized() {
		return this.noun.isEmpty() ? "" : this.noun.substring(0, 1).toUpperCase(Locale.ROOT) + this.noun.substring(1);
	}

}
