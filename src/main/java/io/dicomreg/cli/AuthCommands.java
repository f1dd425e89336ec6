package io.dicomreg.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import io.dicomreg.apps.AppRef;
import io.dicomreg.apps.ApplicationLocator;
import io.dicomreg.apps.AuthenticationService;
import io.dicomreg.apps.AuthenticationSettings;
import io.dicomreg.apps.Platform;
import io.dicomreg.apps.PublicClientChange;
import io.dicomreg.apps.RedirectUriRemoval;
import io.dicomreg.apps.RedirectUrisAdded;
import io.dicomreg.cli.completion.CommandCompletions;
import io.dicomreg.error.DicomregException;
import io.dicomreg.output.Details;
import io.dicomreg.output.OutputFormat;
import io.dicomreg.output.Renderer;
import io.dicomreg.output.Table;

/**
 * Authentication commands (tutorial step 3): client type, "Allow public client flows", platforms
 * and their redirect URIs.
 */
@Component
public class AuthCommands {


	private final AuthenticationService authentication;

	private final ApplicationLocator locator;

	private final Renderer renderer;

	public AuthCommands(AuthenticationService authentication, ApplicationLocator locator, Renderer renderer) {
		this.authentication = authentication;
		this.locator = locator;
		this.renderer = renderer;
	}

	@Command(name = { "auth", "show" }, group = "Authentication",
			description = "Show the client type, 'Allow public client flows' and the redirect URIs by platform (tutorial step 3)",
			availabilityProvider = "signedIn", completionProvider = CommandCompletions.BEAN_NAME)
	public String show(@Option(longName = "app", description = AppOption.DESCRIPTION) String app) {
		AuthenticationSettings settings = this.authentication.show(this.locator.resolve(app));
		Details details = application(settings.app())
			.add("Client type", "clientType", settings.clientType())
			.add("Allow public client flows", "isFallbackPublicClient", settings.isFallbackPublicClient());
		if (this.renderer.format() == OutputFormat.JSON) {
			Map<String, List<String>> byPlatform = new LinkedHashMap<>();
			for (Platform platform : Platform.values()) {
				byPlatform.put(platform.jsonName(), settings.redirectUris().on(platform));
			}
			return this.renderer.render(details.add("Redirect URIs", "redirectUris", byPlatform));
		}
		Table table = Table.of("Platform", "platform", "Redirect URI", "redirectUri");
		for (Platform platform : Platform.values()) {
			List<String> uris = settings.redirectUris().on(platform);
			if (uris.isEmpty()) {
				table.row(platform.label(), "(none)");
			}
			uris.forEach(uri -> table.row(platform.label(), uri));
		}
		return this.renderer.render(details) + System.lineSeparator() + System.lineSeparator()
				+ this.renderer.render(table);
	}

	@Command(name = { "auth", "public-client" }, group = "Authentication",
			description = "Allow public client flows (public client) or not (confidential): auth public-client on|off (tutorial step 3)",
			availabilityProvider = "signedIn", completionProvider = CommandCompletions.BEAN_NAME)
	public String publicClient(@Argument(index = 0, description = "on or off") String onOrOff,
			@Option(longName = "app", description = AppOption.DESCRIPTION) String app) {
		boolean allow = parseOnOff(onOrOff);
		PublicClientChange change = this.authentication.setPublicClient(this.locator.resolve(app), allow);
		Details details = application(change.app())
			.add("Allow public client flows", "isFallbackPublicClient", change.isFallbackPublicClient())
			.add("Client type", "clientType", change.clientType())
			.add("Changed", "changed", change.changed());
		String note = change.changed() ? null : "No change: public client flows are already "
				+ (allow ? "allowed" : "off") + " for '" + change.app().displayName() + "' (" + change.clientType()
				+ " client).";
		return this.renderer.render(details, note);
	}

	@Command(name = { "auth", "platform", "add" }, group = "Authentication",
			description = "Add redirect URIs to a platform, keeping all others: auth platform add mobile-desktop|web|spa (tutorial step 3)",
			availabilityProvider = "signedIn", completionProvider = CommandCompletions.BEAN_NAME)
	public String addPlatform(CommandContext context,
			@Argument(index = 0, description = "mobile-desktop, web or spa") String platformName,
			@Option(longName = "redirect-uri", description = "redirect URI to add (repeat the option for more)") String redirectUri,
			@Option(longName = "postman", description = "add Postman's redirect URI " + AuthenticationService.POSTMAN_REDIRECT_URI
					+ " (mobile-desktop only)") boolean postman,
			@Option(longName = "app", description = AppOption.DESCRIPTION) String app) {
		Platform platform = Platform.parse(platformName);
		List<String> uris = new ArrayList<>(RepeatedOptions.values(context, "redirect-uri"));
		if (postman) {
			if (platform != Platform.MOBILE_DESKTOP) {
				throw DicomregException.invalidInput("--postman adds Postman's redirect URI to mobile-desktop only: run "
						+ "'auth platform add mobile-desktop --postman'.");
			}
			uris.add(AuthenticationService.POSTMAN_REDIRECT_URI);
		}
		List<String> checked = this.authentication.checkRedirectUris(platform, uris);
		RedirectUrisAdded result = this.authentication.addRedirectUris(this.locator.resolve(app), platform, checked);
		Details details = application(result.app())
			.add("Platform", "platform", platformValue(result.platform()))
			.add("Added", "added", list(result.added()))
			.add("Already present", "alreadyPresent", list(result.alreadyPresent()))
			.add("Redirect URIs", "redirectUris", list(result.redirectUris()))
			.add("Changed", "changed", result.changed());
		return this.renderer.render(details, noteOn(result));
	}

	@Command(name = { "auth", "redirect", "remove" }, group = "Authentication",
			description = "Remove one redirect URI (exact match) from its platform: auth redirect remove URI (tutorial step 3)",
			availabilityProvider = "signedIn", completionProvider = CommandCompletions.BEAN_NAME)
	public String removeRedirect(@Argument(index = 0, description = "the redirect URI to remove") String uri,
			@Option(longName = "app", description = AppOption.DESCRIPTION) String app) {
		if (uri == null || uri.isBlank()) {
			throw DicomregException.invalidInput("Give the redirect URI to remove: auth redirect remove URI.");
		}
		RedirectUriRemoval removal = this.authentication.removeRedirectUri(this.locator.resolve(app), uri);
		Details details = application(removal.app())
			.add("Redirect URI", "redirectUri", removal.redirectUri())
			.add("Removed from", "removedFrom", list(removal.removedFrom().stream()
				.map(this::platformValue).toList()))
			.add("Changed", "changed", removal.changed());
		return this.renderer.render(details, noteOn(removal));
	}

	private static Details application(AppRef app) {
		return Details.create()
			.add("Display name", "displayName", app.displayName())
			.add("Application (client) ID", "appId", app.appId())
			.add("Object ID", "objectId", app.objectId());
	}

	private static boolean parseOnOff(String word) {
		String value = (word != null) ? word.strip().toLowerCase(Locale.ROOT) : "";
		return switch (value) {
			case "on" -> true;
			case "off" -> false;
			default -> throw DicomregException.invalidInput("Say 'on' or 'off': auth public-client on|off.");
		};
	}

	private static String noteOn(RedirectUrisAdded result) {
		List<String> lines = new ArrayList<>();
		if (!result.changed()) {
			lines.add("No change: " + describe(result.alreadyPresent()) + " already "
					+ ((result.alreadyPresent().size() == 1) ? "a " : "") + result.platform().label() + " redirect URI"
					+ ((result.alreadyPresent().size() == 1) ? "." : "s."));
		}
		if (result.addsLocalhost()) {
			lines.add("Tip: Microsoft advises http://127.0.0.1 over localhost, which misconfigured firewalls or renamed "
					+ "network interfaces can break.");
		}
		return lines.isEmpty() ? null : String.join(System.lineSeparator(), lines);
	}

	private static String describe(List<String> uris) {
		return (uris.size() == 1) ? uris.get(0) + " is" : String.join(", ", uris) + " are";
	}

	private static String noteOn(RedirectUriRemoval removal) {
		if (removal.changed()) {
			return null;
		}
		String note = "No change: " + removal.redirectUri() + " is not a redirect URI of '" + removal.app().displayName()
				+ "'.";
		if (!removal.differingInCase().isEmpty()) {
			note += " It has " + String.join(", ", removal.differingInCase())
					+ ", which differs in case only; Entra ID compares redirect URIs case-sensitively.";
		}
		return note;
	}

	/** A platform by its JSON name in JSON, else by the portal's name. */
	private String platformValue(Platform platform) {
		return (this.renderer.format() == OutputFormat.JSON) ? platform.jsonName() : platform.label();
	}

	/** A list as a JSON array, or as one line of text. */
	private Object list(List<String> values) {
		if (this.renderer.format() == OutputFormat.JSON) {
			return values;
		}
		return values.isEmpty() ? "(none)" : String.join(", ", values);
	}

}
