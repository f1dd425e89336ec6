package io.dicomreg.apps;

import com.microsoft.graph.models.Application;

import java.util.ArrayList;
import java.util.List;

/**
 * An application's redirect URIs, platform by platform, in the order Graph keeps them.
 *
 * @param web the Web platform's ({@code web.redirectUris})
 * @param spa the Single-page application platform's ({@code spa.redirectUris})
 * @param mobileDesktop the Mobile and desktop applications platform's ({@code publicClient.redirectUris})
 */
public record RedirectUris(List<String> web, List<String> spa, List<String> mobileDesktop) {

	public RedirectUris {
		web = List.copyOf(web);
		spa = List.copyOf(spa);
		mobileDesktop = List.copyOf(mobileDesktop);
	}

	/** The redirect URIs of {@code application}, as Graph holds them. */
	public static RedirectUris of(Application application) {
		List<String> web = (application.getWeb() != null) ? application.getWeb().getRedirectUris() : null;
		List<String> spa = (application.getSpa() != null) ? application.getSpa().getRedirectUris() : null;
		List<String> publicClient = (application.getPublicClient() != null)
				? application.getPublicClient().getRedirectUris() : null;
		return new RedirectUris(orEmpty(web), orEmpty(spa), orEmpty(publicClient));
	}

	private static List<String> orEmpty(List<String> uris) {
		return (uris != null) ? uris : List.of();
	}

	/** No redirect URI on any platform. */
	public static RedirectUris none() {
		return new RedirectUris(List.of(), List.of(), List.of());
	}

	/** The redirect URIs of one platform. */
	public List<String> on(Platform platform) {
		return switch (platform) {
			case WEB -> this.web;
			case SPA -> this.spa;
			case MOBILE_DESKTOP -> this.mobileDesktop;
		};
	}

	/** These redirect URIs with {@code platform}'s replaced by {@code uris}. */
	public RedirectUris with(Platform platform, List<String> uris) {
		return new RedirectUris((platform == Platform.WEB) ? uris : this.web, (platform == Platform.SPA) ? uris : this.spa,
				(platform == Platform.MOBILE_DESKTOP) ? uris : this.mobileDesktop);
	}

	/** How many redirect URIs the application has, all platforms together (Entra's limits count them so). */
	public int total() {
		return this.web.size() + this.spa.size() + this.mobileDesktop.size();
	}

	/** The platforms holding exactly {@code uri} (compared case-sensitively, as Entra does). */
	public List<Platform> platformsHolding(String uri) {
		List<Platform> holding = new ArrayList<>();
		for (Platform platform : Platform.values()) {
			if (on(platform).contains(uri)) {
				holding.add(platform);
			}
		}
		return holding;
	}

	/** Every redirect URI, platform after platform. */
	public List<String> all() {
		List<String> all = new ArrayList<>(this.web);
		all.addAll(this.spa);
		all.addAll(this.mobileDesktop);
		return all;
	}

}
