package io.dicomreg.sandbox.http;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.dicomreg.sandbox.directory.Json;

/**
 * Faults waiting to be answered instead of the real response, so clients can prove how they cope: the rules of the
 * fault switch ({@link FaultSpec}) and those tests add. The first rule that matches a request and has uses left
 * decides.
 */
public final class FaultInjector {

	/** The longest window a 404-fresh rule may have. */
	private static final Duration FORGET_AFTER = Duration.ofHours(1);

	private final List<Fault> faults = new ArrayList<>();

	/**
	 * Ids and appIds of objects this sandbox created, with when; kept only while a 404-fresh or 400-unreplicated rule
	 * exists.
	 */
	private final Map<String, Instant> created = new LinkedHashMap<>();

	/**
	 * Adds rules, each with its own count (a SPEC parsed once may serve several sandboxes).
	 * @param rules the rules, in order
	 */
	public synchronized void addAll(List<Fault> rules) {
		rules.forEach((rule) -> this.faults.add(rule.copy()));
	}

	/** Forgets every fault still waiting. */
	public synchronized void clear() {
		this.faults.clear();
	}

	/**
	 * Queues a status fault.
	 * @param method the HTTP method to match, any when null or "*"
	 * @param pathPrefix the start of the path (with query) to match
	 * @param status the status to answer
	 * @param times how many matching requests to fail
	 * @param retryAfter the Retry-After to send, may be null
	 */
	public synchronized void add(String method, String pathPrefix, int status, int times, Duration retryAfter) {
		if (times > 0) {
			this.faults.add(Fault.status(method, pathPrefix, status, times, retryAfter));
		}
	}

	/**
	 * Takes the first fault for a request, if any, counting its use.
	 * @param request the request
	 * @param now the sandbox's time, for 404-fresh
	 * @return the fault to answer
	 */
	public synchronized Optional<Fault> take(SandboxRequest request, Instant now) {
		Iterator<Fault> iterator = this.faults.iterator();
		while (iterator.hasNext()) {
			Fault fault = iterator.next();
			if (fault.matches(request) && appliesTo(fault, request, now) && fault.use()) {
				if (fault.usedUp()) {
					iterator.remove();
				}
				return Optional.of(fault);
			}
		}
		return Optional.empty();
	}

	/**
	 * Notes the objects a response created (201 with an {@code id}, and an {@code appId} for applications), for
	 * 404-fresh rules; does nothing without one.
	 * @param response the response
	 * @param now the sandbox's time
	 */
	public synchronized void observe(SandboxResponse response, Instant now) {
		if (response.status() != 201 || this.faults.stream().noneMatch(FaultInjector::watchesNewObjects)) {
			return;
		}
		this.created.values().removeIf((when) -> when.isBefore(now.minus(FORGET_AFTER)));
		try {
			JsonNode body = Json.parse(response.body());
			for (String key : List.of("id", "appId")) {
				String value = Json.text(body, key);
				if (value != null && !value.isBlank()) {
					this.created.put(value.toLowerCase(Locale.ROOT), now);
				}
			}
		}
		catch (RuntimeException ex) {
			// Not JSON: nothing was created that a client could ask for by id.
		}
	}

	private boolean appliesTo(Fault fault, SandboxRequest request, Instant now) {
		return switch (fault.kind()) {
			case NOT_FOUND_FRESH -> namesFreshObject(request, fault.duration(), now);
			case UNREPLICATED -> postsForFreshApplication(request, fault.duration(), now);
			default -> true;
		};
	}

	private static boolean watchesNewObjects(Fault fault) {
		return fault.kind() == Fault.Kind.NOT_FOUND_FRESH || fault.kind() == Fault.Kind.UNREPLICATED;
	}

	/** A POST whose JSON body's appId names an application created less than {@code window} ago. */
	private boolean postsForFreshApplication(SandboxRequest request, Duration window, Instant now) {
		if (!"POST".equalsIgnoreCase(request.method()) || request.body() == null || request.body().length == 0) {
			return false;
		}
		String appId;
		try {
			appId = Json.text(Json.parse(request.body()), "appId");
		}
		catch (RuntimeException ex) {
			return false;
		}
		if (appId == null) {
			return false;
		}
		Instant created = this.created.get(appId.toLowerCase(Locale.ROOT));
		return created != null && created.isAfter(now.minus(window));
	}

	private boolean namesFreshObject(SandboxRequest request, Duration window, Instant now) {
		String path = request.path().toLowerCase(Locale.ROOT);
		Instant oldest = now.minus(window);
		return this.created.entrySet().stream()
			.anyMatch((entry) -> entry.getValue().isAfter(oldest) && path.contains(entry.getKey()));
	}

}
