package io.dicomreg.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.dicomreg.apps.Platform;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.Echo;

/**
 * The words the commands use for the portal's platforms: {@code mobile-desktop}, {@code web},
 * {@code spa}, in the order the commands list them (the tutorial's first).
 */
public enum PlatformWords {

	MOBILE_DESKTOP("mobile-desktop", Platform.MOBILE_DESKTOP),

	WEB("web", Platform.WEB),

	SPA("spa", Platform.SPA);

	private final String word;

	private final Platform platform;

	PlatformWords(String word, Platform platform) {
		this.word = word;
		this.platform = platform;
	}

	/** The word of {@code platform}. */
	public static String wordOf(Platform platform) {
		return Arrays.stream(values()).filter(words -> words.platform == platform).findFirst().orElseThrow().word;
	}

	/**
	 * The platform a word names.
	 * @throws DicomregException (usage) for any other word
	 */
	public static Platform parse(String word) {
		String wanted = (word != null) ? word.strip().toLowerCase(Locale.ROOT) : "";
		return Arrays.stream(values())
			.filter(words -> words.word.equals(wanted))
			.findFirst()
			.map(words -> words.platform)
			.orElseThrow(() -> DicomregException.invalidInput((wanted.isEmpty() ? "No platform given"
					: "Unknown platform " + Echo.quoted(word.strip())) + ": use one of mobile-desktop, web or spa."));
	}

	/** The platforms in the order the commands list them. */
	public static List<Platform> inOrder() {
		return Arrays.stream(values()).map(words -> words.platform).toList();
	}

}
