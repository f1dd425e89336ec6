package io.dicomreg.apps;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.dicomreg.error.DicomregException;

/**
 * A platform of the portal's Authentication page, which holds its own redirect URIs.
 */
public enum Platform {

	/** "Web": {@code web.redirectUris}. */
	WEB("web", "Web", "web"),

	/** "Single-page application": {@code spa.redirectUris}. */
	SPA("spa", "Single-page application", "spa"),

	/** "Mobile and desktop applications": {@code publicClient.redirectUris}. */
	MOBILE_DESKTOP("mobile-desktop", "Mobile and desktop applications", "mobileDesktop");

	private final String commandName;

	private final String label;

	private final String jsonName;

	Platform(String commandName, String label, String jsonName) {
		this.commandName = commandName;
		this.label = label;
		this.jsonName = jsonName;
	}

	/** The word the commands take: {@code mobile-desktop}, {@code web}, {@code spa}. */
	public String commandName() {
		return this.commandName;
	}

	/** The portal's name for it. */
	public String label() {
		return this.label;
	}

	/** The application property in Graph that holds its redirect URIs: {@code web}, {@code spa}, {@code publicClient}. */
	public String graphProperty() {
		return (this == MOBILE_DESKTOP) ? "publicClient" : this.commandName;
	}

	/** Its name in JSON output: {@code web}, {@code spa}, {@code mobileDesktop}. */
	public String jsonName() {
		return this.jsonName;
	}

	/**
	 * The platform a command word names.
	 * @throws DicomregException (usage) for any other word
	 */
	public static Platform parse(String word) {
		String wanted = (word != null) ? word.strip().toLowerCase(Locale.ROOT) : "";
		return Arrays.stream(values())
			.filter(platform -> platform.commandName.equals(wanted))
			.findFirst()
			.orElseThrow(() -> DicomregException.invalidInput((wanted.isEmpty() ? "No platform given"
					: "Unknown platform '" + word.strip() + "'") + ": use one of " + commandNames() + "."));
	}

	/** The platforms in the order the commands list them: the tutorial's (mobile-desktop) first. */
	public static List<Platform> inCommandOrder() {
		return List.of(MOBILE_DESKTOP, WEB, SPA);
	}

	/** The command words of every platform, for messages: "mobile-desktop, web or spa". */
	static String commandNames() {
		List<String> names = inCommandOrder().stream().map(Platform::commandName).toList();
		return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
	}

}
