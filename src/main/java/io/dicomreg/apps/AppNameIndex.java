package io.dicomreg.apps;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.microsoft.graph.models.Application;

/**
 * Application display names for tab completion: filtered by the server ({@code startswith}, a
 * small {@code $top}) so that it stays fast in a tenant with thousands of applications, and cached
 * for the session for a minute or until an application is registered or deleted.
 */
public class AppNameIndex {

	/** How many names one completion shows at most. */
	static final int MAX_NAMES = 25;

	private static final Duration TIME_TO_LIVE = Duration.ofMinutes(1);

	private final ApplicationsGateway applications;

	private final Clock clock;

	private final Map<String, Entry> cache = new HashMap<>();

	public AppNameIndex(ApplicationsGateway applications, Clock clock) {
		this.applications = applications;
		this.clock = clock;
	}

	/** Display names starting with {@code prefix} (case-insensitive, as Graph's startswith). */
	public synchronized List<String> namesStartingWith(String prefix) {
		String key = prefix.toLowerCase(java.util.Locale.ROOT);
		Entry entry = this.cache.get(key);
		if (entry == null || entry.fetched().plus(TIME_TO_LIVE).isBefore(this.clock.instant())) {
			entry = new Entry(fetch(prefix), this.clock.instant());
			this.cache.put(key, entry);
		}
		return entry.names();
	}

	/** Forgets what was fetched, after the tenant's applications changed. */
	public synchronized void invalidate() {
		this.cache.clear();
	}

	private List<String> fetch(String prefix) {
		return this.applications.list(prefix, MAX_NAMES, "Listing application names", "displayName").stream()
			.map(Application::getDisplayName)
			.filter(Objects::nonNull)
			.distinct()
			.sorted()
			.toList();
	}

	private record Entry(List<String> names, Instant fetched) {
	}

}
