package io.dicomreg.apps;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.dicomreg.output.SafeText;

/**
 * Entra ID's rules for redirect URIs, checked before anything is sent to Graph so that a refusal
 * names the rule instead of Graph's "Invalid value specified for property 'web'".
 * <p>
 * Source: Microsoft's "Redirect URI (reply URL) restrictions and limitations" (https only, with
 * http for localhost; no {@code ! $ ' ( ) , ;}; no {@code [::1]}; 256 characters; 256 URIs for
 * work or school audiences and 100 with personal accounts; query strings for work or school
 * audiences only) and RFC 6749 section 3.1.2 (an absolute URI, no fragment). Custom schemes are
 * what the Mobile and desktop applications platform is for. Wildcards, which Entra ID allows for
 * work or school audiences but discourages, are refused by dicomreg.
 */
public final class RedirectUriRules {

	/** Most characters in one redirect URI. */
	public static final int MAX_LENGTH = 256;

	/** Characters Entra ID does not support anywhere in a redirect URI. */
	static final String UNSUPPORTED_CHARACTERS = "!$'(),;";

	private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1");

	private static final int SHOWN_LENGTH = 80;

	private static final int MAX_PORT = 65535;

	private RedirectUriRules() {
	}

	/**
	 * The first rule {@code uri} breaks on {@code platform} for an application of {@code audience}.
	 */
	public static Optional<Violation> check(String uri, Platform platform, Audience audience) {
		if (uri == null || uri.isBlank()) {
			return violation(Rule.ABSOLUTE_URI, "''", "the redirect URI is empty");
		}
		String shown = "'" + SafeText.of(shorten(uri)) + "'";
		if (uri.codePoints().anyMatch(SafeText::isControlOrBidi)) {
			return violation(Rule.ABSOLUTE_URI, shown, "it contains a control or bidirectional formatting character, "
					+ "which no redirect URI may hold");
		}
		if (uri.length() > MAX_LENGTH) {
			return violation(Rule.MAX_LENGTH, shown, "it has " + uri.length() + " characters");
		}
		if (uri.indexOf('*') >= 0) {
			return violation(Rule.NO_WILDCARDS, shown,
					"wildcards (*) are not supported by dicomreg (Entra ID refuses them with personal accounts and "
							+ "discourages them elsewhere); list each redirect URI");
		}
		for (char c : uri.toCharArray()) {
			if (UNSUPPORTED_CHARACTERS.indexOf(c) >= 0) {
				return violation(Rule.UNSUPPORTED_CHARACTERS, shown, "it contains '" + c + "'");
			}
		}
		if (uri.contains("[::1]")) {
			return violation(Rule.NO_IPV6_LOOPBACK, shown, "use http://127.0.0.1 instead");
		}
		URI parsed;
		try {
			parsed = new URI(uri);
		}
		catch (URISyntaxException ex) {
			return violation(Rule.ABSOLUTE_URI, shown, "it is not a valid URI (" + ex.getReason() + ")");
		}
		if (parsed.getScheme() == null) {
			return violation(Rule.ABSOLUTE_URI, shown, "it has no scheme; write it as https://host/path");
		}
		if (parsed.getRawFragment() != null) {
			return violation(Rule.ABSOLUTE_URI, shown, "it has a #fragment");
		}
		if (parsed.getPort() > MAX_PORT || (parsed.getPort() == -1 && parsed.getRawAuthority() != null
				&& parsed.getHost() == null)) {
			return violation(Rule.ABSOLUTE_URI, shown, "its port is not a TCP port (1 to " + MAX_PORT + ")");
		}
		Optional<Violation> scheme = checkScheme(parsed, platform, shown);
		if (scheme.isPresent()) {
			return scheme;
		}
		if (parsed.getRawQuery() != null && audience == Audience.WITH_PERSONAL_ACCOUNTS) {
			return violation(Rule.QUERY_STRING_WORK_OR_SCHOOL_ONLY, shown,
					"this application lets personal Microsoft accounts sign in");
		}
		return Optional.empty();
	}

	private static Optional<Violation> checkScheme(URI uri, Platform platform, String shown) {
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		if (scheme.equals("https")) {
			return (uri.getHost() != null) ? Optional.empty()
					: violation(Rule.ABSOLUTE_URI, shown, "it has no host name; write it as https://host/path");
		}
		if (scheme.equals("http")) {
			String host = (uri.getHost() != null) ? uri.getHost().toLowerCase(Locale.ROOT) : "";
			return LOOPBACK_HOSTS.contains(host) ? Optional.empty()
					: violation(Rule.HTTPS_REQUIRED, shown,
							"http is allowed only for localhost and 127.0.0.1 (prefer http://127.0.0.1)");
		}
		if (platform != Platform.MOBILE_DESKTOP) {
			return violation(Rule.CUSTOM_SCHEME_MOBILE_DESKTOP_ONLY, shown,
					"the " + platform.label() + " platform needs https (or http for 127.0.0.1 and localhost); add '"
							+ scheme + ":' redirect URIs to mobile-desktop");
		}
		return Optional.empty();
	}

	/**
	 * Whether an application of {@code audience} may have {@code total} redirect URIs, all platforms
	 * together.
	 */
	public static Optional<Violation> checkCount(int total, Audience audience) {
		if (total <= audience.maxRedirectUris()) {
			return Optional.empty();
		}
		return Optional.of(new Violation(Rule.MAX_COUNT, "The application would have " + total
				+ " redirect URIs, which breaks Entra ID's rule \"" + Rule.MAX_COUNT.title() + "\": at most "
				+ audience.maxRedirectUris() + " for " + audience.description() + "."));
	}

	/**
	 * Whether {@code uri} may be added to {@code platform}: Entra ID keeps a redirect URI on one
	 * platform only ("Redirect URIs must have distinct values").
	 */
	public static Optional<Violation> checkDistinct(String uri, Platform platform, RedirectUris current) {
		List<Platform> elsewhere = current.platformsHolding(uri).stream().filter(held -> held != platform).toList();
		if (elsewhere.isEmpty()) {
			return Optional.empty();
		}
		Platform holder = elsewhere.get(0);
		return violation(Rule.ONE_PLATFORM_PER_URI, "'" + shorten(uri) + "'",
				"it is already a " + holder.label() + " redirect URI; remove it there first with 'auth redirect remove "
						+ uri + "'");
	}

	private static Optional<Violation> violation(Rule rule, String shownUri, String detail) {
		return Optional.of(new Violation(rule, "Redirect URI " + shownUri + " breaks " + rule.owner() + "'s rule \""
				+ rule.title() + "\": " + detail + "."));
	}

	private static String shorten(String uri) {
		return (uri.length() <= SHOWN_LENGTH) ? uri : uri.substring(0, SHOWN_LENGTH) + "...";
	}

	/** Who may sign in to an application, as far as the redirect URI rules care. */
	public enum Audience {

		/** {@code AzureADMyOrg} or {@code AzureADMultipleOrgs}. */
		WORK_OR_SCHOOL(256, "work or school audiences (AzureADMyOrg, AzureADMultipleOrgs)"),

		/** {@code AzureADandPersonalMicrosoftAccount} or {@code PersonalMicrosoftAccount}. */
		WITH_PERSONAL_ACCOUNTS(100, "audiences with personal Microsoft accounts");

		private final int maxRedirectUris;

		private final String description;

		Audience(int maxRedirectUris, String description) {
			this.maxRedirectUris = maxRedirectUris;
			this.description = description;
		}

		/** The audience of a {@code signInAudience} value; Graph's default, AzureADMyOrg, when absent. */
		public static Audience of(String signInAudience) {
			return ("AzureADandPersonalMicrosoftAccount".equals(signInAudience)
					|| "PersonalMicrosoftAccount".equals(signInAudience)) ? WITH_PERSONAL_ACCOUNTS : WORK_OR_SCHOOL;
		}

		/** Most redirect URIs an application of this audience may have, all platforms together. */
		public int maxRedirectUris() {
			return this.maxRedirectUris;
		}

		String description() {
			return this.description;
		}

	}

	/** One rule, with a title to name it in messages. */
	public enum Rule {

		ABSOLUTE_URI("absolute URI without fragment"),

		HTTPS_REQUIRED("https required"),

		CUSTOM_SCHEME_MOBILE_DESKTOP_ONLY("custom schemes only on mobile-desktop"),

		MAX_LENGTH("at most " + RedirectUriRules.MAX_LENGTH + " characters"),

		UNSUPPORTED_CHARACTERS("no ! $ ' ( ) , ; characters"),

		NO_IPV6_LOOPBACK("no [::1]"),

		QUERY_STRING_WORK_OR_SCHOOL_ONLY("query strings only for work or school audiences"),

		MAX_COUNT("at most 256 redirect URIs, 100 with personal accounts"),

		ONE_PLATFORM_PER_URI("one platform per redirect URI"),

		/** dicomreg's own rule, stricter than Entra ID's. */
		NO_WILDCARDS("no wildcards");

		private final String title;

		Rule(String title) {
			this.title = title;
		}

		public String title() {
			return this.title;
		}

		/** Whose rule it is: Entra ID's, or dicomreg's own where it is stricter. */
		public String owner() {
			return (this == NO_WILDCARDS) ? "dicomreg" : "Entra ID";
		}

	}

	/**
	 * A broken rule.
	 *
	 * @param rule the rule
	 * @param message one line for the user, naming the URI and the rule
	 */
	public record Violation(Rule rule, String message) {
	}

}
