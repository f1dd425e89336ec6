package io.dicomreg.sandbox.dicom;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The routes of the DICOM service after the version segment (the open-source server's {@code KnownRoutes}), what
 * each method does on them, and the UIDs a path names. Literal segments compare ignoring case, as in ASP.NET
 * routing; a trailing slash is ignored.
 *
 * @param methods what each allowed method does here, in the order the server lists them
 * @param study the StudyInstanceUID the path names, or null
 * @param series the SeriesInstanceUID the path names, or null
 * @param instance the SOPInstanceUID the path names, or null
 */
record DicomRoute(Map<String, Kind> methods, String study, String series, String instance) {

	/** What a request does. */
	enum Kind {

		/** QIDO-RS {@code studies}. */
		SEARCH_STUDIES,

		/** QIDO-RS {@code series}. */
		SEARCH_SERIES,

		/** QIDO-RS {@code instances}. */
		SEARCH_INSTANCES,

		/** QIDO-RS {@code studies/{study}/series}. */
		SEARCH_STUDY_SERIES,

		/** QIDO-RS {@code studies/{study}/instances}. */
		SEARCH_STUDY_INSTANCES,

		/** QIDO-RS {@code studies/{study}/series/{series}/instances}. */
		SEARCH_SERIES_INSTANCES,

		/** WADO-RS metadata of a study, a series or an instance. */
		METADATA,

		/** The change feed. */
		CHANGE_FEED,

		/** The latest change feed entry. */
		CHANGE_FEED_LATEST,

		/** STOW-RS. */
		STORE,

		/** Any route under {@code partitions}: data partitions are off, as by default. */
		PARTITIONED,

		/** A route the service has and the sandbox does not serve (retrieve, delete, rendered, frames, ...). */
		NOT_EMULATED

	}

	private static final List<Template> TEMPLATES = List.of(
			template("studies", "GET", Kind.SEARCH_STUDIES, "POST", Kind.STORE),
			template("studies/$bulkUpdate", "POST", Kind.NOT_EMULATED),
			template("studies/{study}", "GET", Kind.NOT_EMULATED, "POST", Kind.STORE, "DELETE", Kind.NOT_EMULATED),
			template("studies/{study}/metadata", "GET", Kind.METADATA),
			template("studies/{study}/rendered", "GET", Kind.NOT_EMULATED),
			template("studies/{study}/series", "GET", Kind.SEARCH_STUDY_SERIES),
			template("studies/{study}/instances", "GET", Kind.SEARCH_STUDY_INSTANCES),
			template("studies/{study}/series/{series}", "GET", Kind.NOT_EMULATED, "DELETE", Kind.NOT_EMULATED),
			template("studies/{study}/series/{series}/metadata", "GET", Kind.METADATA),
			template("studies/{study}/series/{series}/rendered", "GET", Kind.NOT_EMULATED),
			template("studies/{study}/series/{series}/instances", "GET", Kind.SEARCH_SERIES_INSTANCES),
			template("studies/{study}/series/{series}/instances/{instance}", "GET", Kind.NOT_EMULATED, "DELETE",
					Kind.NOT_EMULATED),
			template("studies/{study}/series/{series}/instances/{instance}/metadata", "GET", Kind.METADATA),
			template("studies/{study}/series/{series}/instances/{instance}/rendered", "GET", Kind.NOT_EMULATED),
			template("studies/{study}/series/{series}/instances/{instance}/frames/{frames}", "GET",
					Kind.NOT_EMULATED),
			template("studies/{study}/series/{series}/instances/{instance}/frames/{frame}/rendered", "GET",
					Kind.NOT_EMULATED),
			template("series", "GET", Kind.SEARCH_SERIES),
			template("instances", "GET", Kind.SEARCH_INSTANCES),
			template("changefeed", "GET", Kind.CHANGE_FEED),
			template("changefeed/latest", "GET", Kind.CHANGE_FEED_LATEST),
			template("extendedquerytags", "GET", Kind.NOT_EMULATED, "POST", Kind.NOT_EMULATED),
			template("extendedquerytags/{tag}", "GET", Kind.NOT_EMULATED, "PATCH", Kind.NOT_EMULATED, "DELETE",
					Kind.NOT_EMULATED),
			template("extendedquerytags/{tag}/errors", "GET", Kind.NOT_EMULATED),
			template("operations/{operation}", "GET", Kind.NOT_EMULATED),
			template("export", "POST", Kind.NOT_EMULATED),
			template("workitems", "GET", Kind.NOT_EMULATED, "POST", Kind.NOT_EMULATED),
			template("workitems/{workitem}", "GET", Kind.NOT_EMULATED, "POST", Kind.NOT_EMULATED),
			template("workitems/{workitem}/cancelrequest", "POST", Kind.NOT_EMULATED),
			template("workitems/{workitem}/state", "PUT", Kind.NOT_EMULATED));

	/**
	 * Finds the route of the path segments after the version.
	 * @param segments e.g. [studies, 1.2.3, series]
	 * @return the route, empty when the service has none there
	 */
	static Optional<DicomRoute> match(List<String> segments) {
		if (!segments.isEmpty() && segments.get(0).equalsIgnoreCase("partitions")) {
			if (segments.size() <= 2) {
				return Optional.of(partitioned(Map.of("GET", Kind.PARTITIONED, "POST", Kind.PARTITIONED)));
			}
			return matchTemplate(segments.subList(2, segments.size()))
				.map((route) -> partitioned(route.methods()));
		}
		return matchTemplate(segments);
	}

	private static Optional<DicomRoute> matchTemplate(List<String> segments) {
		for (Template template : TEMPLATES) {
			Optional<DicomRoute> route = template.match(segments);
			if (route.isPresent()) {
				return route;
			}
		}
		return Optional.empty();
	}

	private static DicomRoute partitioned(Map<String, Kind> methods) {
		Map<String, Kind> all = new LinkedHashMap<>();
		methods.keySet().forEach((method) -> all.put(method, Kind.PARTITIONED));
		return new DicomRoute(all, null, null, null);
	}

	private static Template template(String path, Object... methodsAndKinds) {
		Map<String, Kind> methods = new LinkedHashMap<>();
		for (int i = 0; i < methodsAndKinds.length; i += 2) {
			methods.put((String) methodsAndKinds[i], (Kind) methodsAndKinds[i + 1]);
		}
		return new Template(List.of(path.split("/")), methods);
	}

	/** One route template: literal segments and {@code {name}} parameters. */
	private record Template(List<String> segments, Map<String, Kind> methods) {

		Optional<DicomRoute> match(List<String> path) {
			if (path.size() != this.segments.size()) {
				return Optional.empty();
			}
			Map<String, String> values = new LinkedHashMap<>();
			for (int i = 0; i < path.size(); i++) {
				String expected = this.segments.get(i);
				String actual = path.get(i);
				if (expected.startsWith("{")) {
					if (actual.isEmpty()) {
						return Optional.empty();
					}
					values.put(expected.substring(1, expected.length() - 1), actual);
				}
				else if (!expected.equalsIgnoreCase(actual)) {
					return Optional.empty();
				}
			}
			return Optional.of(new DicomRoute(this.methods, values.get("study"), values.get("series"),
					values.get("instance")));
		}

	}

}
