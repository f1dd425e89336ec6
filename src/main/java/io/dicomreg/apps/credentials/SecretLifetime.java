package io.dicomreg.apps.credentials;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dicomreg.error.DicomregException;
import io.dicomreg.error.Echo;
import io.dicomreg.error.Subject;

/**
 * When a new client secret expires, from {@code --expires}: a number of months ({@code 6m}) from
 * now, or a date ({@code 2026-12-31}) meaning the end of that day in UTC. As in the portal, at most
 * 24 months; the default is the portal's recommendation, 6 months.
 */
final class SecretLifetime {

	/** The portal's recommended lifetime. */
	static final String DEFAULT = "6m";

	/** The longest lifetime the portal offers. */
	static final int MAX_MONTHS = 24;

	private static final Pattern MONTHS = Pattern.compile("(\\d{1,4})m", Pattern.CASE_INSENSITIVE);

	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private SecretLifetime() {
	}

	/**
	 * The end date and time {@code expires} stands for, seen at {@code clock}'s now.
	 * @param expires {@code Nm} or {@code YYYY-MM-DD}, or {@code null} for the default
	 * @throws DicomregException (usage) for another form, a lifetime over 24 months or a past date
	 */
	static OffsetDateTime endOf(String expires, Clock clock) {
		String value = (expires == null || expires.isBlank()) ? DEFAULT : expires.strip();
		OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
		Matcher months = MONTHS.matcher(value);
		if (months.matches()) {
			return monthsFrom(now, Integer.parseInt(months.group(1)));
		}
		if (DATE.matcher(value).matches()) {
			return endOfDay(now, value);
		}
		throw DicomregException.invalid(Subject.SECRET_LIFETIME, " takes 3m, 6m, 12m, 24m (months from now) or a date "
				+ "YYYY-MM-DD, not " + Echo.quoted(value) + ".");
	}

	private static OffsetDateTime monthsFrom(OffsetDateTime now, int months) {
		if (months < 1 || months > MAX_MONTHS) {
			throw DicomregException.invalid(Subject.SECRET_LIFETIME, " " + months + "m is not allowed: a client secret lasts "
					+ "1 to " + MAX_MONTHS + " months (the portal recommends 6m).");
		}
		return now.plusMonths(months);
	}

	private static OffsetDateTime endOfDay(OffsetDateTime now, String value) {
		LocalDate date;
		try {
			date = LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw DicomregException.invalid(Subject.SECRET_LIFETIME, " " + value + " is not a date: use YYYY-MM-DD.");
		}
		LocalDate today = now.toLocalDate();
		if (date.isBefore(today)) {
			throw DicomregException.invalid(Subject.SECRET_LIFETIME, " " + value + " is in the past: give a date from today on.");
		}
		// The end of the chosen day must not pass now + 24 months, so the last allowed date is the day before.
		LocalDate latest = now.plusMonths(MAX_MONTHS).toLocalDate().minusDays(1);
		if (date.isAfter(latest)) {
			throw DicomregException.invalid(Subject.SECRET_LIFETIME, " " + value + " is more than " + MAX_MONTHS
					+ " months away: the latest allowed today is " + latest + ".");
		}
		return OffsetDateTime.of(date, LocalTime.of(23, 59, 59), ZoneOffset.UTC);
	}

}
