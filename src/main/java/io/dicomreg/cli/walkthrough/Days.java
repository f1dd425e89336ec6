package io.dicomreg.cli.walkthrough;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Dates as the walkthrough's prose shows them: the day, in UTC.
 */
final class Days {

	private Days() {
	}

	/** {@code 2027-05-27 (UTC)}, or {@code never} for no date. */
	static String of(OffsetDateTime time) {
		return (time != null) ? time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate() + " (UTC)" : "never";
	}

}
