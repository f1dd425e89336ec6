package io.dicomreg.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every token consumer of the sandbox (Graph, Azure Resource Manager, the DICOM service) refuses a token whose
 * {@code nbf} is still ahead as not yet valid, not as expired, and allows five minutes of clock skew, as ASP.NET's
 * bearer handler does. The tokens are the sandbox's own, re-signed with their times moved.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotYetValidTokenTests {

	private static final DateTimeFormatter INVARIANT = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss", Locale.US)
		.withZone(ZoneOffset.UTC);

	private final MutableClock clock = new MutableClock();

	private Sandbox server;

	private SandboxHttp http;

	private ArmFixture arm;

	@BeforeAll
	void start() {
		this.server = Sandbox.start(null, this.clock);
		this.http = new SandboxHttp(this.server);
		this.arm = new ArmFixture(this.server);
	}

	@AfterAll
	void stop() {
		this.server.close();
	}

	@Test
	void graphRefusesATokenNotYetValidAndAllowsFiveMinutesOfSkew() throws Exception {
		String token = SandboxTokens.adminGraphToken(this.server);
		SandboxHttp.Response early = this.http.get("/v1.0/applications", startingIn(token, Duration.ofMinutes(6)));
		GraphApplicationsTests.assertGraphError(early, 401, "InvalidAuthenticationToken",
				"Lifetime validation failed, the token is not yet valid.");
		assertThat(early.header("WWW-Authenticate")).startsWith("Bearer realm=\"\"");
		assertThat(this.http.get("/v1.0/applications", startingIn(token, Duration.ofMinutes(4))).status())
			.isEqualTo(200);
	}

	@Test
	void resourceManagerRefusesATokenNotYetValidWithBothTimes() throws Exception {
		String token = this.arm.adminToken();
		String early = startingIn(token, Duration.ofMinutes(6));
		Instant notBefore = SignedJWT.parse(early).getJWTClaimsSet().getNotBeforeTime().toInstant();
		SandboxHttp.Response response = this.http.get("/subscriptions?" + ArmFixture.RESOURCES_API, early);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.errorCode()).isEqualTo("InvalidAuthenticationToken");
		DateTimeFormatter dotnet = DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US).withZone(ZoneOffset.UTC);
		assertThat(response.errorMessage()).isEqualTo("The access token is not yet valid. Its not-before UTC time '"
				+ dotnet.format(notBefore) + "' is later than current UTC time '" + dotnet.format(this.clock.instant())
				+ "'.");
		assertThat(response.header("WWW-Authenticate")).contains("error=\"invalid_token\"")
			.contains("error_description=\"The access token is not yet valid.");
		assertThat(this.http.get("/subscriptions?" + ArmFixture.RESOURCES_API,
				startingIn(token, Duration.ofMinutes(4))).status()).isEqualTo(200);
	}

	@Test
	void dicomServiceRefusesATokenNotYetValidWithItsNotBefore() throws Exception {
		ArmFixture.Daemon daemon = this.arm.createDaemon("early reader");
		SandboxInspector.of(this.server).dicom().assignDataReader(daemon.servicePrincipalId(), "ServicePrincipal");
		String token = DicomTokens.application(this.server, daemon.appId(), daemon.secret());
		String early = startingIn(token, Duration.ofMinutes(6));
		Instant notBefore = SignedJWT.parse(early).getJWTClaimsSet().getNotBeforeTime().toInstant();
		DicomWebClient dicom = new DicomWebClient(this.server, SandboxInspector.of(this.server).dicom().serviceUrl(),
				early);
		SandboxHttp.Response response = dicom.get("/v2/studies");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).endsWith("error=\"invalid_token\", error_description=\"The "
				+ "token is not valid before '" + INVARIANT.format(notBefore) + "'\"");
		assertThat(dicom.withToken(startingIn(token, Duration.ofMinutes(4))).get("/v2/studies").status())
			.isEqualTo(200);
	}

	@Test
	void aTokenJustIssuedIsValidEvenForAServiceWhoseClockIsBehind() throws Exception {
		String token = SandboxTokens.adminGraphToken(this.server);
		JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
		assertThat(claims.getNotBeforeTime().toInstant()).isBefore(this.clock.instant());
		assertThat(this.http.get("/v1.0/applications", token).status()).isEqualTo(200);
	}

	/**
	 * The token with the same claims, valid from {@code delay} after the sandbox's now for an hour, signed again
	 * with the tenant's key.
	 */
	private String startingIn(String token, Duration delay) throws Exception {
		Instant notBefore = this.clock.instant().plus(delay);
		JWTClaimsSet claims = new JWTClaimsSet.Builder(SignedJWT.parse(token).getJWTClaimsSet())
			.issueTime(Date.from(notBefore))
			.notBeforeTime(Date.from(notBefore))
			.expirationTime(Date.from(notBefore.plus(Duration.ofHours(1))))
			.build();
		return DicomTokens.signed(this.server, claims);
	}

}
