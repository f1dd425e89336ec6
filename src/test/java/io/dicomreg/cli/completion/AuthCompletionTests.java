package io.dicomreg.cli.completion;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;

import io.dicomreg.apps.AppRef;
import io.dicomreg.apps.AppSelection;
import io.dicomreg.apps.ApplicationLocator;
import io.dicomreg.apps.AuthenticationService;
import io.dicomreg.apps.Platform;
import io.dicomreg.apps.RegisteredApplication;
import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.config.DicomregHome;
import io.dicomreg.support.SandboxAdmin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Completion of the authentication commands' arguments: platform types, on/off, and the redirect
 * URIs of the application named on the line or selected, read from the sandbox tenant.
 */
class AuthCompletionTests {

	private static final CommandOption APP = CommandOption.with().longName("app").type(String.class).build();

	private static final Command PLATFORM_ADD = command("auth platform add", APP,
			CommandOption.with().longName("redirect-uri").type(String.class).build(),
			CommandOption.with().longName("postman").type(boolean.class).build());

	private static final Command PUBLIC_CLIENT = command("auth public-client", APP);

	private static final Command REDIRECT_REMOVE = command("auth redirect remove", APP);

	@TempDir
	Path directory;

	private ConnectionTarget target;

	private AppSelection selection;

	private CommandCompletions completions;

	private AppRef app;

	@BeforeEach
	void registerAnApplicationWithRedirectUris() {
		this.target = new ConnectionTarget(true, null, AzureCloud.AzureCloud, null, null);
		SandboxAdmin admin = SandboxAdmin.signIn(this.target, this.directory);
		AuthenticationService authentication = new AuthenticationService(admin.gateway());
		this.selection = new AppSelection(this.target, new DicomregHome(this.directory));
		ApplicationLocator locator = new ApplicationLocator(admin.gateway(), this.selection);
		this.completions = new CommandCompletions(
				List.of(new AuthChoicesCompleter(), new RedirectUriCompleter(locator, authentication)));
		RegisteredApplication registered = admin.register("DICOM client");
		this.app = new AppRef(registered.objectId(), registered.appId(), registered.displayName());
		authentication.addRedirectUris(this.app, Platform.MOBILE_DESKTOP,
				List.of(AuthenticationService.POSTMAN_REDIRECT_URI, "myapp://callback"));
		authentication.addRedirectUris(this.app, Platform.WEB, List.of("https://web.example/callback"));
	}

	@AfterEach
	void close() {
		this.target.close();
	}

	@Test
	void platformAddCompletesThePlatformTypes() {
		assertThat(complete(PLATFORM_ADD, "auth", "platform", "add", "")).containsExactly("mobile-desktop", "web", "spa");
		assertThat(complete(PLATFORM_ADD, "auth", "platform", "add", "s")).containsExactly("spa");
	}

	@Test
	void platformTypeIsOnlyTheFirstArgument() {
		assertThat(complete(PLATFORM_ADD, "auth", "platform", "add", "web", "")).isEmpty();
		assertThat(complete(PLATFORM_ADD, "auth", "platform", "add", "--postman", "")).containsExactly("mobile-desktop",
				"web", "spa");
		assertThat(complete(PLATFORM_ADD, "auth", "platform", "add", "--app", "x", "w")).containsExactly("web");
	}

	@Test
	void publicClientCompletesOnAndOff() {
		assertThat(complete(PUBLIC_CLIENT, "auth", "public-client", "")).containsExactly("on", "off");
		assertThat(complete(PUBLIC_CLIENT, "auth", "public-client", "of")).containsExactly("off");
	}

	@Test
	void redirectRemoveCompletesTheRedirectUrisOfTheAppNamedOnTheLine() {
		assertThat(complete(REDIRECT_REMOVE, "auth", "redirect", "remove", "--app", this.app.appId(), ""))
			.containsExactlyInAnyOrder("https://web.example/callback", AuthenticationService.POSTMAN_REDIRECT_URI,
					"myapp://callback");
		assertThat(completeAt(3, REDIRECT_REMOVE, "auth", "redirect", "remove", "https://", "--app=DICOM client"))
			.containsExactlyInAnyOrder("https://web.example/callback", AuthenticationService.POSTMAN_REDIRECT_URI);
	}

	@Test
	void redirectRemoveCompletesTheRedirectUrisOfTheSelectedApp() {
		this.selection.select(this.app);

		assertThat(complete(REDIRECT_REMOVE, "auth", "redirect", "remove", "my")).containsExactly("myapp://callback");
	}

	@Test
	void redirectRemoveOffersNothingWithoutAnApp() {
		assertThat(complete(REDIRECT_REMOVE, "auth", "redirect", "remove", "")).isEmpty();
	}

	/** Completes the last word, with the cursor at its end. */
	private List<String> complete(Command command, String... words) {
		return completeAt(words.length - 1, command, words);
	}

	/** Completes word {@code cursor}, with the cursor at its end. */
	private List<String> completeAt(int cursor, Command command, String... words) {
		CompletionContext context = new CompletionContext(List.of(words), cursor, words[cursor].length(), command, null);
		return this.completions.apply(context).stream().map(CompletionProposal::value).toList();
	}

	private static Command command(String name, CommandOption... options) {
		return Command.builder().name(name).options(options).execute(context -> "");
	}

}
