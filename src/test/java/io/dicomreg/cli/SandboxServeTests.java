package io.dicomreg.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IClientCredential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.DicomregApplication;
import io.dicomreg.support.TestCertificates;
import io.dicomreg.support.TestShell;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sandbox serve} as its own process on a fixed port, used by clients that know nothing of dicomreg: a plain JDK
 * HttpClient and MSAL4J trusting only the CA file it wrote get tokens by client credentials (secret and certificate)
 * and call Graph and the DICOM service; after a restart the same CA still validates the server.
 */
class SandboxServeTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path directory;

	@Test
	void clientsOfTheirOwnSignInAndCallGraphAndDicomAndTheCaSurvivesARestart() throws Exception {
		Path state = this.directory.resolve("tenant.json");
		TestShell shell = new TestShell(this.directory.resolve("home"), "--sandbox-state", state.toString());
		Path secretFile = this.directory.resolve("secret.txt");
		TestCertificates certificate = TestCertificates.selfSigned("served client");
		Path certificatePem = certificate.writePem(this.directory.resolve("client.pem"));
		for (String[] command : new String[][] { { "login" }, { "app", "register", "--name", "served client" },
				{ "secret", "add", "--save-to", secretFile.toString() },
				{ "cert", "upload", "--file", certificatePem.toString() },
				{ "permission", "add", "--resource-app", "Microsoft Graph", "--role", "Application.Read.All" },
				{ "permission", "grant" }, { "role", "assign", "--role", "reader", "--dicom", "dicom1" } }) {
			TestShell.Result result = shell.run(command);
			assertThat(result.exitCode()).as(String.join(" ", command) + ": " + result.all()).isZero();
		}
		String appId = JSON.readTree(shell.run("--output", "json", "app", "ids").out()).path("appId").asText();
		int port = freePort();
		Path ca = this.directory.resolve("ca.pem");

		Process server = serve(state, port, ca);
		try {
			JsonNode endpoints = endpoints(server);
			assertThat(endpoints.path("authority").asText())
				.isEqualTo("https://127.0.0.1:" + port + "/" + endpoints.path("tenantId").asText());
			SSLContext trust = trusting(ca);
			HttpClient http = HttpClient.newBuilder().sslContext(trust).build();
			assertThat(get(http, endpoints.path("authority").asText() + "/v2.0/.well-known/openid-configuration", null)
				.statusCode()).isEqualTo(200);

			String graphToken = token(endpoints, trust, appId,
					ClientCredentialFactory.createFromSecret(Files.readString(secretFile).strip()),
					"https://graph.microsoft.com/.default");
			HttpResponse<String> applications = get(http, endpoints.path("graph").asText() + "/applications?$top=5",
					graphToken);
			assertThat(applications.statusCode()).as(applications.body()).isEqualTo(200);
			assertThat(JSON.readTree(applications.body()).path("value")).isNotEmpty();

			String dicomToken = token(endpoints, trust, appId,
					ClientCredentialFactory.createFromCertificate(certificate.keyPair().getPrivate(), certificate.certificate()),
					"https://dicom.healthcareapis.azure.com/.default");
			String serviceUrl = endpoints.path("dicomServices").path("contosohealth/dicom1").asText();
			HttpResponse<String> studies = get(http, serviceUrl + "/v2/studies", dicomToken);
			assertThat(studies.statusCode()).as(studies.body()).isEqualTo(200);
			assertThat(JSON.readTree(studies.body()).get(0).has("0020000D")).isTrue();
		}
		finally {
			stop(server);
		}

		Path caAgain = this.directory.resolve("ca-again.pem");
		Process restarted = serve(state, port, caAgain);
		try {
			JsonNode endpoints = endpoints(restarted);
			assertThat(Files.readString(caAgain)).isEqualTo(Files.readString(ca));
			HttpClient http = HttpClient.newBuilder().sslContext(trusting(ca)).build();
			assertThat(get(http, endpoints.path("authority").asText() + "/v2.0/.well-known/openid-configuration", null)
				.statusCode()).isEqualTo(200);
		}
		finally {
			stop(restarted);
		}
	}

	@Test
	void dicomregWorksThroughTheServedTenantWhileItRuns() throws Exception {
		Path state = this.directory.resolve("tenant.json");
		assertThat(new TestShell(this.directory.resolve("setup"), "--sandbox-state", state.toString()).run("login")
			.exitCode()).isZero();
		int port = freePort();
		Process server = serve(state, port, this.directory.resolve("ca.pem"));
		try {
			endpoints(server);
			assertThat(state.resolveSibling("tenant.json.serve")).exists();
			TestShell shell = new TestShell(this.directory.resolve("home"), "--sandbox-state", state.toString());

			TestShell.Result login = shell.run("login");
			TestShell.Result register = shell.run("app", "register", "--name", "through the server");
			TestShell.Result whoami = shell.run("--output", "json", "whoami");

			assertThat(login.exitCode()).as(login.all()).isZero();
			assertThat(register.exitCode()).as(register.all()).isZero();
			assertThat(whoami.out()).contains("127.0.0.1:" + port);
		}
		finally {
			stop(server);
		}
		assertThat(state.resolveSibling("tenant.json.serve")).doesNotExist();
		assertThat(Files.readString(state)).contains("through the server");
	}

	private Process serve(Path state, int port, Path ca) throws Exception {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dspring.aot.enabled=true", "-Ddicomreg.home=" + this.directory.resolve("server-home"),
				"-cp", System.getProperty("java.class.path"), DicomregApplication.class.getName(), "--sandbox-state",
				state.toString(), "--output", "json", "sandbox", "serve", "--port", Integer.toString(port), "--ca-out",
				ca.toString()));
		return new ProcessBuilder(command).redirectError(this.directory.resolve("server.err").toFile()).start();
	}

	/** The endpoints the server prints as JSON, read from its output as soon as the object is complete. */
	private static JsonNode endpoints(Process server) throws Exception {
		BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
		StringBuilder text = new StringBuilder();
		String line;
		while ((line = out.readLine()) != null) {
			text.append(line).append('\n');
			if (line.equals("}")) {
				return JSON.readTree(text.toString());
			}
		}
		throw new AssertionError("sandbox serve ended without printing its endpoints: " + text);
	}

	private static void stop(Process server) throws Exception {
		server.destroy();
		assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("the server ends on SIGTERM").isTrue();
	}

	private static SSLContext trusting(Path caPem) throws Exception {
		X509Certificate ca;
		try (var in = Files.newInputStream(caPem)) {
			ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
		}
		KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
		store.load(null, null);
		store.setCertificateEntry("sandbox-ca", ca);
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(store);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, factory.getTrustManagers(), null);
		return context;
	}

	private static String token(JsonNode endpoints, SSLContext trust, String appId, IClientCredential credential,
			String scope) throws Exception {
		ConfidentialClientApplication app = ConfidentialClientApplication.builder(appId, credential)
			.authority(endpoints.path("authority").asText() + "/")
			.instanceDiscovery(false)
			.sslSocketFactory(trust.getSocketFactory())
			.build();
		return app.acquireToken(ClientCredentialParameters.builder(Set.of(scope)).build()).get(30, TimeUnit.SECONDS)
			.accessToken();
	}

	private static HttpResponse<String> get(HttpClient http, String url, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/dicom+json, application/json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
