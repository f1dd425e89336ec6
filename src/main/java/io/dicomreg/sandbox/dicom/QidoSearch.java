package io.dicomreg.sandbox.dicom;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.arm.DataActions;
import io.dicomreg.sandbox.directory.Json;
import io.dicomreg.sandbox.dicom.DicomTag.Level;
import io.dicomreg.sandbox.http.SandboxResponse;

/**
 * QIDO-RS, as the open-source server answers it: the query options bound and checked first (400), then the Accept
 * header (406), the caller's read right (403), the filters and include fields (400), and the answer: 200 with a DICOM
 * JSON array, newest first, or 204 when nothing matches.
 */
final class QidoSearch {

	private static final int MAX_LIMIT = 200;

	private static final int DEFAULT_LIMIT = 100;

	private static final Set<String> OPTIONS = Set.of("fuzzymatching", "includefield", "limit", "offset");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT)
		.withResolverStyle(ResolverStyle.STRICT);

	private static final Map<Level, List<DicomTag>> QUERYABLE = Map.of(
			Level.STUDY, List.of(DicomTag.STUDY_DATE, DicomTag.STUDY_INSTANCE_UID, DicomTag.STUDY_DESCRIPTION,
					DicomTag.ACCESSION_NUMBER, DicomTag.PATIENT_ID, DicomTag.PATIENT_NAME,
					DicomTag.REFERRING_PHYSICIAN_NAME, DicomTag.PATIENT_BIRTH_DATE, DicomTag.MODALITIES_IN_STUDY),
			Level.SERIES, List.of(DicomTag.SERIES_INSTANCE_UID, DicomTag.MODALITY,
					DicomTag.PERFORMED_PROCEDURE_STEP_START_DATE, DicomTag.MANUFACTURER_MODEL_NAME),
			Level.INSTANCE, List.of(DicomTag.SOP_INSTANCE_UID));

	private static final List<DicomTag> V1_STUDY = List.of(DicomTag.SPECIFIC_CHARACTER_SET, DicomTag.STUDY_DATE,
			DicomTag.STUDY_TIME, DicomTag.ACCESSION_NUMBER, DicomTag.INSTANCE_AVAILABILITY,
			DicomTag.REFERRING_PHYSICIAN_NAME, DicomTag.TIMEZONE_OFFSET_FROM_UTC, DicomTag.PATIENT_NAME,
			DicomTag.PATIENT_ID, DicomTag.PATIENT_BIRTH_DATE, DicomTag.PATIENT_SEX, DicomTag.STUDY_INSTANCE_UID,
			DicomTag.STUDY_ID);

	private static final List<DicomTag> V2_STUDY = List.of(DicomTag.STUDY_INSTANCE_UID, DicomTag.STUDY_DATE,
			DicomTag.STUDY_DESCRIPTION, DicomTag.ACCESSION_NUMBER, DicomTag.REFERRING_PHYSICIAN_NAME,
			DicomTag.PATIENT_NAME, DicomTag.PATIENT_ID, DicomTag.PATIENT_BIRTH_DATE);

	private static final List<DicomTag> ALL_STUDY = concat(V1_STUDY, List.of(DicomTag.STUDY_DESCRIPTION,
			DicomTag.PATIENT_AGE));

	private static final List<DicomTag> V1_SERIES = List.of(DicomTag.SPECIFIC_CHARACTER_SET, DicomTag.MODALITY,
			DicomTag.TIMEZONE_OFFSET_FROM_UTC, DicomTag.SERIES_DESCRIPTION, DicomTag.SERIES_INSTANCE_UID,
			DicomTag.PERFORMED_PROCEDURE_STEP_START_DATE, DicomTag.PERFORMED_PROCEDURE_STEP_START_TIME);

	private static final List<DicomTag> V2_SERIES = List.of(DicomTag.SERIES_INSTANCE_UID, DicomTag.MODALITY,
			DicomTag.PERFORMED_PROCEDURE_STEP_START_DATE, DicomTag.MANUFACTURER_MODEL_NAME);

	private static final List<DicomTag> ALL_SERIES = concat(V1_SERIES, List.of(DicomTag.SERIES_NUMBER,
			DicomTag.LATERALITY, DicomTag.SERIES_DATE, DicomTag.SERIES_TIME));

	private static final List<DicomTag> V1_INSTANCE = List.of(DicomTag.SPECIFIC_CHARACTER_SET, DicomTag.SOP_CLASS_UID,
			DicomTag.SOP_INSTANCE_UID, DicomTag.INSTANCE_AVAILABILITY, DicomTag.TIMEZONE_OFFSET_FROM_UTC,
			DicomTag.INSTANCE_NUMBER, DicomTag.ROWS, DicomTag.COLUMNS, DicomTag.BITS_ALLOCATED,
			DicomTag.NUMBER_OF_FRAMES);

	private static final List<DicomTag> V2_INSTANCE = List.of(DicomTag.SOP_INSTANCE_UID);

	private QidoSearch() {
	}

	/**
	 * Answers a search.
	 * @param call the request
	 * @param kind which search
	 * @return 200 or 204
	 */
	static SandboxResponse search(DicomCall call, DicomRoute.Kind kind) {
		QueryBinder binder = new QueryBinder(call);
		boolean fuzzy = binder.bool("fuzzymatching", "FuzzyMatching", false);
		String includeField = call.parameter("includefield");
		long offset = binder.integer("offset", "Offset", 0);
		long limit = binder.integer("limit", "Limit", DEFAULT_LIMIT);
		if (!binder.hasErrors()) {
			binder.range("Offset", offset, 0, Long.MAX_VALUE, QueryBinder.LONG_MAX_AS_DOUBLE);
			binder.range("Limit", limit, 1, MAX_LIMIT, Integer.toString(MAX_LIMIT));
		}
		binder.throwIfInvalid();
		call.requireAccept(List.of("application/dicom+json"));
		call.require(DataActions.DICOM_READ);
		Search search = new Search(kind, call.route().study(), call.route().series(), fuzzy);
		search.checkIdentifiers();
		search.parseFilters(call);
		Set<DicomTag> returned = search.returnedTags(call.version().major() >= 2, includeField);
		List<DicomInstance> instances = call.context().store()
			.read((tenant) -> DicomData.instances(tenant, call.service()));
		List<List<DicomInstance>> results = search.results(instances);
		ArrayNode body = Json.array();
		results.stream().skip(offset).limit(limit).forEach((group) -> body.add(search.answer(group, instances, returned)));
		if (body.isEmpty()) {
			return SandboxResponse.noContent();
		}
		return DicomResponses.json(200, body, DicomResponses.DICOM_JSON);
	}

	/** One search: its level, the path's UIDs and the filters. */
	private static final class Search {

		private final DicomRoute.Kind kind;

		private final String study;

		private final String series;

		private final boolean fuzzy;

		private final Map<String, Filter> filters = new LinkedHashMap<>();

		Search(DicomRoute.Kind kind, String study, String series, boolean fuzzy) {
			this.kind = kind;
			this.study = study;
			this.series = series;
			this.fuzzy = fuzzy;
		}

		Level level() {
			return switch (this.kind) {
				case SEARCH_STUDIES -> Level.STUDY;
				case SEARCH_SERIES, SEARCH_STUDY_SERIES -> Level.SERIES;
				default -> Level.INSTANCE;
			};
		}

		/** The levels whose attributes may be filtered on. */
		Set<Level> filterLevels() {
			return switch (this.kind) {
				case SEARCH_STUDIES -> Set.of(Level.STUDY);
				case SEARCH_SERIES -> Set.of(Level.STUDY, Level.SERIES);
				case SEARCH_INSTANCES -> Set.of(Level.STUDY, Level.SERIES, Level.INSTANCE);
				case SEARCH_STUDY_SERIES -> Set.of(Level.SERIES);
				case SEARCH_STUDY_INSTANCES -> Set.of(Level.SERIES, Level.INSTANCE);
				default -> Set.of(Level.INSTANCE);
			};
		}

		void checkIdentifiers() {
			MetadataRetrieve.checkUid(this.study, "StudyInstanceUid");
			MetadataRetrieve.checkUid(this.series, "SeriesInstanceUid");
		}

		void parseFilters(DicomCall call) {
			for (Map.Entry<String, String> parameter : call.request().query().entrySet()) {
				String attributeId = parameter.getKey().strip();
				if (OPTIONS.contains(attributeId.toLowerCase(Locale.ROOT))) {
					continue;
				}
				DicomTag tag = DicomTag.parse(attributeId).orElseThrow(() -> DicomError.badRequest(
						"Invalid query: unknown query parameter '" + attributeId + "'. If the parameter is an "
								+ "attribute keyword, check the casing as they are case-sensitive. The conformance "
								+ "statement has a list of supported query parameters, attributes and the levels."));
				boolean queryable = filterLevels().stream()
					.anyMatch((level) -> QUERYABLE.get(level).stream().anyMatch((t) -> t.tag().equals(tag.tag())));
				if (!queryable) {
					throw DicomError.badRequest("Invalid query: AttributeId " + attributeId + " is not queryable.  If "
							+ "the parameter is an attribute keyword, check the casing as they are case-sensitive. "
							+ "The conformance statement has a list of supported query parameters, attributes and "
							+ "the levels.");
				}
				DicomTag known = DicomTag.byTag(tag.tag()).orElseThrow();
				String value = parameter.getValue().strip();
				if (value.isEmpty()) {
					throw DicomError.badRequest("Invalid query: AttributeId '" + attributeId
							+ "' has empty string value that is not supported.");
				}
				Filter filter = Filter.parse(known, value, this.fuzzy);
				if (this.filters.putIfAbsent(known.tag(), filter) != null) {
					throw DicomError.badRequest("Invalid query: attribute '" + attributeId + "' has been specified "
							+ "more than once using different ID formats. Each attribute is only allowed to be "
							+ "specified once.");
				}
			}
		}

		Set<DicomTag> returnedTags(boolean v2, String includeField) {
			List<String> fields = new ArrayList<>();
			if (includeField != null) {
				for (String field : includeField.split(",")) {
					if (!field.isBlank()) {
						fields.add(field.strip());
					}
				}
			}
			boolean all = fields.stream().anyMatch((field) -> field.equalsIgnoreCase("all"));
			if (all && fields.size() > 1) {
				throw DicomError.badRequest("Invalid query: cannot specify included fields in addition to 'all'.");
			}
			Set<DicomTag> tags = new LinkedHashSet<>();
			List<DicomTag> study = all ? ALL_STUDY : v2 ? V2_STUDY : V1_STUDY;
			List<DicomTag> series = all ? ALL_SERIES : v2 ? V2_SERIES : V1_SERIES;
			List<DicomTag> instance = (all || !v2) ? V1_INSTANCE : V2_INSTANCE;
			switch (this.kind) {
				case SEARCH_STUDIES -> tags.addAll(study);
				case SEARCH_SERIES -> {
					tags.addAll(study);
					tags.addAll(series);
				}
				case SEARCH_INSTANCES -> {
					tags.addAll(study);
					tags.addAll(series);
					tags.addAll(instance);
				}
				case SEARCH_STUDY_SERIES -> tags.addAll(series);
				case SEARCH_STUDY_INSTANCES -> {
					tags.addAll(series);
					tags.addAll(instance);
				}
				default -> tags.addAll(instance);
			}
			if (!all) {
				for (String field : fields) {
					tags.add(DicomTag.parse(field).orElseThrow(() -> DicomError
						.badRequest("Invalid query: IncludeField has unknown attribute '" + field + "'.")));
				}
			}
			this.filters.keySet().forEach((tag) -> tags.add(DicomTag.byTag(tag).orElseThrow()));
			return tags;
		}

		/** The matching instances grouped by the search's level, newest group first. */
		List<List<DicomInstance>> results(List<DicomInstance> instances) {
			Map<String, List<DicomInstance>> groups = new LinkedHashMap<>();
			Function<DicomInstance, String> key = switch (level()) {
				case STUDY -> DicomInstance::studyInstanceUid;
				case SERIES -> (instance) -> instance.studyInstanceUid() + "/" + instance.seriesInstanceUid();
				case INSTANCE -> (instance) -> instance.studyInstanceUid() + "/" + instance.seriesInstanceUid() + "/"
						+ instance.sopInstanceUid();
			};
			for (DicomInstance instance : instances) {
				if (matches(instance)) {
					groups.computeIfAbsent(key.apply(instance), (k) -> new ArrayList<>()).add(instance);
				}
			}
			List<List<DicomInstance>> results = new ArrayList<>(groups.values());
			results.sort(Comparator.comparingLong((List<DicomInstance> group) -> group.get(0).sequence()).reversed());
			return results;
		}

		private boolean matches(DicomInstance instance) {
			if (this.study != null && !this.study.equals(instance.studyInstanceUid())) {
				return false;
			}
			if (this.series != null && !this.series.equals(instance.seriesInstanceUid())) {
				return false;
			}
			return this.filters.values().stream().allMatch((filter) -> filter.matches(instance.metadata()));
		}

		/**
		 * One result: the attributes to return from the group's newest instance, with the computed counts and
		 * modalities asked for.
		 */
		ObjectNode answer(List<DicomInstance> group, List<DicomInstance> all, Set<DicomTag> returned) {
			DicomInstance newest = group.get(group.size() - 1);
			ObjectNode result = Json.object();
			for (DicomTag tag : returned) {
				if (newest.metadata().has(tag.tag())) {
					result.set(tag.tag(), newest.metadata().get(tag.tag()).deepCopy());
				}
			}
			String studyUid = newest.studyInstanceUid();
			String seriesUid = newest.seriesInstanceUid();
			List<DicomInstance> inStudy = all.stream().filter((i) -> studyUid.equals(i.studyInstanceUid())).toList();
			if (level() == Level.STUDY && returned.contains(DicomTag.MODALITIES_IN_STUDY)) {
				List<String> modalities = inStudy.stream()
					.map((i) -> DicomJson.first(i.metadata(), DicomTag.MODALITY))
					.filter((m) -> m != null)
					.distinct()
					.toList();
				DicomJson.put(result, DicomTag.MODALITIES_IN_STUDY.tag(), "CS", modalities);
			}
			if (level() == Level.STUDY && returned.contains(DicomTag.NUMBER_OF_STUDY_RELATED_INSTANCES)) {
				DicomJson.put(result, DicomTag.NUMBER_OF_STUDY_RELATED_INSTANCES, Integer.toString(inStudy.size()));
			}
			if (level() == Level.SERIES && returned.contains(DicomTag.NUMBER_OF_SERIES_RELATED_INSTANCES)) {
				long count = inStudy.stream().filter((i) -> seriesUid.equals(i.seriesInstanceUid())).count();
				DicomJson.put(result, DicomTag.NUMBER_OF_SERIES_RELATED_INSTANCES, Long.toString(count));
			}
			return DicomJson.sorted(result);
		}

	}

	/** One filter: a date or date range, a person name (exact or fuzzy), or an exact value. */
	private record Filter(DicomTag tag, String value, LocalDate from, LocalDate to, boolean fuzzy) {

		static Filter parse(DicomTag tag, String value, boolean fuzzy) {
			if (tag.vr().equals("DA")) {
				String[] parts = value.split("-", -1);
				if (parts.length == 2) {
					String min = parts[0].strip();
					String max = parts[1].strip();
					if (min.isEmpty() && max.isEmpty()) {
						throw DicomError.badRequest("Invalid query: specified range is invalid.\nBoth parts in the "
								+ "range cannot be empty.\nFor details on valid range queries, please refer to "
								+ "Search Matching section in Conformance Statement (https://github.com/microsoft/"
								+ "dicom-server/blob/main/docs/resources/conformance-statement.md#search-matching).");
					}
					LocalDate from = min.isEmpty() ? LocalDate.MIN : date(min, tag);
					LocalDate to = max.isEmpty() ? LocalDate.MAX : date(max, tag);
					if (from.isAfter(to)) {
						throw DicomError.badRequest("Invalid query: specified date range '" + value + "' is invalid.\n"
								+ "The first part date " + min + " should be lesser than or equal to the second part "
								+ "date " + max + ".");
					}
					return new Filter(tag, value, from, to, false);
				}
				LocalDate date = date(value, tag);
				return new Filter(tag, value, date, date, false);
			}
			if (fuzzy && tag.vr().equals("PN") && value.contains("\"")) {
				throw DicomError.badRequest("Invalid query: specified tag '" + tag.keyword() + "' value '" + value
						+ "' contains unsupported character '\"'. Character is not supported with Fuzzy match, try "
						+ "exact match or removing the invalid character. ");
			}
			return new Filter(tag, value, null, null, fuzzy && tag.vr().equals("PN"));
		}

		private static LocalDate date(String text, DicomTag tag) {
			try {
				return LocalDate.parse(text, DATE);
			}
			catch (DateTimeParseException ex) {
				throw DicomError.badRequest("Invalid query: specified Date value '" + text + "' is invalid for "
						+ "attribute '" + tag.keyword() + "'. Date should be valid and formatted as yyyyMMdd.");
			}
		}

		boolean matches(ObjectNode metadata) {
			DicomTag attribute = (this.tag == DicomTag.MODALITIES_IN_STUDY) ? DicomTag.MODALITY : this.tag;
			List<String> values = DicomJson.values(metadata, attribute);
			if (this.from != null) {
				return values.stream().anyMatch(this::inRange);
			}
			if (this.fuzzy) {
				String prefix = this.value.toLowerCase(Locale.ROOT);
				return values.stream().anyMatch((name) -> List.of(name.toLowerCase(Locale.ROOT).split("[\\^ ]+"))
					.stream()
					.anyMatch((word) -> word.startsWith(prefix)));
			}
			if (this.tag.vr().equals("UI")) {
				return values.contains(this.value);
			}
			return values.stream().anyMatch((v) -> v.equalsIgnoreCase(this.value));
		}

		private boolean inRange(String text) {
			try {
				LocalDate date = LocalDate.parse(text, DATE);
				return !date.isBefore(this.from) && !date.isAfter(this.to);
			}
			catch (DateTimeParseException ex) {
				return false;
			}
		}

	}

	private static List<DicomTag> concat(List<DicomTag> first, List<DicomTag> second) {
		List<DicomTag> all = new ArrayList<>(first);
		all.addAll(second);
		return List.copyOf(all);
	}

}
