package io.dicomreg.apps;

/**
 * A platform of the portal's Authentication page, which holds its own redirect URIs.
 */
public enum Platform {

	/** "Web": {@code web.redirectUris}. */
	WEB("Web", "web", "web"),

	/** "Single-page application": {@code spa.redirectUris}. */
	SPA("Single-page application", "spa", "spa"),

	/** "Mobile and desktop applications": {@code publicClient.redirectUris}. */
	MOBILE_DESKTOP("Mobile and desktop applications", "publicClient", "mobileDesktop");

	private final String label;

	private final String graphProperty;

	private final String jsonName;

	Platform(String label, String graphProperty, String jsonName) {
		this.label = label;
		this.graphProperty = graphProperty;
		this.jsonName = jsonName;
	}

	/** The portal's name for it. */
	public String label() {
		return this.label;
	}

	/** The application property in Graph that holds its redirect URIs: {@code web}, {@code spa}, {@code publicClient}. */
	public String graphProperty() {
		return this.graphProperty;
	}

	/** Its name in JSON output: {@code web}, {@code spa}, {@code mobileDesktop}. */
	public String jsonName() {
		return this.jsonName;
	}

}
