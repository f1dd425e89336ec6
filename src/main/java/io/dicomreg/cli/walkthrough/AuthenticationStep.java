package io.dicomreg.cli.walkthrough;

import java.util.List;

import io.dicomreg.apps.AppRef;
import io.dicomreg.apps.AuthenticationService;
import io.dicomreg.apps.Platform;
import io.dicomreg.cli.PlatformWords;
import io.dicomreg.apps.PublicClientChange;
import io.dicomreg.apps.RedirectUrisAdded;
import io.dicomreg.cli.walkthrough.WalkthroughProgress.Authentication;
import io.dicomreg.error.DicomregException;

/**
 * Step 4: confidential or public client, and the platform with its redirect URI (Postman's offered).
 */
class AuthenticationStep implements WalkthroughStep {

	private static final String POSTMAN = "postman";

	private static final String NONE = "none";

	private final AuthenticationService authentication;

	AuthenticationStep(AuthenticationService authentication) {
		this.authentication = authentication;
	}

	@Override
	public String title() {
		return "Authentication: client type, platform and redirect URI";
	}

	@Override
	public String explanation() {
		return "A confidential client (a web app or a service) proves who it is with a secret or a certificate. A public "
				+ "client (Postman, a desktop or mobile app, a script) cannot keep one, so Entra ID must allow public client "
				+ "flows for it. Tools that sign users in in a browser also need a platform with a redirect URI; for Postman "
				+ "that is " + AuthenticationService.POSTMAN_REDIRECT_URI + ".";
	}

	@Override
	public void run(StepContext context) {
		AppRef app = context.app();
		Prompts prompts = context.prompts();
		Authentication previous = context.progress().getAuthentication();
		boolean publicClient = prompts.choose("Client type", Choice.ordered(previous != null && previous.publicClient(),
				Choice.of("Confidential client: it keeps a secret or a certificate", false),
				Choice.of("Public client: Postman, desktop and mobile apps, scripts", true)));
		String platform = prompts.choose("Platform and redirect URI", Choice.ordered(lastPlatform(previous),
				Choice.of("Postman (Mobile and desktop applications, Postman's redirect URI)", POSTMAN),
				Choice.of("Web: a server-side app (you give the redirect URI)", PlatformWords.wordOf(Platform.WEB)),
				Choice.of("Single-page application (you give the redirect URI)", PlatformWords.wordOf(Platform.SPA)),
				Choice.of("Mobile and desktop applications (you give the redirect URI)", PlatformWords.wordOf(Platform.MOBILE_DESKTOP)),
				Choice.of("None: no redirect URI needed", NONE)));
		List<String> uris = redirectUris(prompts, platform);
		context.confirm("Set 'Allow public client flows' to " + (publicClient ? "Yes" : "No")
				+ (uris.isEmpty() ? "" : " and add " + String.join(", ", uris) + " to " + platformOf(platform).label()) + "?");
		PublicClientChange change = this.authentication.setPublicClient(app, publicClient, context.plan());
		prompts.say((change.changed() ? "Now a " : "Already a ") + change.clientType() + " client.");
		if (!uris.isEmpty()) {
			RedirectUrisAdded result = this.authentication.addRedirectUris(app, platformOf(platform), uris, context.plan());
			prompts.say(result.changed() ? "Added " + String.join(", ", result.added()) + " to " + platformOf(platform).label() + "."
					: "The redirect URI was already there: nothing changed.");
		}
		Authentication recorded = (previous != null) ? previous : new Authentication(false, null);
		context.progress().setAuthentication(recorded.with(publicClient,
				uris.isEmpty() ? NONE : PlatformWords.wordOf(platformOf(platform)), uris));
	}

	/** The platform chosen last time, so that going back offers it again. */
	private static String lastPlatform(Authentication previous) {
		if (previous == null) {
			return POSTMAN;
		}
		if (previous.redirectUris().isEmpty()) {
			return NONE;
		}
		String platform = List.copyOf(previous.redirectUris().keySet()).get(previous.redirectUris().size() - 1);
		List<String> uris = previous.redirectUris().get(platform);
		return uris.equals(List.of(AuthenticationService.POSTMAN_REDIRECT_URI)) ? POSTMAN : platform;
	}

	private List<String> redirectUris(Prompts prompts, String platform) {
		if (NONE.equals(platform)) {
			return List.of();
		}
		if (POSTMAN.equals(platform)) {
			return List.of(AuthenticationService.POSTMAN_REDIRECT_URI);
		}
		while (true) {
			String uri = prompts.text("Redirect URI", null);
			try {
				return this.authentication.checkRedirectUris(platformOf(platform), List.of(uri));
			}
			catch (DicomregException ex) {
				prompts.error(ex.getMessage());
			}
		}
	}

	private static Platform platformOf(String platform) {
		return POSTMAN.equals(platform) ? Platform.MOBILE_DESKTOP : PlatformWords.parse(platform);
	}

}
