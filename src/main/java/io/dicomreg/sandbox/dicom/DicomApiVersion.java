package io.dicomreg.sandbox.dicom;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API versions of the DICOM service, read from the first path segment after the service URL ({@code v1},
 * {@code v2}, {@code v1.0-prerelease}; {@code v1.0} and {@code v2.0} are the same versions, as ASP.NET API Versioning
 * compares them).
 */
enum DicomApiVersion {

	/** The deprecated first version: behaves as v1. */
	V1_PRERELEASE(1),

	V1(1),

	V2(2);

	private static final Pattern FORM = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:-([A-Za-z0-9]+))?");

	private final int major;

	DicomApiVersion(int major) {
		this.major = major;
	}

	int major() {
		return this.major;
	}

	/**
	 * Reads a version segment.
	 * @param segment e.g. v2
	 * @return empty when the segment is not a version at all (no route matches it)
	 * @throws UnsupportedException when it is a version the service does not have, such as v3
	 */
	static Optional<DicomApiVersion> parse(String segment) {
		if (segment.length() < 2 || Character.toLowerCase(segment.charAt(0)) != 'v') {
			return Optional.empty();
		}
		String text = segment.substring(1);
		Matcher matcher = FORM.matcher(text);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		int major;
		int minor;
		try {
			major = Integer.parseInt(matcher.group(1));
			minor = (matcher.group(2) != null) ? Integer.parseInt(matcher.group(2)) : 0;
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		String status = (matcher.group(3) != null) ? matcher.group(3).toLowerCase(Locale.ROOT) : null;
		if (minor == 0 && major == 1 && status == null) {
			return Optional.of(V1);
		}
		if (minor == 0 && major == 1 && status.equals("prerelease")) {
			return Optional.of(V1_PRERELEASE);
		}
		if (minor == 0 && major == 2 && status == null) {
			return Optional.of(V2);
		}
		throw new UnsupportedException(text);
	}

	/**
	 * A well-formed version the service does not support.
	 */
	static final class UnsupportedException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final String version;

		UnsupportedException(String version) {
			super("Unsupported API version " + version);
			this.version = version;
		}

		String version() {
			return this.version;
		}

	}

}
