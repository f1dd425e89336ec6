package io.dicomreg.apps;

/**
 * The identifiers of "Azure API for DICOM", the resource application behind every DICOM service.
 * <p>
 * They are published defaults, confirmed at run time: the service principal is looked up by
 * {@link #APP_ID}, else by {@link #DISPLAY_NAME}, and the scope's id is always read from its
 * {@code oauth2PermissionScopes}, never taken from here.
 */
public final class DicomApi {

	/** The DICOM API's Application ID (its service principal's {@code appId}). */
	public static final String APP_ID = "75e725bf-66ce-4cea-9b9a-5c4caae57f33";

	/** The display name of its service principal, the fallback lookup. */
	public static final String DISPLAY_NAME = "Azure API for DICOM";

	/** The delegated permission the tutorial adds. */
	public static final String SCOPE = "Dicom.ReadWrite";

	/** The published id of {@value #SCOPE}: documentation only, the id used is read from the tenant. */
	public static final String SCOPE_ID = "e69ab058-b8ae-4c0f-b687-5d97888ddccb";

	/** The audience of tokens for the DICOM service. */
	public static final String RESOURCE = "https://dicom.healthcareapis.azure.com";

	private DicomApi() {
	}

}
