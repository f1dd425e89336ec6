package io.dicomreg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.graph.models.Application;
import com.microsoft.graph.models.RequiredResourceAccess;
import com.microsoft.graph.models.ResourceAccess;
import com.microsoft.graph.models.ServicePrincipal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.dicomreg.support.GraphWrites;
import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.sandbox.SandboxDirectory;
import io.dicomreg.sandbox.SandboxInspector;
import io.dicomreg.support.SandboxAdmin;
import io.dicomreg.support.TestShell;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authentication commands (tutorial step 3) as typed, one-shot, on a sandbox tenant kept in a
 * state file. A run that must write nothing leaves the state file as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthCommandsTests {

	private static final String POSTMAN = "https://www.getpostman.com/oauth2/callback";

	@TempDir
	static Path directory;

	private Path state;

	private TestShell shell;

	private int registered;

	@BeforeAll
	void signIn() {
		this.state = directory.resolve("tenant.json");
		this.shell = new TestShell(directory.resolve("home"), "--sandbox-state", this.state.toString());
		TestShell.Result login = this.shell.run("login");
		assertThat(login.exitCode()).as(login.all()).isZero();
	}

	@Test
	void showGivesClientTypeAndRedirectUrisByPlatformAsJson() throws Exception {
		String appId = register();

		TestShell.Result show = run("auth", "show", "--app", appId, "--output", "json");

		JsonNode settings = json(show);
		assertThat(settings.get("appId").asText()).isEqualTo(appId);
		assertThat(settings.get("objectId").asText()).matches("[0-9a-f-]{36}");
		assertThat(settings.get("clientType").asText()).isEqualTo("confidential");
		assertThat(settings.get("isFallbackPublicClient").asBoolean()).isFalse();
		assertThat(fieldNames(settings.get("redirectUris"))).containsExactly("web", "spa", "mobileDesktop");
		assertThat(settings.get("redirectUris").get("mobileDesktop")).isEmpty();
	}

	@Test
	void postmanLandsOnMobileAndDesktopAndRunningItAgainChangesNothing() throws Exception {
		String appId = register();

		TestShell.Result first = run("auth", "platform", "add", "mobile-desktop", "--postman", "--app", appId, "--output",
				"json");
		byte[] before = Files.readAllBytes(this.state);
		TestShell.Result second = run("auth", "platform", "add", "mobile-desktop", "--postman", "--app", appId);

		assertThat(json(first).get("changed").asBoolean()).isTrue();
		assertThat(json(first).get("platform").asText()).isEqualTo("mobileDesktop");
		assertThat(json(first).get("added")).extracting(JsonNode::asText).containsExactly(POSTMAN);
		assertThat(second.out()).containsPattern("Changed +false")
			.contains("No change: " + POSTMAN + " is already a Mobile and desktop applications redirect URI.");
		assertThat(Files.readAllBytes(this.state)).as("no write").isEqualTo(before);
		assertThat(texts(stored(appId).path("publicClient").path("redirectUris"))).containsExactly(POSTMAN);
	}

	@Test
	void publicClientOnTwiceWritesOnceAndOffMakesItConfidentialAgain() throws Exception {
		String appId = register();

		TestShell.Result on = run("auth", "public-client", "on", "--app", appId);
		byte[] before = Files.readAllBytes(this.state);
		TestShell.Result again = run("auth", "public-client", "on", "--app", appId);
		byte[] afterAgain = Files.readAllBytes(this.state);
		boolean afterOn = stored(appId).path("isFallbackPublicClient").asBoolean();
		TestShell.Result off = run("auth", "public-client", "off", "--app", appId);

		assertThat(on.out()).containsPattern("Client type +public").containsPattern("Changed +true");
		assertThat(again.out()).containsPattern("Changed +false")
			.contains("No change: public client flows are already allowed for 'DICOM client ");
		assertThat(afterOn).isTrue();
		assertThat(off.out()).containsPattern("Client type +confidential").containsPattern("Changed +true");
		assertThat(stored(appId).path("isFallbackPublicClient").asBoolean()).isFalse();
		assertThat(afterAgain).as("no write").isEqualTo(before);
	}

	@Test
	void addingToOnePlatformKeepsTheRedirectUrisOfEveryPlatform() throws Exception {
		String appId = register();
		run("auth", "platform", "add", "mobile-desktop", "--postman", "--app", appId);
		run("auth", "platform", "add", "spa", "--redirect-uri", "https://spa.example", "--app", appId);
		run("auth", "platform", "add", "web", "--redirect-uri", "https://web.example/a", "--app", appId);

		TestShell.Result add = run("auth", "platform", "add", "web", "--redirect-uri", "https://web.example/a",
				"--redirect-uri", "http://127.0.0.1:5000/callback", "--app", appId, "--output", "json");
		TestShell.Result show = run("auth", "show", "--app", appId);

		JsonNode result = json(add);
		assertThat(result.get("added")).extracting(JsonNode::asText).containsExactly("http://127.0.0.1:5000/callback");
		assertThat(result.get("alreadyPresent")).extracting(JsonNode::asText).containsExactly("https://web.example/a");
		JsonNode stored = stored(appId);
		assertThat(texts(stored.path("web").path("redirectUris"))).containsExactly("https://web.example/a",
				"http://127.0.0.1:5000/callback");
		assertThat(texts(stored.path("spa").path("redirectUris"))).containsExactly("https://spa.example");
		assertThat(texts(stored.path("publicClient").path("redirectUris"))).containsExactly(POSTMAN);
		assertThat(show.out()).containsPattern("Web +https://web.example/a")
			.containsPattern("Single-page application +https://spa.example")
			.containsPattern("Mobile and desktop applications +" + POSTMAN);
	}

	@Test
	void redirectRemoveRemovesThatUriOnlyAndSaysSoWhenItIsNotThere() throws Exception {
		String appId = register();
		run("auth", "platform", "add", "mobile-desktop", "--postman", "--redirect-uri", "myapp://callback", "--app",
				appId);

		TestShell.Result remove = run("auth", "redirect", "remove", POSTMAN, "--app", appId, "--output", "json");
		byte[] before = Files.readAllBytes(this.state);
		TestShell.Result again = run("auth", "redirect", "remove", POSTMAN, "--app", appId);

		assertThat(json(remove).get("removedFrom")).extracting(JsonNode::asText).containsExactly("mobileDesktop");
		assertThat(json(remove).get("changed").asBoolean()).isTrue();
		assertThat(texts(stored(appId).path("publicClient").path("redirectUris"))).containsExactly("myapp://callback");
		assertThat(again.out()).containsPattern("Changed +false").contains("No change: " + POSTMAN + " is not a redirect URI");
		assertThat(Files.readAllBytes(this.state)).as("no write").isEqualTo(before);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"auth platform add web --redirect-uri http://app.example/callback | breaks Entra ID's rule \"https required\"",
			"auth platform add spa --redirect-uri myapp://callback | \"custom schemes only on mobile-desktop\"",
			"auth platform add web --redirect-uri https://*.app.example/callback | wildcards (*) are not supported by dicomreg",
			"auth platform add web --redirect-uri https://app.example/call(back) | \"no ! $ ' ( ) , ; characters\"",
			"auth platform add web --redirect-uri http://[::1]:8080/callback | \"no [::1]\"",
			"auth platform add web --redirect-uri callback | \"absolute URI without fragment\"",
			"auth platform add web --postman | --postman adds Postman's redirect URI to mobile-desktop only",
			"auth platform add mobile-desktop | Give at least one --redirect-uri URI (or --postman)",
			"auth platform add desktop --redirect-uri https://app.example | Unknown platform 'desktop': use one of mobile-desktop, web or spa.",
			"auth platform add --redirect-uri https://app.example | No platform given: use one of mobile-desktop, web or spa.",
			"auth public-client yes | is neither on nor off",
			"auth redirect remove | Give the redirect URI to remove",
			"auth show --app no-such-app | No application named 'no-such-app'" })
	void badInputExitsTwoWithOneLineAndChangesNothing(String line, String message) throws Exception {
		String appId = register();
		List<String> words = new ArrayList<>(List.of(line.split(" ")));
		if (!line.contains("--app")) {
			words.addAll(List.of("--app", appId));
		}
		byte[] before = Files.readAllBytes(this.state);

		TestShell.Result result = this.shell.run(words.toArray(String[]::new));

		assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
		assertThat(result.out()).isEmpty();
		assertThat(result.err().lines()).singleElement().asString().startsWith("Error: ").contains(message);
		assertThat(Files.readAllBytes(this.state)).as("no write").isEqualTo(before);
	}

	@Test
	void withoutAppAndWithoutSelectionTheCommandSaysHowToNameOne() {
		// A home of its own: registering in the other tests selects their apps.
		TestShell fresh = new TestShell(directory.resolve("home-without-selection"), "--sandbox-state",
				this.state.toString());
		assertThat(fresh.run("login").exitCode()).isZero();

		TestShell.Result result = fresh.run("auth", "show");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("No application selected: give --app");
	}

	@Test
	void helpOfEachCommandListsItsOptions() {
		assertThat(run("auth", "platform", "add", "--help").out()).contains("--redirect-uri", "--postman", "--app",
				"mobile-desktop|web|spa", "tutorial step 3");
		assertThat(run("auth", "show", "--help").out()).contains("--app", "tutorial step 3");
		assertThat(run("auth", "public-client", "--help").out()).contains("on|off", "--app");
		assertThat(run("auth", "redirect", "remove", "--help").out()).contains("URI", "--app");
	}

	@Test
	void graphRefusalExitsOneWithGraphsCodeAndRequestId() throws Exception {
		String appId = register();
		Path secretFile = directory.resolve("reader-secret.txt");
		String readerAppId = registerReadOnlyServicePrincipal(secretFile);
		TestShell reader = new TestShell(directory.resolve("reader-home"), "--sandbox-state", this.state.toString());
		assertThat(reader.run("login", "--service-principal", "--client-id", readerAppId, "--secret-file",
				secretFile.toString()).exitCode()).isZero();

		TestShell.Result refused = reader.run("auth", "public-client", "on", "--app", appId);

		assertThat(refused.exitCode()).as(refused.all()).isEqualTo(1);
		assertThat(refused.err().lines()).singleElement().asString()
			.startsWith("Error: Setting 'Allow public client flows' failed: Authorization_RequestDenied")
			.contains("(request-id: ");
		assertThat(stored(appId).path("isFallbackPublicClient").asBoolean()).isFalse();
	}

	/** An application allowed to read applications only (Graph's Application.Read.All app role, consented by the admin). */
	private String registerReadOnlyServicePrincipal(Path secretFile) throws Exception {
		try (ConnectionTarget target = new ConnectionTarget(true, this.state, AzureCloud.AzureCloud, null, null)) {
			SandboxAdmin admin = SandboxAdmin.signIn(target, directory.resolve("admin"));
			ResourceAccess readAll = new ResourceAccess();
			readAll.setId(UUID.fromString(SandboxDirectory.graphRole("Application.Read.All").orElseThrow().id()));
			readAll.setType("Role");
			RequiredResourceAccess graph = new RequiredResourceAccess();
			graph.setResourceAppId(SandboxDirectory.GRAPH_APP_ID);
			graph.setResourceAccess(List.of(readAll));
			Application reader = new Application();
			reader.setDisplayName("reader");
			reader.setRequiredResourceAccess(List.of(graph));
			Application created = admin.graph().client().applications().post(reader, GraphWrites.allowed());
			ServicePrincipal principal = new ServicePrincipal();
			principal.setAppId(created.getAppId());
			admin.graph().client().servicePrincipals().post(principal, GraphWrites.allowed());
			admin.grantAdminConsent(created.getAppId());
			Files.writeString(secretFile, admin.addSecret(created.getId()));
			return created.getAppId();
		}
	}

	/** Registers a new application through the shell and returns its client ID. */
	private String register() {
		TestShell.Result result = run("app", "register", "--name", "DICOM client " + (++this.registered), "--output",
				"json");
		return json(result).get("appId").asText();
	}

	private TestShell.Result run(String... words) {
		TestShell.Result result = this.shell.run(words);
		assertThat(result.exitCode()).as(String.join(" ", words) + ": " + result.all()).isZero();
		return result;
	}

	/** The application as the sandbox tenant stores it. */
	private JsonNode stored(String appId) {
		try (ConnectionTarget target = new ConnectionTarget(true, this.state, AzureCloud.AzureCloud, null, null)) {
			return SandboxInspector.of(target.sandbox()).tenant().applicationByAppId(appId).orElseThrow();
		}
	}

	private static List<String> fieldNames(JsonNode object) {
		List<String> names = new ArrayList<>();
		object.fieldNames().forEachRemaining(names::add);
		return names;
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach(node -> texts.add(node.asText()));
		return texts;
	}

	private static JsonNode json(TestShell.Result result) {
		try {
			return new ObjectMapper().readTree(result.out());
		}
		catch (Exception ex) {
			throw new AssertionError("not JSON: " + result.all(), ex);
		}
	}

}
