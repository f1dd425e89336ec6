package io.dicomreg.apps;

import java.util.regex.Pattern;

/**
 * Tells a GUID (an application, object, key or permission ID) from a name typed by the user.
 */
public final class Guids {

	private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");

	private Guids() {
	}

	/** Whether {@code text} is written as a GUID. */
	public static boolean isGuid(String text) {
		return text != null && GUID.matcher(text).matches();
	}

}
