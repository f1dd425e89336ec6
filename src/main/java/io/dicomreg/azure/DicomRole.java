package io.dicomreg.azure;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The built-in Azure roles of the DICOM service's data plane (tutorial step 6), by the ids Azure publishes.
 */
public enum DicomRole {

	/** DICOM Data Owner: full access to DICOM data ({@code .../dicomservices/resources/*}). */
	OWNER("owner", "DICOM Data Owner", "58a3b984-7adf-4c20-983a-32417c86fbc8"),

	/** DICOM Data Reader: read and search DICOM data, change feed included ({@code .../resources/read}). */
	READER("reader", "DICOM Data Reader", "e89c7a3c-2f64-4fa1-a847-3e4c9ba4283a");

	private final String word;

	private final String displayName;

	private final String id;

	DicomRole(String word, String displayName, String id) {
		this.word = word;
		this.displayName = displayName;
		this.id = id;
	}

	/** What {@code --role} calls it: owner or reader. */
	public String word() {
		return this.word;
	}

	public String displayName() {
		return this.displayName;
	}

	/** The role definition's GUID, the same in every subscription. */
	public String id() {
		return this.id;
	}

	/** The role named by {@code --role}: owner or reader (or the role's name or id). */
	public static Optional<DicomRole> named(String value) {
		String wanted = value.strip().toLowerCase(Locale.ROOT);
		return Arrays.stream(values())
			.filter(role -> role.word.equals(wanted) || role.displayName.toLowerCase(Locale.ROOT).equals(wanted)
					|| role.id.equals(wanted))
			.findFirst();
	}

	/** The role whose definition id ends with this GUID, if it is a DICOM role. */
	public static Optional<DicomRole> ofDefinition(String roleDefinitionId) {
		String last = roleDefinitionId.substring(roleDefinitionId.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter(role -> role.id.equals(last)).findFirst();
	}

}
