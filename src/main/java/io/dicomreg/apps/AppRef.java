package io.dicomreg.apps;

/**
 * Which application a command works on.
 *
 * @param objectId the object ID of the application object ({@code null} for one a dry run planned)
 * @param appId the Application (client) ID
 * @param displayName its display name
 */
public record AppRef(String objectId, String appId, String displayName) {

	/** An application a dry run would register: it has no IDs yet, and reads of it find nothing set. */
	public static AppRef planned(String displayName) {
		return new AppRef(null, null, displayName);
	}

	/** Whether this is an application a dry run only planned. */
	public boolean planned() {
		return this.objectId == null;
	}

}
