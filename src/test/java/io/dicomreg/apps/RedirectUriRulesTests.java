package io.dicomreg.apps;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.microsoft.graph.models.Application;
import com.microsoft.graph.models.PublicClientApplication;
import com.microsoft.graph.models.SpaApplication;
import com.microsoft.graph.models.WebApplication;
import com.microsoft.graph.models.odataerrors.ODataError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.dicomreg.support.GraphWrites;
import io.dicomreg.apps.RedirectUriRules.Audience;
import io.dicomreg.apps.RedirectUriRules.Rule;
import io.dicomreg.apps.RedirectUriRules.Violation;
import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.support.SandboxAdmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * One table of redirect URI cases, accepted and refused, per rule, platform and audience, run both
 * against dicomreg's own rules and against the sandbox tenant through a Graph SDK PATCH that skips
 * them; both must agree, except where dicomreg is stricter than Entra ID on purpose (wildcards).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedirectUriRulesTests {

	private static final String MY_ORG = "AzureADMyOrg";

	private static final String MULTIPLE_ORGS = "AzureADMultipleOrgs";

	private static final String WITH_PERSONAL = "AzureADandPersonalMicrosoftAccount";

	private static final String PERSONAL_ONLY = "PersonalMicrosoftAccount";

	private static final String LONG_PREFIX = "https://app.example/";

	@TempDir
	static Path directory;

	private ConnectionTarget target;

	private SandboxAdmin admin;

	private final Map<String, String> appByAudience = new HashMap<>();

	@BeforeAll
	void registerOneApplicationPerAudience() {
		this.target = new ConnectionTarget(true, null, AzureCloud.AzureCloud, null, null);
		this.admin = SandboxAdmin.signIn(this.target, directory);
		for (String audience : List.of(MY_ORG, MULTIPLE_ORGS, WITH_PERSONAL, PERSONAL_ONLY)) {
			Application application = new Application();
			application.setDisplayName("rules " + audience);
			application.setSignInAudience(audience);
			this.appByAudience.put(audience, this.admin.graph().client().applications().post(application, GraphWrites.allowed()).getId());
		}
	}

	@AfterAll
	void close() {
		this.target.close();
	}

	static Stream<Case> cases() {
		return Stream.of(
				// absolute URI, no fragment (RFC 6749 3.1.2)
				accepted(Platform.WEB, "https://app.example/callback"),
				refused(Rule.ABSOLUTE_URI, Platform.WEB, "/relative/callback"),
				refused(Rule.ABSOLUTE_URI, Platform.MOBILE_DESKTOP, "callback"),
				refused(Rule.ABSOLUTE_URI, Platform.WEB, "https:///callback"),
				refused(Rule.ABSOLUTE_URI, Platform.WEB, "https://app.example/callback#section"),
				refused(Rule.ABSOLUTE_URI, Platform.SPA, "https://spa.example/a b"),
				// https required; http only for localhost and 127.0.0.1, on every platform
				refused(Rule.HTTPS_REQUIRED, Platform.WEB, "http://app.example/callback"),
				refused(Rule.HTTPS_REQUIRED, Platform.SPA, "http://spa.example"),
				refused(Rule.HTTPS_REQUIRED, Platform.MOBILE_DESKTOP, "http://app.example/callback"),
				refused(Rule.HTTPS_REQUIRED, Platform.WEB, "http://localhost.app.example/callback"),
				accepted(Platform.WEB, "http://localhost:8080/callback"),
				accepted(Platform.WEB, "http://127.0.0.1:5000/callback"),
				accepted(Platform.WEB, "https://localhost/callback"),
				accepted(Platform.SPA, "http://localhost:3000"),
				accepted(Platform.SPA, "http://127.0.0.1:3000/"),
				accepted(Platform.MOBILE_DESKTOP, "http://localhost"),
				accepted(Platform.MOBILE_DESKTOP, "http://127.0.0.1"),
				// custom schemes only on Mobile and desktop applications
				accepted(Platform.MOBILE_DESKTOP, "myapp://callback"),
				accepted(Platform.MOBILE_DESKTOP, "msauth.com.contoso.app://auth"),
				accepted(Platform.MOBILE_DESKTOP, AuthenticationService.POSTMAN_REDIRECT_URI),
				refused(Rule.CUSTOM_SCHEME_MOBILE_DESKTOP_ONLY, Platform.WEB, "myapp://callback"),
				refused(Rule.CUSTOM_SCHEME_MOBILE_DESKTOP_ONLY, Platform.SPA, "msauth.com.contoso.app://auth"),
				// at most 256 characters
				accepted(Platform.WEB, LONG_PREFIX + "a".repeat(256 - LONG_PREFIX.length())),
				refused(Rule.MAX_LENGTH, Platform.WEB, LONG_PREFIX + "a".repeat(257 - LONG_PREFIX.length())),
				refused(Rule.MAX_LENGTH, Platform.MOBILE_DESKTOP, LONG_PREFIX + "a".repeat(300)),
				// ! $ ' ( ) , ; are not supported
				refused(Rule.UNSUPPORTED_CHARACTERS, Platform.WEB, "https://app.example/call!back"),
				refused(Rule.UNSUPPORTED_CHARACTERS, Platform.WEB, "https://app.example/call$back"),
				refused(Rule.UNSUPPORTED_CHARACTERS, Platform.WEB, "https://app.example/it's"),
				refused(Rule.UNSUPPORTED_CHARACTERS, Platform.SPA, "https://app.example/call(back"),
				refused(Rule.UNSUPPORTED_CHARACTERS, Platform.SPA, "https://app.example/call)back"),
				refused(Rule.UNSUPPORTED_CHARACTERS, Platform.MOBILE_DESKTOP, "myapp://call,back"),
				refused(Rule.UNSUPPORTED_CHARACTERS, Platform.MOBILE_DESKTOP, "myapp://call;back"),
				// the IPv6 loopback is not supported
				refused(Rule.NO_IPV6_LOOPBACK, Platform.WEB, "http://[::1]:8080/callback"),
				refused(Rule.NO_IPV6_LOOPBACK, Platform.MOBILE_DESKTOP, "http://[::1]"),
				// wildcards: Entra ID allows them for work or school audiences only; dicomreg never
				new Case(Rule.NO_WILDCARDS, Platform.WEB, MY_ORG, List.of("https://*.contoso.example/callback"), true),
				new Case(Rule.NO_WILDCARDS, Platform.WEB, WITH_PERSONAL, List.of("https://*.contoso.example/callback"),
						false),
				// query strings only for work or school audiences
				new Case(null, Platform.WEB, MY_ORG, List.of("https://app.example/callback?tenant=1"), true),
				new Case(null, Platform.WEB, MULTIPLE_ORGS, List.of("https://app.example/callback?tenant=1"), true),
				new Case(Rule.QUERY_STRING_WORK_OR_SCHOOL_ONLY, Platform.WEB, WITH_PERSONAL,
						List.of("https://app.example/callback?tenant=1"), false),
				new Case(Rule.QUERY_STRING_WORK_OR_SCHOOL_ONLY, Platform.MOBILE_DESKTOP, PERSONAL_ONLY,
						List.of("myapp://callback?tenant=1"), false),
				new Case(null, Platform.WEB, WITH_PERSONAL, List.of("https://app.example/callback"), true),
				// at most 256 redirect URIs for work or school audiences, 100 with personal accounts
				new Case(null, Platform.WEB, MY_ORG, numbered(256), true),
				new Case(Rule.MAX_COUNT, Platform.WEB, MY_ORG, numbered(257), false),
				new Case(Rule.MAX_COUNT, Platform.MOBILE_DESKTOP, MULTIPLE_ORGS, numbered(257), false),
				new Case(null, Platform.SPA, WITH_PERSONAL, numbered(100), true),
				new Case(Rule.MAX_COUNT, Platform.SPA, WITH_PERSONAL, numbered(101), false),
				new Case(Rule.MAX_COUNT, Platform.WEB, PERSONAL_ONLY, numbered(101), false));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void dicomregAndTheSandboxAgreeOnEachRule(Case rule) {
		Optional<Violation> dicomreg = checkLocally(rule);
		boolean sandboxAccepts = sandboxAccepts(rule);

		assertThat(dicomreg.map(Violation::rule)).as("dicomreg's verdict").isEqualTo(Optional.ofNullable(rule.refusedBy()));
		assertThat(sandboxAccepts).as("the sandbox's verdict, as Entra ID documents it").isEqualTo(rule.entraAccepts());
		if (rule.refusedBy() != Rule.NO_WILDCARDS) {
			assertThat(dicomreg.isEmpty()).as("dicomreg agrees with the sandbox").isEqualTo(sandboxAccepts);
		}
		dicomreg.ifPresent(violation -> assertThat(violation.message())
			.contains(violation.rule().title())
			.contains(violation.rule() == Rule.NO_WILDCARDS ? "not supported by dicomreg" : "Entra ID")
			.doesNotContain("\n"));
	}

	private static Optional<Violation> checkLocally(Case rule) {
		Audience audience = Audience.of(rule.audience());
		return rule.uris().stream()
			.map(uri -> RedirectUriRules.check(uri, rule.platform(), audience))
			.flatMap(Optional::stream)
			.findFirst()
			.or(() -> RedirectUriRules.checkCount(rule.uris().size(), audience));
	}

	/** PATCHes the platform's redirect URIs as given (the others emptied) through the Graph SDK. */
	private boolean sandboxAccepts(Case rule) {
		Application patch = new Application();
		WebApplication web = new WebApplication();
		web.setRedirectUris(rule.platform() == Platform.WEB ? rule.uris() : List.of());
		SpaApplication spa = new SpaApplication();
		spa.setRedirectUris(rule.platform() == Platform.SPA ? rule.uris() : List.of());
		PublicClientApplication publicClient = new PublicClientApplication();
		publicClient.setRedirectUris(rule.platform() == Platform.MOBILE_DESKTOP ? rule.uris() : List.of());
		patch.setWeb(web);
		patch.setSpa(spa);
		patch.setPublicClient(publicClient);
		ODataError refusal = catchThrowableOfType(ODataError.class, () -> this.admin.graph().client().applications()
			.byApplicationId(this.appByAudience.get(rule.audience())).patch(patch, GraphWrites.allowed()));
		if (refusal != null) {
			assertThat(refusal.getResponseStatusCode()).isEqualTo(400);
			assertThat(refusal.getError().getCode()).isEqualTo("Request_BadRequest");
		}
		return refusal == null;
	}

	private static Case accepted(Platform platform, String uri) {
		return new Case(null, platform, MY_ORG, List.of(uri), true);
	}

	private static Case refused(Rule rule, Platform platform, String uri) {
		return new Case(rule, platform, MY_ORG, List.of(uri), false);
	}

	private static List<String> numbered(int count) {
		return IntStream.rangeClosed(1, count).mapToObj(i -> "https://app.example/callback/" + i).toList();
	}

	/**
	 * One row of the table.
	 *
	 * @param refusedBy the rule dicomreg refuses it by, or {@code null} when it accepts it
	 * @param platform the platform the redirect URIs go to
	 * @param audience the application's signInAudience
	 * @param uris the platform's redirect URIs
	 * @param entraAccepts whether Entra ID (so the sandbox) accepts them, as Microsoft documents it
	 */
	record Case(Rule refusedBy, Platform platform, String audience, List<String> uris, boolean entraAccepts) {

		@Override
		public String toString() {
			String shown = (this.uris.size() == 1) ? this.uris.get(0) : this.uris.size() + " redirect URIs";
			shown = (shown.length() > 60) ? shown.substring(0, 60) + "... (" + shown.length() + " characters)" : shown;
			return ((this.refusedBy != null) ? "refused (" + this.refusedBy.title() + ")" : "accepted") + ": "
					+ this.platform.jsonName() + " " + shown + " for " + this.audience;
		}

	}

}
