package io.dicomreg.apps.credentials;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * Whether a secret or certificate credential still works, and for how long.
 */
public enum CredentialStatus {

	/** Its end date has passed: sign-ins with it fail. */
	EXPIRED,

	/** It ends within {@link #EXPIRING_WITHIN}: time to add a new one. */
	EXPIRING,

	/** It ends later than that. */
	VALID;

	/** How close to its end a credential counts as expiring. */
	public static final Duration EXPIRING_WITHIN = Duration.ofDays(30);

	/** The status at {@code now} of a credential ending at {@code end} (no end: valid). */
	public static CredentialStatus of(OffsetDateTime end, Instant now) {
		if (end == null) {
			return VALID;
		}
		Instant ends = end.toInstant();
		if (!ends.isAfter(now)) {
			return EXPIRED;
		}
		return ends.isBefore(now.plus(EXPIRING_WITHIN)) ? EXPIRING : VALID;
	}

	/** Whole days from {@code now} to {@code end}, negative once it has passed. */
	public static Long daysLeft(OffsetDateTime end, Instant now) {
		return (end != null) ? Duration.between(now, end.toInstant()).toDays() : null;
	}

	/** How a table shows it: flagged unless valid. */
	public String label() {
		return (this == VALID) ? "valid" : "! " + name();
	}

	/** The name in JSON output: {@code expired}, {@code expiring} or {@code valid}. */
	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}

}
