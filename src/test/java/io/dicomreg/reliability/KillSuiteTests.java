package io.dicomreg.reliability;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.DicomregApplication;
import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.support.SandboxAdmin;
import io.dicomreg.support.TestCertificates;
import io.dicomreg.support.TestShell;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every writing command, and a replayed walkthrough script, killed right after each of its Graph
 * writes: the sandbox's {@code kill} fault carries the write out, saves it, and ends the process at
 * once (status 137, as {@code kill -9} would) before anything is answered, so the command never
 * learns that its write happened and does nothing after it (no file, no selection, no rollback).
 * The same command run again must then succeed and leave the tenant exactly as one uninterrupted
 * run does: nothing duplicated, nothing lost, and a secret's value in its file, usable to sign in.
 * <p>
 * Each killed run is a separate JVM, as a user's process is; the uninterrupted runs and the reruns
 * run in this one. Each case works on its own copy of one prepared tenant and dicomreg home.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KillSuiteTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private Path directory;

	private Path base;

	private String removableKeyId;

	private String removableThumbprint;

	@BeforeAll
	void prepareOneTenantWithSomethingOfEveryKind(@TempDir Path directory) throws Exception {
		this.directory = directory;
		this.base = Files.createDirectories(directory.resolve("base"));
		TestShell shell = shell(this.base);
		Path removable = TestCertificates.selfSigned("remove me").writePem(this.base.resolve("remove-me.pem"));
		TestCertificates.selfSigned("kill upload").writePem(this.base.resolve("upload.pem"));
		Files.writeString(this.base.resolve("tutorial.dicomreg"), String.join("\n",
				"app register --name \"Kill script\" --unique-name kill-script",
				"auth platform add mobile-desktop --postman",
				"auth public-client on",
				"secret add --description postman --save-to ${DIR}/script-secret.txt --if-missing",
				"cert create --subject \"CN=kill script\" --out ${DIR}/script-cert --if-missing",
				"cert upload --file ${DIR}/script-cert.crt",
				"permission add-dicom", ""));
		for (String[] command : List.of(new String[] { "login" },
				new String[] { "app", "register", "--name", "kill victim", "--unique-name", "kill-victim" },
				new String[] { "app", "register", "--name", "kill base", "--unique-name", "kill-base" },
				new String[] { "auth", "platform", "add", "web", "--redirect-uri", "https://kill.example/remove-me" },
				new String[] { "cert", "upload", "--file", removable.toString() },
				new String[] { "permission", "add", "--resource-app", "Microsoft Graph", "--scope", "User.Read" })) {
			assertThat(shell.run(command).exitCode()).as(String.join(" ", command)).isZero();
		}
		TestShell.Result secret = shell.run("--output", "json", "secret", "add", "--description", "remove me",
				"--save-to", this.base.resolve("remove-me.txt").toString());
		assertThat(secret.exitCode()).as(secret.all()).isZero();
		this.removableKeyId = JSON.readTree(secret.out()).path("keyId").asText();
		JsonNode certificates = JSON.readTree(shell.run("--output", "json", "cert", "list").out());
		this.removableThumbprint = certificates.get(0).path("thumbprint").asText();
	}

	@TestFactory
	Stream<DynamicNode> killedAfterEachGraphWriteARerunConvergesWithNothingLost() {
		List<Scenario> scenarios = List.of(
				new Scenario("app register", dir -> List.of("app", "register", "--name", "Killed", "--unique-name", "killed")),
				new Scenario("auth platform add", dir -> List.of("auth", "platform", "add", "spa", "--redirect-uri",
						"https://kill.example/spa")),
				new Scenario("auth public-client", dir -> List.of("auth", "public-client", "on")),
				new Scenario("auth redirect remove", dir -> List.of("auth", "redirect", "remove",
						"https://kill.example/remove-me")),
				new Scenario("secret add --if-missing", dir -> List.of("secret", "add", "--description", "kill",
						"--save-to", dir.resolve("kill-secret.txt").toString(), "--if-missing"), "kill-secret.txt"),
				new Scenario("secret remove", dir -> List.of("secret", "remove", this.removableKeyId)),
				new Scenario("cert upload", dir -> List.of("cert", "upload", "--file", dir.resolve("upload.pem").toString())),
				new Scenario("cert remove", dir -> List.of("cert", "remove", this.removableThumbprint)),
				new Scenario("permission add-dicom", dir -> List.of("permission", "add-dicom")),
				new Scenario("permission add", dir -> List.of("permission", "add", "--resource-app", "Microsoft Graph",
						"--scope", "openid", "--scope", "profile")),
				new Scenario("permission remove", dir -> List.of("permission", "remove", "--resource-app",
						"Microsoft Graph", "--scope", "User.Read")),
				// A name that matches nothing may be a typo: deleting an application by it again is refused, in one line.
				new Scenario("app delete", dir -> List.of("app", "delete", "--app", "kill victim", "--yes"), List.of(),
						"No application named 'kill victim'"),
				new Scenario("script (a walkthrough's)", dir -> List.of("script", dir.resolve("tutorial.dicomreg").toString(),
						"--var", "DIR=" + dir), "script-secret.txt"));
		return scenarios.stream().map(this::container);
	}

	private DynamicContainer container(Scenario scenario) {
		try {
			Path whole = copy(scenario.name() + " whole");
			TestShell.Result result = shell(whole).run(scenario.words(whole).toArray(String[]::new));
			assertThat(result.exitCode()).as(scenario.name() + ": " + result.all()).isZero();
			int writes = graphWrites(whole);
			assertThat(writes).as(scenario.name() + " writes to Graph").isPositive();
			Map<String, Object> expected = snapshot(whole);
			List<DynamicTest> kills = new ArrayList<>();
			for (int write = 1; write <= writes; write++) {
				int killedAt = write;
				kills.add(DynamicTest.dynamicTest("killed after Graph write " + write + " of " + writes,
						() -> killAndRerun(scenario, killedAt, expected)));
			}
			return DynamicContainer.dynamicContainer(scenario.name(), kills);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void killAndRerun(Scenario scenario, int write, Map<String, Object> expected) throws Exception {
		Path dir = copy(scenario.name() + " killed at " + write);
		byte[] stateBefore = Files.readAllBytes(dir.resolve("tenant.json"));

		Process killed = new ProcessBuilder(killedRun(dir, write, scenario.words(dir)))
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.redirectOutput(dir.resolve("killed-out.txt").toFile())
			.redirectError(dir.resolve("killed-err.txt").toFile())
			.start();
		assertThat(killed.waitFor(120, TimeUnit.SECONDS)).as("the killed run ended").isTrue();
		String killedOutput = Files.readString(dir.resolve("killed-out.txt")) + Files.readString(dir.resolve("killed-err.txt"));
		assertThat(killed.exitValue()).as("killed at its Graph write %d: %s", write, killedOutput).isEqualTo(137);
		assertThat(graphWrites(dir)).as("Graph writes before the kill").isEqualTo(write);
		assertThat(Files.readAllBytes(dir.resolve("tenant.json"))).as("the killed write was saved").isNotEqualTo(stateBefore);

		TestShell.Result rerun = shell(dir).run(scenario.words(dir).toArray(String[]::new));

		if (scenario.rerunRefusal() == null) {
			assertThat(rerun.exitCode()).as("the rerun: " + rerun.all()).isZero();
		}
		else {
			assertThat(rerun.err().lines().filter(line -> !line.isBlank())).as("the rerun").singleElement().asString()
				.startsWith("Error: ").contains(scenario.rerunRefusal());
		}
		assertThat(rerun.all()).doesNotContain("Exception");
		assertThat(snapshot(dir)).as("the tenant after the rerun, against one uninterrupted run").isEqualTo(expected);
		for (String secretFile : scenario.secretFiles()) {
			signsInWith(dir, dir.resolve(secretFile));
		}
	}

	/** The secret in {@code file} is one the application has: an application signs in with it. */
	private void signsInWith(Path dir, Path file) throws Exception {
		assertThat(file).as("the secret's file").isRegularFile();
		String appId = JSON.readTree(shell(dir).run("--output", "json", "app", "ids").out()).path("appId").asText();
		// No service principal is made here: registering made it, and a rerun after a kill must have made it too.
		TestShell.Result login = new TestShell(dir.resolve("as-app"), "--sandbox-state", dir.resolve("tenant.json").toString())
			.run("login", "--service-principal", "--client-id", appId, "--secret-file", file.toString());
		assertThat(login.exitCode()).as("signing in with the secret in " + file + ": " + login.all()).isZero();
	}

	private List<String> killedRun(Path dir, int write, List<String> words) {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dspring.aot.enabled=true", "-Ddicomreg.home=" + dir.resolve("home"), "-cp",
				System.getProperty("java.class.path"), DicomregApplication.class.getName(), "--sandbox-state",
				dir.resolve("tenant.json").toString(), "--sandbox-log", dir.resolve("requests.log").toString(),
				"--sandbox-faults", "WRITE /v1.0/ kill skip=" + (write - 1)));
		command.addAll(words);
		return command;
	}

	private TestShell shell(Path dir) {
		return new TestShell(dir.resolve("home"), "--sandbox-state", dir.resolve("tenant.json").toString(), "--sandbox-log",
				dir.resolve("requests.log").toString());
	}

	private Path copy(String name) throws Exception {
		Path target = Files.createDirectories(this.directory.resolve(name.replaceAll("[^A-Za-z0-9-]+", "-")));
		try (Stream<Path> walk = Files.walk(this.base)) {
			for (Path source : walk.toList()) {
				Path copied = target.resolve(this.base.relativize(source).toString());
				if (source.getFileName().toString().equals("requests.log")) {
					continue;
				}
				if (Files.isDirectory(source)) {
					Files.createDirectories(copied);
				}
				else {
					Files.copy(source, copied);
				}
			}
		}
		// The session and the selected app belong to the state file by its path: this copy signs in to its own.
		for (String[] command : List.of(new String[] { "login" }, new String[] { "app", "use", "kill base" })) {
			assertThat(shell(target).run(command).exitCode()).as(String.join(" ", command)).isZero();
		}
		return target;
	}

	private static int graphWrites(Path dir) throws Exception {
		Path log = dir.resolve("requests.log");
		return Files.exists(log) ? (int) Files.readAllLines(log).stream().filter(line -> line.endsWith(" graph-write")).count() : 0;
	}

	/**
	 * What the tenant holds, without what differs from run to run (ids, key ids, dates, hints,
	 * the certificate a script makes anew): the applications by unique name, with their redirect
	 * URIs, client type, secrets by description, certificates by description and API permissions;
	 * service principals and grants by count.
	 */
	private static Map<String, Object> snapshot(Path dir) throws Exception {
		JsonNode state = JSON.readTree(dir.resolve("tenant.json").toFile());
		Map<String, Object> snapshot = new TreeMap<>();
		for (JsonNode entry : state.path("applications")) {
			JsonNode app = entry.path("object");
			Map<String, Object> shown = new TreeMap<>();
			shown.put("displayName", app.path("displayName").asText());
			shown.put("publicClient", app.path("isFallbackPublicClient").asText());
			for (String platform : List.of("web", "spa", "publicClient")) {
				shown.put(platform, sorted(app.path(platform).path("redirectUris"), JsonNode::asText));
			}
			shown.put("secrets", sorted(app.path("passwordCredentials"), secret -> secret.path("displayName").asText()));
			shown.put("certificates", sorted(app.path("keyCredentials"), key -> key.path("displayName").asText()));
			List<String> permissions = new ArrayList<>();
			for (JsonNode resource : app.path("requiredResourceAccess")) {
				for (JsonNode access : resource.path("resourceAccess")) {
					permissions.add(resource.path("resourceAppId").asText() + " " + access.path("id").asText() + " "
							+ access.path("type").asText());
				}
			}
			permissions.sort(null);
			shown.put("permissions", permissions);
			String key = app.path("uniqueName").asText(app.path("displayName").asText());
			assertThat(snapshot).as("one application per unique name").doesNotContainKey(key);
			snapshot.put(key, shown);
		}
		snapshot.put("servicePrincipals", state.path("servicePrincipals").size());
		snapshot.put("grants", state.path("oauth2PermissionGrants").size());
		return snapshot;
	}

	private static List<String> sorted(JsonNode array, Function<JsonNode, String> value) {
		List<String> values = new ArrayList<>();
		array.forEach(node -> values.add(value.apply(node)));
		values.sort(null);
		return values;
	}

	/**
	 * One writing command.
	 *
	 * @param name how the report names it
	 * @param command its words, in a case's folder
	 * @param secretFiles files (in the case's folder) that must hold a usable secret at the end
	 * @param rerunRefusal what the rerun's one-line error says instead of succeeding, or {@code null}
	 */
	private record Scenario(String name, Function<Path, List<String>> command, List<String> secretFiles,
			String rerunRefusal) {

		Scenario(String name, Function<Path, List<String>> command, String... secretFiles) {
			this(name, command, List.of(secretFiles), null);
		}

		List<String> words(Path dir) {
			return this.command.apply(dir);
		}

	}

}
