package io.dicomreg.verify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.graph.applications.item.removepassword.RemovePasswordPostRequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.config.Waiting;
import io.dicomreg.apps.ApiDirectory;
import io.dicomreg.apps.ConsentGateway;
import io.dicomreg.apps.ConsentRequest;
import io.dicomreg.apps.ConsentService;
import io.dicomreg.apps.PermissionService;
import io.dicomreg.apps.RegisteredApplication;
import io.dicomreg.apps.ServicePrincipalService;
import io.dicomreg.apps.ServicePrincipalsGateway;
import io.dicomreg.auth.ClientCredentials;
import io.dicomreg.auth.ClientTokens;
import io.dicomreg.auth.CredentialSource;
import io.dicomreg.auth.IssuedToken;
import io.dicomreg.azure.ArmClient;
import io.dicomreg.azure.AssigneeResolver;
import io.dicomreg.azure.DicomServiceDirectory;
import io.dicomreg.azure.RoleService;
import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.config.DryRun;
import io.dicomreg.sandbox.SandboxInspector;
import io.dicomreg.support.GraphWrites;
import io.dicomreg.support.SandboxAdmin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code verify} through the real MSAL4J, Graph SDK and HTTP clients against the sandbox, whose DICOM service speaks
 * DICOMweb: the whole chain ok, then each link removed in turn makes it fail at exactly that link, with its fix; and
 * a plain HTTP client reads the DICOMweb endpoint with the token verify gets.
 */
class VerifyServiceTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path home;

	private ConnectionTarget target;

	private SandboxAdmin admin;

	private RegisteredApplication app;

	private Path secretFile;

	private RoleService roles;

	private ClientTokens tokens;

	private final List<String> progress = new ArrayList<>();

	@BeforeEach
	void anAppAllowedOnTheDicomService() throws Exception {
		this.target = new ConnectionTarget(true, null, AzureCloud.AzureCloud, null, null);
		this.target.sandbox().setRoleEffectDelay(Duration.ZERO);
		this.admin = SandboxAdmin.signIn(this.target, this.home.resolve("admin"));
		this.app = this.admin.register("viewer");
		this.secretFile = Files.writeString(this.home.resolve("secret.txt"), this.admin.addSecret(this.app.objectId()));
		ApiDirectory directory = new ApiDirectory(this.admin.graph());
		PermissionService permissions = new PermissionService(this.admin.gateway(), directory);
		permissions.addDicomScope(this.app.ref(), "Dicom.ReadWrite", DryRun.off());
		ServicePrincipalService servicePrincipals = servicePrincipals();
		new ConsentService(permissions, directory, servicePrincipals, new ConsentGateway(this.admin.graph()))
			.grant(this.app.ref(), new ConsentRequest(null, null, null), DryRun.off());
		ArmClient arm = new ArmClient(this.target, this.admin.signInService());
		this.roles = new RoleService(arm, new DicomServiceDirectory(arm),
				new AssigneeResolver(this.admin.locator(), servicePrincipals, this.admin.graph()));
		this.tokens = new ClientTokens(this.target, new ClientCredentials(Map.<String, String>of()::get));
	}

	@AfterEach
	void close() {
		this.target.close();
	}

	@Test
	void theWholeChainHoldsAndNothingIsWritten() {
		assign("reader");
		SandboxInspector.of(this.target.sandbox()).clearRequests();

		Verification verification = verify(this.app, Duration.ZERO);

		assertThat(verification.ok()).isTrue();
		assertThat(verification.links()).extracting(link -> link.name() + ":" + link.status().word()).containsExactly(
				"Application:ok", "Service principal:ok", "Credential:ok", "Token for the DICOM service:ok",
				"DICOM role:ok", "DICOM service:ok");
		assertThat(verification.links().get(3).detail()).startsWith("aud https://dicom.healthcareapis.azure.com, appid "
				+ this.app.appId() + ", oid ");
		assertThat(SandboxInspector.of(this.target.sandbox()).requests())
			.noneMatch(request -> request.graphWrite() || request.armWrite() || !request.method().equals("GET")
					&& !request.path().endsWith("/token"));
	}

	@Test
	void noServicePrincipalFailsThere() throws Exception {
		RegisteredApplication bare = this.admin.registerWithoutServicePrincipal("bare");
		this.secretFile = Files.writeString(this.home.resolve("bare.txt"), this.admin.addSecret(bare.objectId()));

		Verification verification = verify(bare, Duration.ZERO);

		assertThat(verification.ok()).isFalse();
		assertThat(verification.links()).extracting(link -> link.name() + ":" + link.status().word()).containsExactly(
				"Application:ok", "Service principal:failed", "Credential:ok", "Token for the DICOM service:skipped",
				"DICOM role:skipped", "DICOM service:skipped");
		assertThat(link(verification, "Service principal").fix()).isEqualTo("app sp create --app " + bare.appId());
	}

	@Test
	void aRemovedSecretFailsAtTheCredential() {
		assign("reader");
		String keyId = SandboxInspector.of(this.target.sandbox()).tenant().applicationByAppId(this.app.appId()).orElseThrow()
			.path("passwordCredentials").get(0).path("keyId").asText();
		RemovePasswordPostRequestBody body = new RemovePasswordPostRequestBody();
		body.setKeyId(UUID.fromString(keyId));
		this.admin.graph().client().applications().byApplicationId(this.app.objectId()).removePassword()
			.post(body, GraphWrites.allowed());

		Verification verification = verify(this.app, Duration.ZERO);

		assertFailsAt(verification, "Credential", "secret add --app " + this.app.appId() + " --save-to FILE");
		assertThat(link(verification, "Credential").detail()).contains("is none of the secrets of 'viewer'");
	}

	@Test
	void noRoleFailsAtTheRoleAndTheServiceAnswers403() {
		Verification verification = verify(this.app, Duration.ZERO);

		assertThat(verification.ok()).isFalse();
		assertThat(link(verification, "DICOM role").status()).isEqualTo(Link.Status.FAILED);
		assertThat(link(verification, "DICOM role").fix()).startsWith("role assign --role reader --dicom contosohealth/dicom1");
		assertThat(link(verification, "DICOM service").detail()).startsWith("403 Authorization failed.: no DICOM role");
	}

	@Test
	void aRoleNotYetEffectiveSaysSoAndWaitingSeesItTakeEffect() {
		this.target.sandbox().setRoleEffectDelay(Duration.ofHours(1));
		assign("reader");

		Verification notYet = verify(this.app, Duration.ZERO);

		assertThat(link(notYet, "DICOM role").status()).isEqualTo(Link.Status.OK);
		assertFailsAt(notYet, "DICOM service", "verify again with --wait 10m");
		assertThat(link(notYet, "DICOM service").detail()).contains("the role is assigned but not effective yet");

		this.target.sandbox().setRoleEffectDelay(Duration.ofSeconds(2));
		Verification waited = verify(this.app, Duration.ofMinutes(1));

		assertThat(waited.ok()).isTrue();
		assertThat(this.progress).isNotEmpty().allMatch(line -> line.startsWith("The DICOM service answers 403: waiting "));
	}

	@Test
	void aTokenForAnotherAudienceFailsAtTheTokenAndTheServiceWouldAnswer401() throws Exception {
		assign("reader");
		ClientTokens graphTokens = new ClientTokens(this.target, new ClientCredentials(Map.<String, String>of()::get)) {

			@Override
			public IssuedToken asApplication(String clientId, String tenant, CredentialSource credential,
					java.util.function.Supplier<char[]> pfxPassword, String resource) {
				return super.asApplication(clientId, tenant, credential, pfxPassword, "https://graph.microsoft.com");
			}

		};

		Verification verification = service(graphTokens).verify(request(this.app, Duration.ZERO), () -> new char[0],
				line -> {
				});
		IssuedToken graphToken = graphTokens.asApplication(this.app.appId(), this.target.sandbox().tenantId(),
				CredentialSource.secretFile(this.secretFile), () -> new char[0], "ignored");
		DicomWebProbe.Answer answer = new DicomWebProbe(this.target).get(serviceUrl() + "/v2/studies", graphToken.value());

		assertFailsAt(verification, "Token for the DICOM service", "ask for https://dicom.healthcareapis.azure.com/.default "
				+ "(or /Dicom.ReadWrite for a user)");
		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.body()).isEmpty();
		assertThat(answer.challenge()).startsWith("Bearer authorization_uri=\"")
			.contains("resource_id=\"https://dicom.healthcareapis.azure.com\"")
			.contains("error=\"invalid_token\"")
			.contains("The audience");
	}

	@Test
	void aPlainHttpClientReadsQidoJsonWithTheTokenVerifyGets() throws Exception {
		assign("reader");
		IssuedToken token = this.tokens.asApplication(this.app.appId(), this.target.sandbox().tenantId(),
				CredentialSource.secretFile(this.secretFile), () -> new char[0], "https://dicom.healthcareapis.azure.com");
		HttpClient http = HttpClient.newBuilder().sslContext(this.target.endpoints().sslContext()).build();

		HttpResponse<String> studies = http.send(HttpRequest.newBuilder(URI.create(serviceUrl() + "/v2/studies"))
			.header("Authorization", "Bearer " + token.value())
			.header("Accept", "application/dicom+json")
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(studies.statusCode()).isEqualTo(200);
		assertThat(studies.headers().firstValue("Content-Type").orElse("")).startsWith("application/dicom+json");
		JsonNode results = JSON.readTree(studies.body());
		assertThat(results.isArray()).isTrue();
		assertThat(results).isNotEmpty().allSatisfy(study -> {
			assertThat(study.path("0020000D").path("vr").asText()).isEqualTo("UI");
			assertThat(study.path("0020000D").path("Value").get(0).asText()).matches("[0-9.]+");
		});
	}

	@Test
	void asAUserOfThePublicClientConsentAndTheUsersOwnRoleAreChecked() {
		com.microsoft.graph.models.Application patch = new com.microsoft.graph.models.Application();
		patch.setIsFallbackPublicClient(true);
		this.admin.graph().client().applications().byApplicationId(this.app.objectId()).patch(patch, GraphWrites.allowed());
		this.roles.assign("reader", "dicom1", "admin@contoso.onmicrosoft.com", DryRun.off());

		Verification verification = service(this.tokens).verify(new VerifyRequest(this.app.appId(), "dicom1", null, true,
				"v1", Duration.ZERO), () -> new char[0], line -> {
				});

		assertThat(verification.ok()).isTrue();
		assertThat(verification.links()).extracting(link -> link.name() + ":" + link.status().word()).containsExactly(
				"Application:ok", "Service principal:ok", "Credential:ok", "Token for the DICOM service:ok", "Consent:ok",
				"DICOM role:ok", "DICOM service:ok");
		assertThat(link(verification, "Consent").detail()).startsWith("Dicom.ReadWrite is in the token");
	}

	@Test
	void aCertificateTheAppHasSignsInAndOneItLacksFailsAtTheCredential() throws Exception {
		assign("reader");
		io.dicomreg.support.TestCertificates uploaded = io.dicomreg.support.TestCertificates.selfSigned("viewer");
		this.admin.addCertificate(this.app.objectId(), uploaded);
		Path pem = uploaded.writePem(this.home.resolve("viewer.pem"));
		Path other = io.dicomreg.support.TestCertificates.selfSigned("other").writePem(this.home.resolve("other.pem"));

		Verification signedIn = service(this.tokens).verify(new VerifyRequest(this.app.appId(), "dicom1",
				CredentialSource.certificate(pem, null), false, "v2", Duration.ZERO), () -> new char[0], line -> {
				});
		Verification unknown = service(this.tokens).verify(new VerifyRequest(this.app.appId(), "dicom1",
				CredentialSource.certificate(other, null), false, "v2", Duration.ZERO), () -> new char[0], line -> {
				});

		assertThat(signedIn.ok()).isTrue();
		assertThat(link(signedIn, "Credential").detail()).startsWith("certificate ");
		assertFailsAt(unknown, "Credential", "cert upload --app " + this.app.appId() + " --file FILE");
	}

	@Test
	void asAUserWithoutConsentFailsAtConsent() {
		com.microsoft.graph.models.Application patch = new com.microsoft.graph.models.Application();
		patch.setIsFallbackPublicClient(true);
		RegisteredApplication unconsented = this.admin.register("unconsented");
		this.admin.graph().client().applications().byApplicationId(unconsented.objectId()).patch(patch,
				GraphWrites.allowed());

		Verification verification = service(this.tokens).verify(new VerifyRequest(unconsented.appId(), "dicom1", null,
				true, "v2", Duration.ZERO), () -> new char[0], line -> {
				});

		assertThat(verification.ok()).isFalse();
		assertThat(link(verification, "Consent").status()).isEqualTo(Link.Status.FAILED);
		assertThat(link(verification, "Consent").fix()).isEqualTo("permission grant --app " + unconsented.appId()
				+ " --scope Dicom.ReadWrite");
		assertThat(link(verification, "Token for the DICOM service").detail()).contains("AADSTS65001");
	}

	private void assign(String role) {
		this.roles.assign(role, "dicom1", this.app.appId(), DryRun.off());
	}

	private Verification verify(RegisteredApplication app, Duration wait) {
		return service(this.tokens).verify(request(app, wait), () -> new char[0], line -> {
		});
	}

	private VerifyRequest request(RegisteredApplication app, Duration wait) {
		return new VerifyRequest(app.appId(), "dicom1", CredentialSource.secretFile(this.secretFile), false, "v2", wait);
	}

	private VerifyService service(ClientTokens tokens) {
		ClientCredentials credentials = new ClientCredentials(Map.<String, String>of()::get);
		return new VerifyService(this.admin.locator(), this.admin.applications(), this.roles, this.admin.signInService(),
				tokens, credentials, new DicomWebProbe(this.target), new FastWaiting(), this.progress::add);
	}

	private ServicePrincipalService servicePrincipals() {
		return new ServicePrincipalService(new ServicePrincipalsGateway(this.admin.graph()),
				Waiting.realTime(), line -> {
				});
	}

	private String serviceUrl() {
		return SandboxInspector.of(this.target.sandbox()).azure()
			.serviceUrl(SandboxInspector.of(this.target.sandbox()).azure().dicomService());
	}

	private static Link link(Verification verification, String name) {
		return verification.links().stream().filter(link -> link.name().equals(name)).findFirst().orElseThrow();
	}

	private static void assertFailsAt(Verification verification, String name, String fix) {
		assertThat(verification.ok()).isFalse();
		List<Link> links = verification.links();
		int at = links.indexOf(link(verification, name));
		assertThat(links.subList(0, at)).allMatch(link -> link.status() == Link.Status.OK);
		assertThat(links.get(at).status()).isEqualTo(Link.Status.FAILED);
		assertThat(links.get(at).fix()).isEqualTo(fix);
		assertThat(links.subList(at + 1, links.size())).allMatch(link -> link.status() == Link.Status.SKIPPED);
	}

	/** Real time, with pauses of at most half a second: the sandbox's delay is real time too. */
	private static final class FastWaiting implements Waiting {

		@Override
		public Clock clock() {
			return Clock.systemUTC();
		}

		@Override
		public void pause(Duration duration) {
			try {
				Thread.sleep(Math.min(500, duration.toMillis()));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
