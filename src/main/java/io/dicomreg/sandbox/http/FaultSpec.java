package io.dicomreg.sandbox.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the fault switch, a SPEC of rules separated by {@code ;}, each {@code METHOD PATH FAULT [OPTION...]}:
 *
 * <pre>
 * POST /v1.0/applications 429 times=2 retry-after=1; GET /v1.0/applications 404-fresh for=5s
 * </pre>
 *
 * <ul>
 * <li>METHOD: GET, POST, PATCH, PUT, DELETE, {@code WRITE} for any of the four that may change something, or
 * {@code *} for any.</li>
 * <li>PATH: the start of the path and query as sent, from {@code /}; {@code *} matches any characters but / and ?
 * (so {@code /*&#47;oauth2/v2.0/token} matches the token endpoint of any tenant).</li>
 * <li>FAULT: a status from 400 to 599 (in the service's error format; 429, 503 and 504 with {@code Retry-After: 1}
 * unless {@code retry-after} says otherwise), {@code reset} (the connection is closed without an answer),
 * {@code delay} (the real answer after a pause), {@code 404-fresh} (404 for a request naming an object this
 * sandbox created less than a while ago), {@code 400-unreplicated} (Entra's refusal of a service principal POST
 * whose appId names an application this sandbox created less than a while ago, as while it replicates) or {@code kill} (the request is carried out and saved, then the process
 * running the sandbox ends at once with status 137, as {@code kill -9} would end it, before answering).</li>
 * <li>OPTION: {@code times=N} or {@code times=all}, how many matching requests get the fault (default 1; 404-fresh and
 * 400-unreplicated: all); {@code retry-after=SECONDS} or {@code retry-after=none}, for a status; {@code for=DURATION} ({@code 500ms},
 * {@code 5s}, {@code 2m}; a bare number is seconds), the pause of a delay (default 30s) or how long a new object stays
 * unseen or unreplicated (default 5s); {@code skip=N}, how many matching requests pass untouched before the rule applies (default
 * 0), e.g. {@code WRITE /v1.0/ kill skip=2} ends the process at the third Graph write.</li>
 * </ul>
 * Errors are one line naming the rule.
 */
public final class FaultSpec {

	/** The shape of a rule, for error messages. */
	public static final String SHAPE = "expected METHOD PATH FAULT [OPTION...], e.g. 'POST /v1.0/applications 429 times=2'";

	private static final Set<String> METHODS = Set.of("GET", "POST", "PATCH", "PUT", "DELETE", Fault.WRITE, "*");

	private static final Set<Integer> RETRIED = Set.of(429, 503, 504);

	private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m)?");

	private static final Duration DEFAULT_DELAY = Duration.ofSeconds(30);

	private static final Duration DEFAULT_FRESH = Duration.ofSeconds(5);

	private static final Duration LONGEST = Duration.ofHours(1);

	private FaultSpec() {
	}

	/**
	 * Parses a SPEC.
	 * @param spec the text
	 * @return its rules, in order
	 * @throws IllegalArgumentException with a one-line message naming the rule that is wrong
	 */
	public static List<Fault> parse(String spec) {
		List<Fault> faults = new ArrayList<>();
		for (String rule : ((spec != null) ? spec : "").split(";")) {
			List<String> words = Arrays.stream(rule.strip().split("\\s+")).filter((word) -> !word.isEmpty()).toList();
			if (!words.isEmpty()) {
				faults.add(rule(words));
			}
		}
		if (faults.isEmpty()) {
			throw new IllegalArgumentException("no rule given; " + SHAPE);
		}
		return faults;
	}

	private static Fault rule(List<String> words) {
		String text = String.join(" ", words);
		if (words.size() < 3) {
			throw problem(text, SHAPE);
		}
		String method = words.get(0).toUpperCase(Locale.ROOT);
		if (!METHODS.contains(method)) {
			throw problem(text, "unknown method '" + words.get(0) + "' (use GET, POST, PATCH, PUT, DELETE, WRITE or *)");
		}
		String path = words.get(1);
		if (!path.startsWith("/")) {
			throw problem(text, "the path must start with '/'");
		}
		String faultWord = words.get(2).toLowerCase(Locale.ROOT);
		Fault.Kind kind;
		int status = 0;
		switch (faultWord) {
			case "reset" -> kind = Fault.Kind.RESET;
			case "delay" -> kind = Fault.Kind.DELAY;
			case "404-fresh" -> kind = Fault.Kind.NOT_FOUND_FRESH;
			case "400-unreplicated" -> kind = Fault.Kind.UNREPLICATED;
			case "kill" -> kind = Fault.Kind.KILL;
			default -> {
				kind = Fault.Kind.STATUS;
				status = status(faultWord);
				if (status < 0) {
					throw problem(text, "unknown fault '" + words.get(2)
							+ "' (use a status from 400 to 599, reset, delay, 404-fresh, 400-unreplicated or kill)");
				}
			}
		}
		boolean fresh = kind == Fault.Kind.NOT_FOUND_FRESH || kind == Fault.Kind.UNREPLICATED;
		int times = fresh ? Fault.ALWAYS : 1;
		Duration retryAfter = RETRIED.contains(status) ? Duration.ofSeconds(1) : null;
		Duration duration = switch (kind) {
			case DELAY -> DEFAULT_DELAY;
			case NOT_FOUND_FRESH, UNREPLICATED -> DEFAULT_FRESH;
			default -> null;
		};
		int skip = 0;
		Set<String> seen = new HashSet<>();
		for (String option : words.subList(3, words.size())) {
			int equals = option.indexOf('=');
			String name = (equals < 0) ? option : option.substring(0, equals).toLowerCase(Locale.ROOT);
			String value = (equals < 0) ? "" : option.substring(equals + 1);
			if (!seen.add(name)) {
				throw problem(text, "option '" + name + "' is given twice");
			}
			switch (name) {
				case "times" -> times = times(text, value);
				case "skip" -> skip = skip(text, value);
				case "retry-after" -> {
					if (kind != Fault.Kind.STATUS) {
						throw problem(text, "retry-after applies to a status only");
					}
					retryAfter = retryAfter(text, value);
				}
				case "for" -> {
					if (kind != Fault.Kind.DELAY && !fresh) {
						throw problem(text, "for applies to delay, 404-fresh and 400-unreplicated only");
					}
					duration = duration(text, value);
				}
				default -> throw problem(text, "unknown option '" + name + "' (use times, skip, retry-after or for)");
			}
		}
		return new Fault(method, path, kind, status, retryAfter, duration, times).skipping(skip);
	}

	private static int skip(String rule, String value) {
		if (value.matches("\\d{1,9}")) {
			return Integer.parseInt(value);
		}
		throw problem(rule, "skip must be a whole number from 0");
	}

	private static int status(String word) {
		if (!word.matches("\\d{3}")) {
			return -1;
		}
		int status = Integer.parseInt(word);
		return (status >= 400 && status <= 599) ? status : -1;
	}

	private static int times(String rule, String value) {
		if ("all".equalsIgnoreCase(value)) {
			return Fault.ALWAYS;
		}
		if (value.matches("\\d{1,9}") && Integer.parseInt(value) > 0) {
			return Integer.parseInt(value);
		}
		throw problem(rule, "times must be a whole number from 1, or all");
	}

	private static Duration retryAfter(String rule, String value) {
		if ("none".equalsIgnoreCase(value)) {
			return null;
		}
		if (value.matches("\\d{1,4}") && Integer.parseInt(value) <= LONGEST.toSeconds()) {
			return Duration.ofSeconds(Integer.parseInt(value));
		}
		throw problem(rule, "retry-after must be whole seconds from 0 to 3600, or none");
	}

	private static Duration duration(String rule, String value) {
		Matcher matcher = DURATION.matcher(value.toLowerCase(Locale.ROOT));
		if (matcher.matches()) {
			long amount = Long.parseLong(matcher.group(1));
			String unit = (matcher.group(2) != null) ? matcher.group(2) : "s";
			Duration duration = switch (unit) {
				case "ms" -> Duration.ofMillis(amount);
				case "m" -> Duration.ofMinutes(amount);
				default -> Duration.ofSeconds(amount);
			};
			if (duration.compareTo(LONGEST) <= 0) {
				return duration;
			}
		}
		throw problem(rule, "for must be a duration such as 500ms, 5s or 2m");
	}

	private static IllegalArgumentException problem(String rule, String what) {
		return new IllegalArgumentException("rule '" + rule + "': " + what);
	}

}
