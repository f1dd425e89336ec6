package io.dicomreg.apps;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.microsoft.graph.models.Application;
import com.microsoft.graph.models.ImplicitGrantSettings;
import com.microsoft.graph.models.RedirectUriSettings;
import com.microsoft.graph.models.PublicClientApplication;
import com.microsoft.graph.models.SpaApplication;
import com.microsoft.graph.models.WebApplication;
import org.springframework.stereotype.Service;

import io.dicomreg.apps.RedirectUriRules.Audience;
import io.dicomreg.apps.RedirectUriRules.Violation;
import io.dicomreg.config.DryRun;
import io.dicomreg.error.DicomregException;

/**
 * Tutorial step 3, the portal's Authentication page: the client type ("Allow public client
 * flows") and the redirect URIs of each platform.
 * <p>
 * Every change is additive and idempotent: it reads the application, changes only what was named,
 * sends each platform it touches whole (Graph replaces a collection sent in a PATCH), and writes
 * nothing when the change is already there.
 */
@Service
public class AuthenticationService {

	/** The redirect URI Postman's OAuth 2.0 helper uses, on Mobile and desktop applications. */
	public static final String POSTMAN_REDIRECT_URI = "https://www.getpostman.com/oauth2/callback";

	private static final String[] SELECTED_FIELDS = { "id", "appId", "displayName", "signInAudience",
			"isFallbackPublicClient", "web", "spa", "publicClient" };

	private final ApplicationsGateway applications;

	public AuthenticationService(ApplicationsGateway applications) {
		this.applications = applications;
	}

	/** The client type, "Allow public client flows" and the redirect URIs of each platform. */
	public AuthenticationSettings show(AppRef app) {
		Application current = read(app);
		return new AuthenticationSettings(ApplicationsGateway.ref(current), current.getSignInAudience(),
				isFallbackPublicClient(current), redirectUrisOf(current));
	}

	/** Every redirect URI of the application, for completion. */
	public List<String> redirectUris(AppRef app) {
		return redirectUrisOf(read(app)).all();
	}

	/**
	 * Turns "Allow public client flows" ({@code isFallbackPublicClient}) on or off; writes nothing
	 * when it already is so.
	 * @throws DicomregException when Graph refuses
	 */
	public PublicClientChange setPublicClient(AppRef app, boolean allow, DryRun plan) {
		Application current = read(app);
		AppRef ref = ApplicationsGateway.ref(current);
		if (isFallbackPublicClient(current) == allow) {
			return new PublicClientChange(ref, allow, false);
		}
		Application patch = new Application();
		patch.setIsFallbackPublicClient(allow);
		this.applications.patch(ref, patch, Change.of(plan,
				"turn 'Allow public client flows' " + (allow ? "on" : "off") + " for '" + ref.displayName() + "'",
				"Setting 'Allow public client flows'"));
		return new PublicClientChange(ref, allow, true);
	}

	/**
	 * Checks redirect URIs against the rules that do not depend on the application, without any
	 * Graph call, and returns them without repeats.
	 * @throws DicomregException (usage) naming the first rule broken, or when none is given
	 */
	public List<String> checkRedirectUris(Platform platform, List<String> uris) {
		if (uris == null || uris.isEmpty()) {
			throw DicomregException.invalidInput("Give at least one redirect URI.");
		}
		List<String> distinct = List.copyOf(new LinkedHashSet<>(uris));
		// Work or school is the more permissive audience: the application's own is checked once read.
		distinct.forEach(uri -> refuse(RedirectUriRules.check(uri, platform, Audience.WORK_OR_SCHOOL)));
		return distinct;
	}

	/**
	 * Adds redirect URIs to one platform, keeping every redirect URI of every platform; writes
	 * nothing when the platform already has them all.
	 * @throws DicomregException (usage) when a URI breaks a rule, before anything is written; when
	 * Graph refuses
	 */
	public RedirectUrisAdded addRedirectUris(AppRef app, Platform platform, List<String> uris, DryRun plan) {
		List<String> wanted = checkRedirectUris(platform, uris);
		Application current = read(app);
		AppRef ref = ApplicationsGateway.ref(current);
		Audience audience = Audience.of(current.getSignInAudience());
		RedirectUris existing = redirectUrisOf(current);
		List<String> onPlatform = existing.on(platform);
		List<String> added = new ArrayList<>();
		List<String> alreadyPresent = new ArrayList<>();
		for (String uri : wanted) {
			refuse(RedirectUriRules.check(uri, platform, audience));
			if (onPlatform.contains(uri)) {
				alreadyPresent.add(uri);
			}
			else {
				refuse(RedirectUriRules.checkDistinct(uri, platform, existing));
				added.add(uri);
			}
		}
		if (added.isEmpty()) {
			return new RedirectUrisAdded(ref, platform, added, alreadyPresent, onPlatform, false);
		}
		refuse(RedirectUriRules.checkCount(existing.total() + added.size(), audience));
		List<String> merged = new ArrayList<>(onPlatform);
		merged.addAll(added);
		Application patch = new Application();
		setRedirectUris(patch, current, platform, merged);
		this.applications.patch(ref, patch, Change.of(plan,
				"add redirect URI " + String.join(", ", added) + " to " + platform.graphProperty() + " (" + platform.label() + ")",
				"Adding the redirect URIs"));
		return new RedirectUrisAdded(ref, platform, added, alreadyPresent, merged, true);
	}

	/**
	 * Removes exactly {@code uri} (case-sensitive, as Entra ID compares) from every platform that
	 * has it, and nothing else; writes nothing when no platform has it.
	 * @throws DicomregException (usage) for an empty URI; when Graph refuses
	 */
	public RedirectUriRemoval removeRedirectUri(AppRef app, String uri, DryRun plan) {
		if (uri == null || uri.isBlank()) {
			throw DicomregException.invalidInput("Give the redirect URI to remove: auth redirect remove URI.");
		}
		Application current = read(app);
		AppRef ref = ApplicationsGateway.ref(current);
		RedirectUris existing = redirectUrisOf(current);
		List<Platform> holding = existing.platformsHolding(uri);
		if (holding.isEmpty()) {
			List<String> differingInCase = existing.all().stream().filter(uri::equalsIgnoreCase).distinct().toList();
			return new RedirectUriRemoval(ref, uri, holding, differingInCase, false);
		}
		Application patch = new Application();
		for (Platform platform : holding) {
			List<String> kept = existing.on(platform).stream().filter(other -> !other.equals(uri)).toList();
			setRedirectUris(patch, current, platform, kept);
		}
		this.applications.patch(ref, patch, Change.of(plan, "remove redirect URI " + uri + " from "
				+ holding.stream().map(Platform::graphProperty).collect(Collectors.joining(", ")), "Removing the redirect URI"));
		return new RedirectUriRemoval(ref, uri, holding, List.of(), true);
	}

	private Application read(AppRef app) {
		return this.applications.read(app, "Reading the application's authentication settings", SELECTED_FIELDS);
	}

	/**
	 * Sets one platform's redirect URIs on {@code patch}. The Web platform is sent with its other
	 * settings as they are, since Graph replaces a complex property sent in a PATCH.
	 */
	private static void setRedirectUris(Application patch, Application current, Platform platform, List<String> uris) {
		switch (platform) {
			case WEB -> patch.setWeb(webWith(current.getWeb(), uris));
			case SPA -> {
				SpaApplication spa = new SpaApplication();
				spa.setRedirectUris(new ArrayList<>(uris));
				patch.setSpa(spa);
			}
			case MOBILE_DESKTOP -> {
				PublicClientApplication publicClient = new PublicClientApplication();
				publicClient.setRedirectUris(new ArrayList<>(uris));
				patch.setPublicClient(publicClient);
			}
		}
	}

	private static WebApplication webWith(WebApplication current, List<String> uris) {
		WebApplication web = new WebApplication();
		web.setRedirectUris(new ArrayList<>(uris));
		if (current == null) {
			return web;
		}
		if (current.getHomePageUrl() != null) {
			web.setHomePageUrl(current.getHomePageUrl());
		}
		if (current.getLogoutUrl() != null) {
			web.setLogoutUrl(current.getLogoutUrl());
		}
		ImplicitGrantSettings implicit = current.getImplicitGrantSettings();
		if (implicit != null) {
			ImplicitGrantSettings copy = new ImplicitGrantSettings();
			copy.setEnableAccessTokenIssuance(implicit.getEnableAccessTokenIssuance());
			copy.setEnableIdTokenIssuance(implicit.getEnableIdTokenIssuance());
			web.setImplicitGrantSettings(copy);
		}
		if (current.getRedirectUriSettings() != null) {
			// Graph's per-URI settings (index) of the URIs that stay; they go with the collection.
			List<RedirectUriSettings> kept = new ArrayList<>();
			for (RedirectUriSettings setting : current.getRedirectUriSettings()) {
				if (uris.contains(setting.getUri())) {
					RedirectUriSettings copy = new RedirectUriSettings();
					copy.setUri(setting.getUri());
					copy.setIndex(setting.getIndex());
					kept.add(copy);
				}
			}
			web.setRedirectUriSettings(kept);
		}
		return web;
	}

	private static RedirectUris redirectUrisOf(Application application) {
		return RedirectUris.of(application);
	}

	private static boolean isFallbackPublicClient(Application application) {
		return Boolean.TRUE.equals(application.getIsFallbackPublicClient());
	}

	private static void refuse(Optional<Violation> violation) {
		violation.ifPresent(broken -> {
			throw DicomregException.invalidInput(broken.message());
		});
	}

}
