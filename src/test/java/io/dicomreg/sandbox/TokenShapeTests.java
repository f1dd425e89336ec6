package io.dicomreg.sandbox;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.sandbox.crypto.Certificates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of the sandbox's tokens as Entra ID's: the JWKS with each key's certificate ({@code x5c}) and thumbprint
 * ({@code x5t}), stable across restarts; {@code kid} and {@code x5t} headers; the claims Entra puts in v1.0 access
 * tokens; random lifetimes of 60 to 90 minutes with {@code iat} and {@code nbf} five minutes back and
 * {@code expires_in} matching {@code exp}, through MSAL4J and plain HTTPS.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenShapeTests {

	private final MutableClock clock = new MutableClock();

	private Sandbox server;

	private ArmFixture.Daemon daemon;

	@BeforeAll
	void start() {
		this.server = Sandbox.start(null, this.clock);
		this.daemon = new ArmFixture(this.server).createDaemon("token shape daemon");
	}

	@AfterAll
	void stop() {
		this.server.close();
	}

	@Test
	void jwksKeyHasEntrasFieldsAndItsCertificateMatchesTheKey() throws Exception {
		for (String path : List.of("/discovery/v2.0/keys", "/discovery/keys")) {
			JsonNode keys = new SandboxHttp(this.server)
				.get(this.server.authorityHost() + "/" + this.server.tenantId() + path, null)
				.json();
			JsonNode key = keys.path("keys").get(0);
			List<String> fields = new ArrayList<>();
			key.fieldNames().forEachRemaining(fields::add);
			assertThat(fields).containsExactly("kty", "use", "kid", "x5t", "n", "e", "x5c", "issuer");
			assertThat(key.path("kty").asText()).isEqualTo("RSA");
			assertThat(key.path("use").asText()).isEqualTo("sig");
			assertThat(key.path("issuer").asText())
				.isEqualTo(this.server.authorityHost() + "/" + this.server.tenantId() + "/v2.0");
			X509Certificate certificate = Certificates.parseBase64(key.path("x5c").get(0).asText());
			String thumbprint = Base64.getUrlEncoder().withoutPadding()
				.encodeToString(MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()));
			assertThat(key.path("x5t").asText()).isEqualTo(thumbprint).hasSize(27);
			assertThat(key.path("kid").asText()).isEqualTo(thumbprint);
			certificate.verify(certificate.getPublicKey());
			// Nimbus refuses a JWK whose x5c does not hold the same public key as n and e.
			RSAKey jwk = (RSAKey) JWKSet.parse(keys.toString()).getKeys().get(0);
			assertThat(jwk.toRSAPublicKey()).isEqualTo(certificate.getPublicKey());
		}
	}

	@Test
	void accessTokenNamesItsKeyInKidAndX5tAndVerifiesWithTheJwksCertificate() throws Exception {
		IAuthenticationResult result = clientCredentials(Set.of("https://graph.microsoft.com/.default"));
		SignedJWT token = SignedJWT.parse(result.accessToken());
		JsonNode key = jwks().path("keys").get(0);
		assertThat(token.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
		assertThat(token.getHeader().getType().getType()).isEqualTo("JWT");
		assertThat(token.getHeader().getKeyID()).isEqualTo(key.path("kid").asText());
		assertThat(x5t(token)).isEqualTo(key.path("x5t").asText());
		X509Certificate certificate = Certificates.parseBase64(key.path("x5c").get(0).asText());
		assertThat(token.verify(new RSASSAVerifier((RSAPublicKey) certificate.getPublicKey())))
			.isTrue();
	}

	@Test
	void idTokenIsV2AndCarriesKidOnly() throws Exception {
		JsonNode response = SandboxTokens.deviceCode(this.server, SandboxDirectory.GRAPH_CLI_APP_ID,
				"https://graph.microsoft.com/User.Read");
		SignedJWT idToken = SignedJWT.parse(response.path("id_token").asText());
		assertThat(idToken.getHeader().getKeyID()).isEqualTo(jwks().path("keys").get(0).path("kid").asText());
		assertThat(x5t(idToken)).isNull();
		JWTClaimsSet claims = idToken.getJWTClaimsSet();
		Instant now = Instant.ofEpochSecond(this.clock.instant().getEpochSecond());
		assertThat(claims.getIssueTime().toInstant()).isEqualTo(now.minus(Duration.ofMinutes(5)));
		assertThat(claims.getNotBeforeTime()).isEqualTo(claims.getIssueTime());
		assertThat(claims.getExpirationTime().toInstant()).isEqualTo(now.plus(Duration.ofHours(1)));
		assertThat(claims.getStringClaim("aio")).isNotBlank();
		assertThat(claims.getStringClaim("rh")).isNotBlank();
		assertThat(claims.getStringClaim("uti")).isNotBlank();
	}

	@Test
	void appOnlyGraphTokenCarriesEntrasClaims() throws Exception {
		SignedJWT token = SignedJWT.parse(clientCredentials(Set.of("https://graph.microsoft.com/.default"))
			.accessToken());
		JWTClaimsSet claims = token.getJWTClaimsSet();
		assertThat(claims.getStringClaim("ver")).isEqualTo("1.0");
		assertThat(claims.getIssuer()).isEqualTo("https://sts.windows.net/" + this.server.tenantId() + "/");
		assertThat(claims.getStringClaim("idtyp")).isEqualTo("app");
		assertThat(claims.getStringClaim("app_displayname")).isEqualTo("token shape daemon");
		assertThat(claims.getStringClaim("appid")).isEqualTo(this.daemon.appId());
		assertThat(claims.getStringClaim("appidacr")).isEqualTo("1");
		assertThat(claims.getStringClaim("oid")).isEqualTo(this.daemon.servicePrincipalId());
		assertThat(claims.getSubject()).isEqualTo(this.daemon.servicePrincipalId());
		assertThat(claims.getStringClaim("idp")).isEqualTo(claims.getIssuer());
		assertThat(claims.getStringClaim("aio")).isNotBlank();
		assertThat(claims.getStringClaim("rh")).startsWith("1.").endsWith(".");
		assertThat(claims.getStringClaim("uti")).hasSize(22);
		assertThat(claims.getClaim("scp")).isNull();
		assertThat(claims.getClaim("wids")).isNull();
		Instant created = Instant.parse(new SandboxHttp(this.server)
			.get("/v1.0/organization", SandboxTokens.adminGraphToken(this.server)).json()
			.path("value").get(0).path("createdDateTime").asText());
		assertThat(claims.getClaim("xms_tcdt")).isInstanceOf(Number.class);
		assertThat(claims.getLongClaim("xms_tcdt")).isEqualTo(created.getEpochSecond());
		List<String> names = new ArrayList<>();
		new ObjectMapper().readTree(token.getPayload().toString()).fieldNames().forEachRemaining(names::add);
		assertThat(names.subList(0, 5)).containsExactly("aud", "iss", "iat", "nbf", "exp");
		assertThat(names.subList(5, names.size())).isSorted();
	}

	@Test
	void dicomTokensLeaveOutGraphsOwnClaims() throws Exception {
		JWTClaimsSet appOnly = SignedJWT.parse(clientCredentials(DicomTokens.DICOM_DEFAULT).accessToken())
			.getJWTClaimsSet();
		assertThat(appOnly.getAudience()).containsExactly(SandboxDirectory.DICOM_RESOURCE);
		assertThat(appOnly.getStringClaim("idtyp")).isEqualTo("app");
		assertThat(appOnly.getClaim("app_displayname")).isNull();
		assertThat(appOnly.getClaim("roles")).isNull();
		String userToken = SandboxTokens.delegated(this.server,
				SandboxDirectory.DICOM_RESOURCE + "/" + SandboxDirectory.DICOM_SCOPE);
		JWTClaimsSet delegated = SignedJWT.parse(userToken).getJWTClaimsSet();
		assertThat(delegated.getStringClaim("scp")).isEqualTo(SandboxDirectory.DICOM_SCOPE);
		assertThat(delegated.getClaim("idtyp")).isNull();
		assertThat(delegated.getClaim("app_displayname")).isNull();
		assertThat(delegated.getStringListClaim("wids"))
			.contains(SandboxDirectory.GLOBAL_ADMINISTRATOR_ROLE_TEMPLATE_ID);
		assertThat(delegated.getStringClaim("aio")).isNotBlank();
		assertThat(delegated.getStringClaim("rh")).isNotBlank();
		assertThat(delegated.getStringClaim("uti")).isNotBlank();
	}

	@Test
	void delegatedGraphTokenIsAUserTokenOfItsApplication() throws Exception {
		JWTClaimsSet claims = SignedJWT.parse(SandboxTokens.adminGraphToken(this.server)).getJWTClaimsSet();
		assertThat(claims.getStringClaim("idtyp")).isEqualTo("user");
		assertThat(claims.getStringClaim("app_displayname")).isEqualTo(SandboxDirectory.GRAPH_CLI_DISPLAY_NAME);
		assertThat(claims.getStringListClaim("wids")).containsExactlyInAnyOrder(
				SandboxDirectory.GLOBAL_ADMINISTRATOR_ROLE_TEMPLATE_ID, SandboxDirectory.USER_ROLE_TEMPLATE_ID);
		String memberToken = SandboxTokens.delegatedAs(this.server, this.server.memberUserPrincipalName(),
				"https://graph.microsoft.com/User.Read");
		assertThat(SignedJWT.parse(memberToken).getJWTClaimsSet().getStringListClaim("wids"))
			.containsExactly(SandboxDirectory.USER_ROLE_TEMPLATE_ID);
	}

	@Test
	void lifetimesAreRandomBetween60And90MinutesWithIatAndNbfFiveMinutesBack() throws Exception {
		Instant now = Instant.ofEpochSecond(this.clock.instant().getEpochSecond());
		Set<Long> lifetimes = new HashSet<>();
		for (int i = 0; i < 8; i++) {
			JsonNode response = SandboxTokens.clientSecret(this.server, this.daemon.appId(), this.daemon.secret(),
					"https://graph.microsoft.com/.default").json();
			JWTClaimsSet claims = SignedJWT.parse(response.path("access_token").asText()).getJWTClaimsSet();
			long expiresIn = response.path("expires_in").asLong();
			assertThat(response.path("expires_in").isIntegralNumber()).isTrue();
			assertThat(response.path("ext_expires_in").asLong()).isEqualTo(expiresIn);
			assertThat(expiresIn).isBetween(3600L, 5400L);
			assertThat(claims.getExpirationTime().toInstant()).isEqualTo(now.plusSeconds(expiresIn));
			assertThat(claims.getIssueTime().toInstant()).isEqualTo(now.minus(Duration.ofMinutes(5)));
			assertThat(claims.getNotBeforeTime()).isEqualTo(claims.getIssueTime());
			lifetimes.add(expiresIn);
		}
		assertThat(lifetimes).hasSizeGreaterThan(1);
	}

	@Test
	void msalCachesTheTokenUntilItsExp() throws Exception {
		long before = Instant.now().getEpochSecond();
		IAuthenticationResult result = clientCredentials(Set.of("https://graph.microsoft.com/.default"));
		long after = Instant.now().getEpochSecond();
		JWTClaimsSet claims = SignedJWT.parse(result.accessToken()).getJWTClaimsSet();
		long lifetime = claims.getExpirationTime().toInstant().getEpochSecond() - this.clock.instant().getEpochSecond();
		long cached = result.expiresOnDate().toInstant().getEpochSecond();
		assertThat(cached).isBetween(before + lifetime - 1, after + lifetime + 1);
	}

	@Test
	void certificateAndThumbprintStayTheSameAcrossRestarts(@TempDir Path directory) {
		Path stateFile = directory.resolve("tenant.json");
		JsonNode first;
		try (Sandbox sandbox = Sandbox.start(stateFile)) {
			first = keysOf(sandbox);
		}
		try (Sandbox again = Sandbox.start(stateFile); Sandbox other = Sandbox.start(null)) {
			JsonNode key = first.path("keys").get(0);
			JsonNode restarted = keysOf(again).path("keys").get(0);
			for (String field : List.of("kid", "x5t", "n", "e", "x5c")) {
				assertThat(restarted.path(field)).isEqualTo(key.path(field));
			}
			assertThat(keysOf(other).path("keys").get(0).path("x5t")).isNotEqualTo(key.path("x5t"));
		}
	}

	private IAuthenticationResult clientCredentials(Set<String> scopes) throws Exception {
		return MsalWireCompatibilityTests
			.confidentialClient(this.server, this.daemon.appId(), ClientCredentialFactory.createFromSecret(
					this.daemon.secret()))
			.acquireToken(ClientCredentialParameters.builder(scopes).skipCache(true).build())
			.get(30, TimeUnit.SECONDS);
	}

	private JsonNode jwks() {
		return keysOf(this.server);
	}

	private static JsonNode keysOf(Sandbox sandbox) {
		return new SandboxHttp(sandbox)
			.get(sandbox.authorityHost() + "/" + sandbox.tenantId() + "/discovery/v2.0/keys", null)
			.json();
	}

	@SuppressWarnings("deprecation")
	private static String x5t(SignedJWT token) {
		Base64URL thumbprint = token.getHeader().getX509CertThumbprint();
		return (thumbprint != null) ? thumbprint.toString() : null;
	}

}
