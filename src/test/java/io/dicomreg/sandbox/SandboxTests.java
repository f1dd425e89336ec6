package io.dicomreg.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dicomreg.sandbox.http.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The server itself: its addresses, the request log, and injected faults.
 */
@ExtendWith(SandboxExtension.class)
class SandboxTests {

	@Test
	void serverListensOnLoopbackOverHttps(Sandbox server) {
		assertThat(server.authorityHost().getScheme()).isEqualTo("https");
		assertThat(server.authorityHost().getHost()).isEqualTo("127.0.0.1");
		assertThat(server.graphEndpoint()).isEqualTo(server.authorityHost());
		assertThat(server.tenantId()).matches("[0-9a-f-]{36}");
	}

	@Test
	void serverPresentsAnEcP256CertificateIssuedByTheCaThatOnlyItsClientContextTrusts(Sandbox server) throws Exception {
		URI openIdConfiguration = server.authorityHost().resolve("/" + server.tenantId() + "/v2.0/.well-known/openid-configuration");
		HttpRequest request = HttpRequest.newBuilder(openIdConfiguration).timeout(Duration.ofSeconds(10)).build();

		HttpResponse<String> trusted = HttpClient.newBuilder().sslContext(server.clientSslContext()).build()
			.send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(trusted.statusCode()).isEqualTo(200);
		java.security.cert.Certificate[] chain = trusted.sslSession().orElseThrow().getPeerCertificates();
		X509Certificate presented = (X509Certificate) chain[0];
		X509Certificate authority = server.clientTrustManager().getAcceptedIssuers()[0];
		// The server's certificate is issued by the CA kept with the tenant, the one thing clients trust.
		assertThat(chain).hasSize(2);
		assertThat(chain[1]).isEqualTo(authority);
		assertThat(presented.getIssuerX500Principal()).isEqualTo(authority.getSubjectX500Principal());
		presented.verify(authority.getPublicKey());
		assertThat(authority.getBasicConstraints()).isZero();
		assertThat(presented.getPublicKey()).isInstanceOf(ECPublicKey.class);
		assertThat(((ECPublicKey) presented.getPublicKey()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
		assertThat(presented.getSigAlgName()).isEqualTo("SHA256withECDSA");
		assertThat(presented.getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1))))
			.containsExactlyInAnyOrder("127.0.0.1", "localhost");
		assertThatThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()))
			.isInstanceOf(SSLHandshakeException.class);
	}

	@Test
	void requestLogRecordsPathStatusAndGraphWrites(Sandbox server) {
		String token = SandboxTokens.adminGraphToken(server);
		SandboxHttp http = new SandboxHttp(server);
		SandboxInspector.of(server).clearRequests();
		http.get("/v1.0/applications?$top=1", token);
		http.post("/v1.0/applications", token, Map.of("displayName", "logged"));
		http.post("/v1.0/applications", token, Map.of("displayName", ""));
		assertThat(SandboxInspector.of(server).requests()).containsExactly(
				new RecordedRequest("GET", "/v1.0/applications?$top=1", 200, false),
				new RecordedRequest("POST", "/v1.0/applications", 201, true),
				new RecordedRequest("POST", "/v1.0/applications", 400, true));
		SandboxInspector.of(server).clearRequests();
		assertThat(SandboxInspector.of(server).requests()).isEmpty();
	}

	@Test
	void injectedThrottlingAnswersWithRetryAfterThenRecovers(Sandbox server) {
		String token = SandboxTokens.adminGraphToken(server);
		SandboxHttp http = new SandboxHttp(server);
		SandboxInspector.of(server).injectFault("GET", "/v1.0/applications", 429, 2, Duration.ofSeconds(7));
		SandboxHttp.Response first = http.get("/v1.0/applications", token);
		SandboxHttp.Response second = http.get("/v1.0/applications?$top=5", token);
		SandboxHttp.Response third = http.get("/v1.0/applications", token);
		GraphApplicationsTests.assertGraphError(first, 429, "TooManyRequests", "Please retry again later.");
		assertThat(first.header("Retry-After")).isEqualTo("7");
		assertThat(second.status()).isEqualTo(429);
		assertThat(third.status()).isEqualTo(200);
	}

	@Test
	void injectedFaultOnlyHitsMatchingMethodsAndPaths(Sandbox server) {
		String token = SandboxTokens.adminGraphToken(server);
		SandboxHttp http = new SandboxHttp(server);
		SandboxInspector.of(server).injectFault("POST", "/v1.0/servicePrincipals", 503, 1, Duration.ofSeconds(1));
		assertThat(http.get("/v1.0/servicePrincipals", token).status()).isEqualTo(200);
		SandboxHttp.Response faulted = http.post("/v1.0/servicePrincipals", token, Map.of("appId", "x"));
		GraphApplicationsTests.assertGraphError(faulted, 503, "ServiceUnavailable",
				"Service is temporarily unavailable. Please retry later.");
		assertThat(SandboxInspector.of(server).requests()).last().satisfies((request) -> assertThat(request.graphWrite()).isTrue());
	}

	@Test
	void injected404ImitatesAReplicaThatHasNotSeenANewObject(Sandbox server) {
		String token = SandboxTokens.adminGraphToken(server);
		SandboxHttp http = new SandboxHttp(server);
		String objectId = http.post("/v1.0/applications", token, Map.of("displayName", "fresh")).json().path("id").asText();
		SandboxInspector.of(server).injectFault("GET", "/v1.0/applications/" + objectId, 404, 1, null);
		GraphApplicationsTests.assertGraphError(http.get("/v1.0/applications/" + objectId, token), 404,
				"Request_ResourceNotFound", "Resource '" + objectId
						+ "' does not exist or one of its queried reference-property objects are not present.");
		assertThat(http.get("/v1.0/applications/" + objectId, token).status()).isEqualTo(200);
	}

	@Test
	void injectedFaultOnTheTokenEndpointAnswersInEntrasFormat(Sandbox server) {
		SandboxInspector.of(server).injectFault("*", "/" + server.tenantId() + "/oauth2/v2.0/token", 503, 1, Duration.ofSeconds(2));
		SandboxHttp.Response response = SandboxTokens.clientSecret(server, SandboxDirectory.GRAPH_CLI_APP_ID, "x",
				"https://graph.microsoft.com/.default");
		IdentityProtocolTests.assertIdentityError(response, 503, "temporarily_unavailable", 90033);
		assertThat(response.header("Retry-After")).isEqualTo("2");
	}

}
