package io.dicomreg.sandbox.dicom;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.arm.DataActions;
import io.dicomreg.sandbox.directory.Json;
import io.dicomreg.sandbox.http.SandboxResponse;

/**
 * The change feed, in the form the open-source server's source writes it: camelCase keys, {@code Create} and
 * {@code Current} as enum names, null fields left out. Version 1 pages by sequence number ({@code offset} is the
 * exclusive starting sequence, the window is {@code offset+1 .. offset+limit}, limit 1 to 100, default 10); version
 * 2 pages by time ({@code startTime} inclusive, {@code endTime} exclusive, both with a time zone; {@code offset}
 * entries skipped; limit 1 to 200, default 100). Every instance is a {@code Create} entry in state
 * {@code Current}: the sandbox neither deletes nor updates.
 */
final class ChangeFeed {

	/** The partition every entry names while data partitions are off. */
	static final String DEFAULT_PARTITION = "Microsoft.Default";

	private ChangeFeed() {
	}

	static SandboxResponse feed(DicomCall call) {
		boolean v2 = call.version().major() >= 2;
		QueryBinder binder = new QueryBinder(call);
		Instant start = Instant.MIN;
		Instant end = Instant.MAX;
		long offset;
		long limit;
		if (v2) {
			Instant startTime = time(call, binder, "startTime", "StartTime");
			Instant endTime = time(call, binder, "endTime", "EndTime");
			offset = binder.integer("offset", "Offset", 0);
			limit = binder.integer("limit", "Limit", 100);
			boolean includeMetadata = binder.bool("includeMetadata", "includeMetadata", true);
			if (!binder.hasErrors()) {
				binder.range("Offset", offset, 0, Long.MAX_VALUE, QueryBinder.LONG_MAX_AS_DOUBLE);
				binder.range("Limit", limit, 1, 200, "200");
			}
			start = (startTime != null) ? startTime : Instant.MIN;
			end = (endTime != null) ? endTime : Instant.MAX;
			if (!binder.hasErrors() && !end.isAfter(start)) {
				binder.error("", "The start time '" + roundTrip(start) + "' must occur strictly before the end time '"
						+ roundTrip(end) + "'.");
			}
			binder.throwIfInvalid();
			call.require(DataActions.DICOM_READ);
			Instant from = start;
			Instant to = end;
			List<DicomInstance> entries = instances(call).stream()
				.filter((i) -> !i.timestamp().isBefore(from) && i.timestamp().isBefore(to))
				.sorted(Comparator.comparing(DicomInstance::timestamp).thenComparingLong(DicomInstance::sequence))
				.skip(offset)
				.limit(limit)
				.toList();
			return answer(entries, includeMetadata);
		}
		offset = binder.integer("offset", "offset", 0);
		limit = binder.integer("limit", "limit", 10);
		boolean includeMetadata = binder.bool("includeMetadata", "includeMetadata", true);
		if (!binder.hasErrors()) {
			binder.range("offset", offset, 0, Long.MAX_VALUE, QueryBinder.LONG_MAX_AS_DOUBLE);
			binder.range("limit", limit, 1, 100, "100");
		}
		binder.throwIfInvalid();
		call.require(DataActions.DICOM_READ);
		long first = offset + 1;
		long last = offset + limit;
		List<DicomInstance> entries = instances(call).stream()
			.filter((i) -> i.sequence() >= first && i.sequence() <= last)
			.toList();
		return answer(entries, includeMetadata);
	}

	static SandboxResponse latest(DicomCall call) {
		QueryBinder binder = new QueryBinder(call);
		boolean includeMetadata = binder.bool("includeMetadata", "includeMetadata", true);
		binder.throwIfInvalid();
		call.require(DataActions.DICOM_READ);
		Comparator<DicomInstance> order = (call.version().major() >= 2)
				? Comparator.comparing(DicomInstance::timestamp).thenComparingLong(DicomInstance::sequence)
				: Comparator.comparingLong(DicomInstance::sequence);
		return instances(call).stream()
			.max(order)
			.map((instance) -> DicomResponses.json(200, entry(instance, includeMetadata), DicomResponses.JSON))
			.orElseGet(SandboxResponse::noContent);
	}

	private static List<DicomInstance> instances(DicomCall call) {
		return call.context().store().read((tenant) -> DicomData.instances(tenant, call.service()));
	}

	private static SandboxResponse answer(List<DicomInstance> entries, boolean includeMetadata) {
		ArrayNode body = Json.array();
		entries.forEach((instance) -> body.add(entry(instance, includeMetadata)));
		return DicomResponses.json(200, body, DicomResponses.JSON);
	}

	private static ObjectNode entry(DicomInstance instance, boolean includeMetadata) {
		ObjectNode entry = Json.object();
		entry.put("sequence", instance.sequence());
		entry.put("partitionName", DEFAULT_PARTITION);
		entry.put("studyInstanceUid", instance.studyInstanceUid());
		entry.put("seriesInstanceUid", instance.seriesInstanceUid());
		entry.put("sopInstanceUid", instance.sopInstanceUid());
		entry.put("action", "Create");
		entry.put("timestamp", dateTimeOffset(instance.timestamp()));
		entry.put("state", "Current");
		if (includeMetadata) {
			entry.set("metadata", instance.metadata().deepCopy());
		}
		return entry;
	}

	/**
	 * Binds a v2 time: it must name its time zone ({@code Z} or an offset), else 400 "Date and time value must specify
	 * a time zone."; text that is no date at all is refused without a message, as the server's binder records only
	 * the exception.
	 */
	private static Instant time(DicomCall call, QueryBinder binder, String parameter, String name) {
		String raw = call.parameter(parameter);
		if (raw == null || raw.isBlank()) {
			return null;
		}
		String text = raw.strip();
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			// no zone, or not a date
		}
		try {
			LocalDateTime.parse(text);
			binder.error(name, "Date and time value must specify a time zone.");
			return null;
		}
		catch (DateTimeParseException ex) {
			// not a date and time
		}
		try {
			LocalDate.parse(text);
			binder.error(name, "Date and time value must specify a time zone.");
		}
		catch (DateTimeParseException ex) {
			binder.error(name, "");
		}
		return null;
	}

	/** How System.Text.Json writes a DateTimeOffset: seconds, a fraction only when not zero, then the offset. */
	static String dateTimeOffset(Instant instant) {
		String fraction = "";
		if (instant.getNano() != 0) {
			fraction = String.format(Locale.ROOT, ".%07d", instant.getNano() / 100).replaceAll("0+$", "");
		}
		return DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT)
			.format(instant.atOffset(ZoneOffset.UTC)) + fraction + "+00:00";
	}

	/** .NET's round-trip form ("O") of a DateTimeOffset in UTC, as the server's time range message writes it. */
	private static String roundTrip(Instant instant) {
		if (instant.equals(Instant.MIN)) {
			return "0001-01-01T00:00:00.0000000+00:00";
		}
		if (instant.equals(Instant.MAX)) {
			return "9999-12-31T23:59:59.9999999+00:00";
		}
		return DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT)
			.format(instant.atOffset(ZoneOffset.UTC))
				+ String.format(Locale.ROOT, ".%07d", instant.getNano() / 100) + "+00:00";
	}

}
