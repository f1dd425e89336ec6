package io.dicomreg.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static io.dicomreg.sandbox.DicomWebTests.assertText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Who may use the DICOMweb API, over HTTPS with tokens from MSAL4J: the 401 challenge of the service's bearer
 * authentication for a missing, foreign, expired or forged token; 403 "Authorization failed." unless a DICOM data
 * role covers the service (control-plane Owner does not), a Reader may not store, and a role works only after the
 * sandbox's role effect delay; routes, versions and media types answered before the token is looked at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DicomWebAuthTests {

	private static final DateTimeFormatter INVARIANT = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private final MutableClock clock = new MutableClock();

	private Sandbox server;

	private ArmFixture arm;

	private SandboxDicom sandboxDicom;

	private String challenge;

	@BeforeAll
	void setUp() {
		this.server = Sandbox.start(null, this.clock);
		this.arm = new ArmFixture(this.server);
		this.sandboxDicom = SandboxInspector.of(this.server).dicom();
		this.challenge = "Bearer authorization_uri=\"" + this.server.authorityHost() + "/" + this.server.tenantId()
				+ "\", resource_id=\"https://dicom.healthcareapis.azure.com\", realm=\"https://dicom.healthcareapis.azure.com\"";
	}

	@AfterEach
	void noDelay() {
		this.server.setRoleEffectDelay(Duration.ZERO);
	}

	@AfterAll
	void tearDown() {
		this.server.close();
	}

	@Test
	void requestWithoutATokenGetsTheBareChallengeAndNoBody() {
		SandboxHttp.Response response = client(null).get("/v2/studies");

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).isEqualTo(this.challenge);
		assertThat(response.text()).isEmpty();
		assertThat(response.header("api-supported-versions")).isEqualTo("1.0-prerelease, 1, 2");
		SandboxHttp http = new SandboxHttp(this.server);
		SandboxHttp.Response notBearer = http.send(http.builder(this.sandboxDicom.baseUrl("v2") + "/changefeed", null)
			.header("Authorization", "Basic YWRtaW46YWRtaW4="));
		assertThat(notBearer.status()).isEqualTo(401);
		assertThat(notBearer.header("WWW-Authenticate")).isEqualTo(this.challenge);
	}

	@Test
	void tokensForGraphOrArmAreRefusedForTheirAudience() {
		ArmFixture.Daemon daemon = this.arm.createDaemon("graph caller");
		this.sandboxDicom.assignDataOwner(daemon.servicePrincipalId(), "ServicePrincipal");
		String graph = DicomTokens.application(this.server, daemon.appId(), daemon.secret(),
				Set.of("https://graph.microsoft.com/.default"));

		assertInvalidToken(client(graph).get("/v2/studies"), "The audience 'https://graph.microsoft.com' is invalid");
		assertInvalidToken(client(this.arm.adminToken()).get("/v2/changefeed"),
				"The audience 'https://management.azure.com' is invalid");
	}

	@Test
	void expiredTokenIsRefusedWithItsExpiry() throws Exception {
		MutableClock ownClock = new MutableClock();
		try (Sandbox timed = Sandbox.start(null, ownClock)) {
			ArmFixture.Daemon daemon = new ArmFixture(timed).createDaemon("late reader");
			SandboxInspector.of(timed).dicom().assignDataReader(daemon.servicePrincipalId(), "ServicePrincipal");
			String token = DicomTokens.application(timed, daemon.appId(), daemon.secret());
			Instant expires = MsalWireCompatibilityTests.claims(token).getExpirationTime().toInstant();
			DicomWebClient dicom = new DicomWebClient(timed, SandboxInspector.of(timed).dicom().serviceUrl(), token);
			assertThat(dicom.get("/v2/studies").status()).isEqualTo(200);

			ownClock.advance(Duration.ofMinutes(96));

			SandboxHttp.Response response = dicom.get("/v2/studies");
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer authorization_uri=\"" + timed.authorityHost()
					+ "/" + timed.tenantId() + "\", resource_id=\"https://dicom.healthcareapis.azure.com\", realm=\""
					+ "https://dicom.healthcareapis.azure.com\", error=\"invalid_token\", error_description=\"The token "
					+ "expired at '" + INVARIANT.format(expires) + "'\"");
			assertThat(response.text()).isEmpty();
		}
	}

	@Test
	void forgedOrForeignTokensFailTheSignature() {
		ArmFixture.Daemon daemon = this.arm.createDaemon("forger");
		String token = DicomTokens.application(this.server, daemon.appId(), daemon.secret());
		String[] parts = token.split("\\.");
		String tampered = parts[0] + "." + parts[1] + "." + ((parts[2].charAt(0) == 'A') ? "B" : "A")
				+ parts[2].substring(1);

		assertInvalidToken(client(tampered).get("/v2/studies"), "The signature is invalid");
		try (Sandbox other = Sandbox.start(null)) {
			assertInvalidToken(client(ArmTokens.admin(other)).get("/v2/studies"), "The signature key was not found");
		}
		SandboxHttp.Response garbage = client("not-a-jwt").get("/v2/studies");
		assertThat(garbage.status()).isEqualTo(401);
		assertThat(garbage.header("WWW-Authenticate")).isEqualTo(this.challenge + ", error=\"invalid_token\"");
	}

	@Test
	void issuerAudienceAndLifetimeAreCheckedAsTheBearerHandlerDoes() {
		ArmFixture.Daemon daemon = this.arm.createDaemon("crafted");
		this.sandboxDicom.assignDataReader(daemon.servicePrincipalId(), "ServicePrincipal");
		Instant now = this.clock.instant();
		String v1Issuer = "https://sts.windows.net/" + this.server.tenantId() + "/";

		String slash = crafted(daemon, "https://dicom.healthcareapis.azure.com/", v1Issuer, now, now.plusSeconds(600));
		assertThat(client(slash).get("/v2/studies").status()).isEqualTo(200);
		String v2 = crafted(daemon, "https://dicom.healthcareapis.azure.com",
				this.server.authorityHost() + "/" + this.server.tenantId() + "/v2.0", now, now.plusSeconds(600));
		assertThat(client(v2).get("/v2/studies").status()).isEqualTo(200);
		String otherIssuer = "https://sts.windows.net/" + UUID.randomUUID() + "/";
		String foreign = crafted(daemon, "https://dicom.healthcareapis.azure.com", otherIssuer, now,
				now.plusSeconds(600));
		assertInvalidToken(client(foreign).get("/v2/studies"), "The issuer '" + otherIssuer + "' is invalid");
		Instant later = now.plus(Duration.ofHours(1));
		String early = crafted(daemon, "https://dicom.healthcareapis.azure.com", v1Issuer, later,
				later.plusSeconds(600));
		assertInvalidToken(client(early).get("/v2/studies"), "The token is not valid before '"
				+ INVARIANT.format(later) + "'");
		String endless = crafted(daemon, "https://dicom.healthcareapis.azure.com", v1Issuer, now, null);
		assertInvalidToken(client(endless).get("/v2/studies"), "The token has no expiration");
	}

	@Test
	void readerMayReadButNotStore() {
		ArmFixture.Daemon reader = this.arm.createDaemon("reader");
		assertThat(this.arm.assign(this.arm.dicomScope(), ArmFixture.newName(),
				SandboxDirectory.DICOM_DATA_READER_ROLE_ID, reader.servicePrincipalId(), "ServicePrincipal").status())
			.isEqualTo(201);
		DicomWebClient dicom = client(DicomTokens.application(this.server, reader.appId(), reader.secret()));

		assertThat(dicom.get("/v2/studies").status()).isEqualTo(200);
		assertThat(dicom.get("/v1/changefeed").status()).isEqualTo(200);
		assertThat(dicom.get("/v2/studies/" + this.sandboxDicom.studyInstanceUids().get(0) + "/metadata").status())
			.isEqualTo(200);
		String boundary = "b" + UUID.randomUUID();
		SandboxHttp.Response store = dicom.store("/v2/studies",
				"multipart/related; type=\"application/dicom\"; boundary=" + boundary,
				DicomFiles.multipart(boundary, DicomFiles.part10(DicomFiles.newUid(), DicomFiles.newUid(),
						DicomFiles.newUid(), "P1", "Reader^Refused")));
		assertText(store, 403, "Authorization failed.");
		assertThat(this.sandboxDicom.storedInstances()).isEmpty();
	}

	@Test
	void withoutADataRoleEvenTheSubscriptionsOwnerIsForbidden() {
		ArmFixture.Daemon owner = this.arm.createDaemon("control plane owner");
		assertThat(this.arm.assign(this.arm.subscriptionScope(), ArmFixture.newName(), SandboxDirectory.OWNER_ROLE_ID,
				owner.servicePrincipalId(), "ServicePrincipal").status()).isEqualTo(201);
		ArmFixture.Daemon nobody = this.arm.createDaemon("no role");

		assertThat(this.arm.http().get(this.arm.dicomScope() + "?" + ArmFixture.HEALTHCARE_API, owner.armToken())
			.status()).isEqualTo(200);
		assertText(client(DicomTokens.application(this.server, owner.appId(), owner.secret())).get("/v2/studies"), 403,
				"Authorization failed.");
		assertText(client(DicomTokens.application(this.server, nobody.appId(), nobody.secret())).get("/v2/changefeed"),
				403, "Authorization failed.");
	}

	@Test
	void aDataRoleAboveTheServiceCoversIt() {
		ArmFixture.Daemon daemon = this.arm.createDaemon("resource group reader");
		assertThat(this.arm.assign(this.arm.resourceGroupScope(), ArmFixture.newName(),
				SandboxDirectory.DICOM_DATA_READER_ROLE_ID, daemon.servicePrincipalId(), "ServicePrincipal").status())
			.isEqualTo(201);

		assertThat(client(DicomTokens.application(this.server, daemon.appId(), daemon.secret())).get("/v2/studies")
			.status()).isEqualTo(200);
	}

	@Test
	void signedInAdministratorNeedsADataRoleToo() {
		String appId = DicomTokens.consentedPublicClient(new GraphFixture(this.server), "dicom viewer");
		String token = DicomTokens.delegated(this.server, appId, this.server.adminUserPrincipalName());
		DicomWebClient dicom = client(token);

		assertText(dicom.get("/v2/studies"), 403, "Authorization failed.");
		assertThat(this.arm.assign(this.arm.workspaceScope(), ArmFixture.newName(),
				SandboxDirectory.DICOM_DATA_OWNER_ROLE_ID, this.arm.adminObjectId(), "User").status()).isEqualTo(201);
		assertThat(dicom.get("/v2/studies").status()).isEqualTo(200);
	}

	@Test
	void aRoleTakesEffectOnlyAfterTheDelay() {
		this.server.setRoleEffectDelay(Duration.ofSeconds(30));
		ArmFixture.Daemon daemon = this.arm.createDaemon("patient reader");
		DicomWebClient dicom = client(DicomTokens.application(this.server, daemon.appId(), daemon.secret()));
		assertThat(this.arm.assign(this.arm.dicomScope(), ArmFixture.newName(),
				SandboxDirectory.DICOM_DATA_READER_ROLE_ID, daemon.servicePrincipalId(), "ServicePrincipal").status())
			.isEqualTo(201);

		assertText(dicom.get("/v2/studies"), 403, "Authorization failed.");
		this.clock.advance(Duration.ofSeconds(29));
		assertText(dicom.get("/v2/changefeed"), 403, "Authorization failed.");
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(dicom.get("/v2/studies").status()).isEqualTo(200);
		assertThat(dicom.get("/v2/changefeed").status()).isEqualTo(200);
	}

	@Test
	void routesVersionsAndMediaTypesAreAnsweredBeforeTheToken() {
		DicomWebClient anonymous = client(null);
		SandboxHttp.Response unversioned = anonymous.get("/studies");
		assertThat(unversioned.status()).isEqualTo(404);
		assertThat(unversioned.text()).isEmpty();
		assertThat(anonymous.get("").status()).isEqualTo(404);
		assertThat(anonymous.get("/v2/nothing").status()).isEqualTo(404);
		assertThat(anonymous.get("/vfoo/studies").status()).isEqualTo(404);
		SandboxHttp.Response v3 = anonymous.get("/v3/studies");
		assertThat(v3.status()).isEqualTo(400);
		assertThat(v3.json().path("error").path("code").asText()).isEqualTo("UnsupportedApiVersion");
		assertThat(v3.json().path("error").path("message").asText()).isEqualTo("The HTTP resource that matches the "
				+ "request URI '" + this.sandboxDicom.serviceUrl() + "/v3/studies' does not support the API version '3'.");
		SandboxHttp.Response put = anonymous.send("/v2/studies", "PUT", null, null, new byte[0]);
		assertThat(put.status()).isEqualTo(405);
		assertThat(put.header("Allow")).isEqualTo("GET, POST");
		assertThat(anonymous.store("/v2/studies", "application/json", new byte[] { '{', '}' }).status())
			.isEqualTo(415);
		assertText(new DicomWebClient(this.server, this.server.authorityHost() + "/dicom/contosohealth-nothere", null)
			.get("/v2/studies"), 404, "The sandbox has no DICOM service 'contosohealth-nothere'.");
	}

	@Test
	void everyVersionFormAndRouteTheServiceHasIsServed() {
		ArmFixture.Daemon daemon = this.arm.createDaemon("versions");
		this.sandboxDicom.assignDataReader(daemon.servicePrincipalId(), "ServicePrincipal");
		DicomWebClient dicom = client(DicomTokens.application(this.server, daemon.appId(), daemon.secret()));

		assertThat(dicom.get("/v1.0-prerelease/studies").status()).isEqualTo(200);
		assertThat(dicom.get("/v2.0/Studies/").status()).isEqualTo(200);
		assertThat(dicom.get("/v1/changefeed/latest").status()).isEqualTo(200);
		assertText(dicom.get("/v2/partitions"), 400, "Data partitions feature is disabled.");
		assertText(dicom.get("/v2/studies/" + this.sandboxDicom.studyInstanceUids().get(0)), 501,
				"The sandbox does not emulate GET /v2/studies/" + this.sandboxDicom.studyInstanceUids().get(0)
						+ " of the DICOM service.");
		assertThat(SandboxInspector.of(this.server).requests())
			.anyMatch((r) -> r.path().endsWith("/dicom/contosohealth-dicom1/v1/changefeed/latest") && r.status() == 200
					&& !r.dicomWrite());
	}

	@Test
	void theEntryPointNamesServiceUrlsAndRefusesANegativeDelay() {
		assertThat(this.server.dicomServiceUrl(SandboxDirectory.WORKSPACE, SandboxDirectory.DICOM_SERVICE).toString())
			.isEqualTo(this.sandboxDicom.serviceUrl())
			.isEqualTo(this.server.authorityHost() + "/dicom/contosohealth-dicom1");
		assertThatIllegalArgumentException().isThrownBy(() -> this.server.setRoleEffectDelay(Duration.ofSeconds(-1)))
			.withMessage("The role effect delay must be zero or more, not PT-1S.");
	}

	private DicomWebClient client(String token) {
		return new DicomWebClient(this.server, this.sandboxDicom.serviceUrl(), token);
	}

	private String crafted(ArmFixture.Daemon daemon, String audience, String issuer, Instant notBefore,
			Instant expires) {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().audience(audience)
			.issuer(issuer)
			.notBeforeTime(Date.from(notBefore))
			.issueTime(Date.from(notBefore))
			.claim("oid", daemon.servicePrincipalId())
			.claim("tid", this.server.tenantId())
			.claim("appid", daemon.appId());
		if (expires != null) {
			claims.expirationTime(Date.from(expires));
		}
		return DicomTokens.signed(this.server, claims.build());
	}

	private void assertInvalidToken(SandboxHttp.Response response, String description) {
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.text()).isEmpty();
		assertThat(response.header("WWW-Authenticate")).isEqualTo(this.challenge
				+ ", error=\"invalid_token\", error_description=\"" + description + "\"");
	}

}
