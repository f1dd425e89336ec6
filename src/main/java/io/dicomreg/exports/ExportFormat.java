package io.dicomreg.exports;

/**
 * The hand-off files {@code app export} writes.
 */
public enum ExportFormat {

	/** Variables for Azure Identity's EnvironmentCredential and the DICOM service, for a POSIX shell. */
	ENV("env"),

	/** A Postman environment with the variables of Microsoft's DICOM workshop. */
	POSTMAN("postman"),

	/** The JSON an MSAL application's configuration needs. */
	MSAL("msal");

	private final String word;

	ExportFormat(String word) {
		this.word = word;
	}

	public String word() {
		return this.word;
	}

	/** The format {@code --format} names. */
	public static ExportFormat of(String word) {
		for (ExportFormat format : values()) {
			if (format.word.equalsIgnoreCase(word.strip())) {
				return format;
			}
		}
		throw io.dicomreg.error.DicomregException.invalidNaming(io.dicomreg.error.Subject.EXPORT_FORMAT,
				io.dicomreg.error.Echo.quoted(word) + " given for {} is no export format: use env, postman or msal.");
	}

}
