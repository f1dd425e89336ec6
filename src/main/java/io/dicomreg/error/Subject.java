package io.dicomreg.error;

import java.util.Locale;

/**
 * A thing of the domain that a user gives and a service may refuse: the service's error names it
 * in these words; the command layer names the option that gave it instead, and the walkthrough its
 * question.
 */
public enum Subject {

	/** No particular thing. */
	NONE("", "%s"),

	DISPLAY_NAME("the display name", "%s"),

	UNIQUE_NAME("the unique name", "%s"),

	AUDIENCE("the audience", "%s"),

	LIST_SIZE("the number of applications to list", "%s"),

	NAME_PREFIX("the start of the display name", "%s"),

	APPLICATION("the application", "%s"),

	PLATFORM("the platform", "%s"),

	REDIRECT_URI("the redirect URI", "%s"),

	SECRET_DESCRIPTION("the secret's description", "%s"),

	SECRET_LIFETIME("the secret's lifetime", "%s"),

	SECRET_FILE("the file for the secret's value", "%s"),

	SECRET_KEY_ID("the secret's key ID", "%s"),

	CERTIFICATE_SUBJECT("the certificate's subject", "%s"),

	CERTIFICATE_YEARS("the certificate's validity in years", "%s"),

	CERTIFICATE_FILES("the certificate's files", "%s"),

	CERTIFICATE_FILE("the certificate file", "the file given by %s"),

	CERTIFICATE_DESCRIPTION("the certificate's description", "%s"),

	CERTIFICATE_SELECTOR("the certificate's thumbprint or key ID", "%s"),

	PFX_PASSWORD_VARIABLE("the variable holding the PFX password", "the environment variable given by %s"),

	API("the API", "%s"),

	DICOM_SERVICE("the DICOM service", "%s"),

	SUBSCRIPTION("the subscription", "%s"),

	DICOM_ROLE("the DICOM role", "%s"),

	ASSIGNEE("the assignee", "%s"),

	API_VERSION("the DICOMweb API version", "%s"),

	EXPORT_FILE("the file to write", "%s"),

	EXPORT_FORMAT("the export format", "%s"),

	WAIT("how long to wait", "%s"),

	EXPIRY_WINDOW("how soon an expiry counts", "%s"),

	PORT("the port", "%s"),

	CA_FILE("the file for the CA certificate", "%s"),

	DELEGATED_PERMISSION("the delegated permission", "%s"),

	APPLICATION_PERMISSION("the application permission", "%s"),

	SCRIPT_FILE("the script file", "%s"),

	TENANT("the tenant", "%s"),

	CLIENT_ID("the application (client) ID", "%s"),

	SIGN_IN_PERMISSION("the permission to consent to at sign-in", "%s"),

	CLIENT_SECRET_FILE("the file holding the client secret", "the file given by %s"),

	CLIENT_SECRET_VARIABLE("the variable holding the client secret", "the environment variable given by %s"),

	CLIENT_CERTIFICATE("the certificate file to sign in with", "the file given by %s"),

	CLIENT_CERTIFICATE_PASSWORD_VARIABLE("the variable holding the certificate's password",
			"the environment variable given by %s");

	private final String noun;

	private final String onCommandLine;

	Subject(String noun, String onCommandLine) {
		this.noun = noun;
		this.onCommandLine = onCommandLine;
	}

	/** How a sentence names it, in lower case: "the redirect URI". */
	public String noun() {
		return this.noun;
	}

	/** How a sentence names it on the command line, given by {@code option}: "--save-to", "the file given by --file". */
	public String onCommandLine(String option) {
		return String.format(this.onCommandLine, option);
	}

	/** {@code phrase} as the start of a sentence. */
	public static String capitalized(String phrase) {
		return phrase.isEmpty() ? "" : phrase.substring(0, 1).toUpperCase(Locale.ROOT) + phrase.substring(1);
	}

}
