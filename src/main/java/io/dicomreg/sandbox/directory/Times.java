package io.dicomreg.sandbox.directory;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Formats and parses timestamps the way Microsoft Graph writes and accepts them.
 */
public final class Times {

	private static final DateTimeFormatter INNER_ERROR_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter AADSTS_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
		.withZone(ZoneOffset.UTC);

	private Times() {
	}

	/**
	 * Graph's DateTimeOffset form, to the second, in UTC.
	 * @param instant the time
	 * @return text such as 2026-01-31T10:00:00Z
	 */
	public static String format(Instant instant) {
		return instant.truncatedTo(ChronoUnit.SECONDS).toString();
	}

	/**
	 * The form Graph uses for {@code innerError.date}: no zone designator.
	 * @param instant the time
	 * @return text such as 2026-01-31T10:00:00
	 */
	public static String innerErrorDate(Instant instant) {
		return INNER_ERROR_DATE.format(instant);
	}

	/**
	 * The form Entra ID uses in error descriptions and the {@code timestamp} field.
	 * @param instant the time
	 * @return text such as 2026-01-31 10:00:00Z
	 */
	public static String aadstsTimestamp(Instant instant) {
		return AADSTS_TIMESTAMP.format(instant);
	}

	/**
	 * Parses an ISO 8601 date and time, with or without a zone designator (UTC assumed when absent).
	 * @param text the text
	 * @return the instant
	 * @throws DateTimeParseException when the text is not a date and time
	 */
	public static Instant parse(String text) {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
		}
	}

	public static boolean isDateTime(String text) {
		try {
			parse(text);
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

}
