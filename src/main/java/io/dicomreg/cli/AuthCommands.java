package io.dicomreg.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import io.dicomreg.cli.catalogue.OptionValue;
import io.dicomreg.cli.completion.AppNameCompleter;
import io.dicomreg.cli.completion.RedirectUriCompleter;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.Echo;
import io.dicomreg.error.Subject;
import io.dicomreg.output.Details;
import io.dicomreg.output.Result;
import io.dicomreg.output.Shown;
import io.dicomreg.output.Table;

/**
 * Authentication commands (tutorial step 3): client type, "Allow public client flows", platforms
 * and their redirect URIs.
 */
@Component
public class AuthCommands {

	private static final String GROUP = "Authentication";

	private final AuthenticationService authentication;

	private final ApplicationLocator locator;

	public AuthCommands(AuthenticationService authentication, ApplicationLocator locator) {
		this.authentication = authentication;
		this.locator = locator;
	}

	@Command(name = { "auth", "show" }, group = GROUP,
			description = "Show the client type, 'Allow public client flows' and the redirect URIs by platform (tutorial step 3)",
			availabilityProvider = "signedIn")
	public Result show(CommandRun run,
			@Option(longName = "app", description = AppOption.DESCRIPTION)
			@OptionValue(completion = AppNameCompleter.class, subject = Subject.APPLICATION) String app) {
		AuthenticationSettings settings = this.authentication.show(this.locator.resolve(app, run.plan()));
		Map<String, List<String>> byPlatform = new LinkedHashMap<>();
		for (Platform platform : Platform.values()) {
			byPlatform.put(platform.jsonName(), settings.redirectUris().on(platform));
		}
		Table table = Table.of("Platform", "platform", "Redirect URI", "redirectUri");
		for (Platform platform : Platform.values()) {
			List<String> uris = settings.redirectUris().on(platform);
			if (uris.isEmpty()) {
				table.row(platform.label(), "(none)");
			}
			uris.forEach(uri -> table.row(platform.label(), uri));
		}
		return Result.of(application(settings.app())
			.add("Client type", "clientType", settings.clientType())
			.add("Allow public client flows", "isFallbackPublicClient", settings.isFallbackPublicClient())
			.jsonOnly("redirectUris", byPlatform))
			.thenInText(table);
	}

	@Command(name = { "auth", "public-client" }, group = GROUP,
			description = "Allow public client flows (public client) or not (confidential): auth public-client on|off (tutorial step 3)",
			availabilityProvider = "signedIn")
	public Result publicClient(CommandRun run,
			@Argument(index = 0, description = "on or off")
			@OptionValue(choices = { "on", "off" }) String onOrOff,
			@Option(longName = "app", description = AppOption.DESCRIPTION)
			@OptionValue(completion = AppNameCompleter.class, subject = Subject.APPLICATION) String app) {
		boolean allow = parseOnOff(onOrOff);
		PublicClientChange change = this.authentication.setPublicClient(this.locator.resolve(app, run.plan()), allow, run.plan());
		String note = change.changed() ? null : "No change: public client flows are already "
				+ (allow ? "allowed" : "off") + " for '" + change.app().displayName() + "' (" + change.clientType()
				+ " client).";
		return Result.of(application(change.app())
			.add("Allow public client flows", "isFallbackPublicClient", change.isFallbackPublicClient())
			.add("Client type", "clientType", change.clientType()))
			.changed(change.changed())
			.note(note);
	}

	@Command(name = { "auth", "platform", "add" }, group = GROUP,
			description = "Add redirect URIs to a platform, keeping all others: auth platform add mobile-desktop|web|spa (tutorial step 3)",
			availabilityProvider = "signedIn")
	public Result addPlatform(CommandRun run,
			@Argument(index = 0, description = "mobile-desktop, web or spa")
			@OptionValue(choices = { "mobile-desktop", "web", "spa" }, subject = Subject.PLATFORM) String platformName,
			@Option(longName = "redirect-uri", description = "redirect URI to add (repeat the option for more)")
			@OptionValue(repeatable = true, subject = Subject.REDIRECT_URI) List<String> redirectUris,
			@Option(longName = "postman", description = "add Postman's redirect URI " + AuthenticationService.POSTMAN_REDIRECT_URI
					+ " (mobile-desktop only)") boolean postman,
			@Option(longName = "app", description = AppOption.DESCRIPTION)
			@OptionValue(completion = AppNameCompleter.class, subject = Subject.APPLICATION) String app) {
		Platform platform = PlatformWords.parse(platformName);
		List<String> uris = new ArrayList<>(redirectUris);
		if (postman) {
			if (platform != Platform.MOBILE_DESKTOP) {
				throw DicomregException.invalidInput("--postman adds Postman's redirect URI to mobile-desktop only: run "
						+ "'auth platform add mobile-desktop --postman'.");
			}
			uris.add(AuthenticationService.POSTMAN_REDIRECT_URI);
		}
		if (uris.isEmpty()) {
			throw DicomregException.invalidInput("Give at least one --redirect-uri URI"
					+ ((platform == Platform.MOBILE_DESKTOP) ? " (or --postman)" : "") + ".");
		}
		List<String> checked = this.authentication.checkRedirectUris(platform, uris);
		RedirectUrisAdded result = this.authentication.addRedirectUris(this.locator.resolve(app, run.plan()), platform, checked, run.plan());
		return Result.of(application(result.app())
			.add("Platform", "platform", shown(result.platform()))
			.add("Added", "added", result.added())
			.add("Already present", "alreadyPresent", result.alreadyPresent())
			.add("Redirect URIs", "redirectUris", result.redirectUris()))
			.changed(result.changed())
			.note(noteOn(result));
	}

	@Command(name = { "auth", "redirect", "remove" }, group = GROUP,
			description = "Remove one redirect URI (exact match) from its platform: auth redirect remove URI (tutorial step 3)",
			availabilityProvider = "signedIn")
	public Result removeRedirect(CommandRun run,
			@Argument(index = 0, description = "the redirect URI to remove")
			@OptionValue(completion = RedirectUriCompleter.class, subject = Subject.REDIRECT_URI) String uri,
			@Option(longName = "app", description = AppOption.DESCRIPTION)
			@OptionValue(completion = AppNameCompleter.class, subject = Subject.APPLICATION) String app) {
		if (uri == null || uri.isBlank()) {
			throw DicomregException.invalidInput("Give the redirect URI to remove: auth redirect remove URI.");
		}
		RedirectUriRemoval removal = this.authentication.removeRedirectUri(this.locator.resolve(app, run.plan()), uri, run.plan());
		return Result.of(application(removal.app())
			.add("Redirect URI", "redirectUri", removal.redirectUri())
			.add("Removed from", "removedFrom", removal.removedFrom().stream().map(AuthCommands::shown).toList()))
			.changed(removal.changed())
			.note(noteOn(removal));
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
			default -> throw DicomregException.invalidInput(Echo.quoted(word == null ? "" : word)
					+ " is neither on nor off: auth public-client on|off.");
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

	/** A platform by the portal's name in text, by its JSON name in JSON. */
	private static Shown shown(Platform platform) {
		return Shown.as(platform.label(), platform.jsonName());
	}

}
