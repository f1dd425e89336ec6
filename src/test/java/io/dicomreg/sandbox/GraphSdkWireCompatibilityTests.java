package io.dicomreg.sandbox;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.microsoft.aad.msal4j.DeviceCodeFlowParameters;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.graph.core.requests.BaseGraphRequestAdapter;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.core.tasks.PageIterator;
import com.microsoft.graph.models.Application;
import com.microsoft.graph.models.ApplicationCollectionResponse;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dicomreg.graph.GraphClientProvider;
import io.dicomreg.sandbox.http.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Proves the real Microsoft Graph SDK works against the sandbox Graph endpoints, with a token from MSAL4J.
 */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphSdkWireCompatibilityTests {

	private static final Set<String> SCOPES = Set.of("https://graph.microsoft.com/Application.ReadWrite.All",
			"https://graph.microsoft.com/User.Read");

	private Sandbox server;

	private GraphServiceClient graph;

	@BeforeAll
	void signIn(Sandbox server) throws Exception {
		this.server = server;
		PublicClientApplication msal = PublicClientApplication.builder(SandboxDirectory.GRAPH_CLI_APP_ID)
			.authority(server.authorityHost() + "/" + server.tenantId() + "/")
			.instanceDiscovery(false)
			.sslSocketFactory(server.clientSslContext().getSocketFactory())
			.build();
		String token = msal.acquireToken(DeviceCodeFlowParameters.builder(SCOPES,
				(code) -> server.approveDeviceCode(code.userCode())).build()).get(30, TimeUnit.SECONDS).accessToken();
		this.graph = graphClient(server, token);
	}

	@Test
	void createdApplicationIsFoundWithAFilter() {
		Application application = new Application();
		application.setDisplayName("sdk smoke app");
		Application created = this.graph.applications().post(application);
		ApplicationCollectionResponse found = this.graph.applications().get((request) -> {
			request.queryParameters.filter = "displayName eq 'sdk smoke app'";
			request.queryParameters.select = new String[] { "id", "appId", "displayName" };
		});
		assertThat(created.getAppId()).isNotBlank();
		assertThat(created.getSignInAudience()).isEqualTo("AzureADMyOrg");
		assertThat(found.getValue()).singleElement().satisfies((app) -> {
			assertThat(app.getAppId()).isEqualTo(created.getAppId());
			assertThat(app.getSignInAudience()).isNull();
		});
	}

	@Test
	void validationErrorSurfacesAsODataErrorWithGraphCodeAndRequestId() {
		Application application = new Application();
		application.setDisplayName("sdk invalid audience");
		application.setSignInAudience("EveryoneEverywhere");
		assertThatExceptionOfType(ODataError.class).isThrownBy(() -> this.graph.applications().post(application))
			.satisfies((error) -> {
				assertThat(error.getResponseStatusCode()).isEqualTo(400);
				assertThat(error.getError().getCode()).isEqualTo("Request_BadRequest");
				assertThat(error.getError().getMessage())
					.isEqualTo("Invalid value specified for property 'signInAudience' of resource 'Application'.");
				assertThat(error.getError().getInnerError().getRequestId()).isNotBlank();
				assertThat(error.getError().getInnerError().getDate()).isNotNull();
			});
	}

	@Test
	void pageIteratorFollowsNextLinksAcrossPages() throws Exception {
		for (int i = 0; i < 5; i++) {
			Application application = new Application();
			application.setDisplayName("sdk paged " + i);
			this.graph.applications().post(application);
		}
		ApplicationCollectionResponse firstPage = this.graph.applications().get((request) -> {
			request.queryParameters.filter = "startswith(displayName,'sdk paged')";
			request.queryParameters.top = 2;
		});
		List<String> names = new ArrayList<>();
		new PageIterator.Builder<Application, ApplicationCollectionResponse>().client(this.graph)
			.collectionPage(firstPage)
			.collectionPageFactory(ApplicationCollectionResponse::createFromDiscriminatorValue)
			.processPageItemCallback((app) -> names.add(app.getDisplayName()))
			.build()
			.iterate();
		assertThat(firstPage.getOdataNextLink()).startsWith(this.server.graphEndpoint() + "/v1.0/applications?");
		assertThat(names).containsExactly("sdk paged 0", "sdk paged 1", "sdk paged 2", "sdk paged 3", "sdk paged 4");
	}

	@Test
	void throttledRequestIsRetriedByTheSdkAfterRetryAfter() {
		SandboxInspector.of(this.server).injectFault("GET", "/v1.0/organization", 429, 1, Duration.ofSeconds(1));
		SandboxInspector.of(this.server).clearRequests();
		var organizations = this.graph.organization().get();
		assertThat(organizations.getValue()).singleElement()
			.satisfies((organization) -> assertThat(organization.getId()).isEqualTo(this.server.tenantId()));
		assertThat(SandboxInspector.of(this.server).requests()).extracting(RecordedRequest::status).containsExactly(429, 200);
	}

	/**
	 * Builds a Graph client for a non-Microsoft host: the token provider must allow that host, and the OkHttp
	 * client from GraphClientFactory (with Graph's middleware) must trust the sandbox certificate.
	 */
	static GraphServiceClient graphClient(Sandbox server, String token) {
		return graphClient(server, token, Duration.ofSeconds(100));
	}

	/** The same Graph client, with a read timeout. */
	static GraphServiceClient graphClient(Sandbox server, String token, Duration readTimeout) {
		AllowedHostsValidator allowedHosts = new AllowedHostsValidator(server.graphEndpoint().getHost());
		AccessTokenProvider tokens = new AccessTokenProvider() {

			@Override
			public String getAuthorizationToken(URI uri, Map<String, Object> additionalContext) {
				return allowedHosts.isUrlHostValid(uri) ? token : "";
			}

			@Override
			public AllowedHostsValidator getAllowedHostsValidator() {
				return allowedHosts;
			}

		};
		OkHttpClient okHttp = GraphClientFactory.create()
			.sslSocketFactory(server.clientSslContext().getSocketFactory(), server.clientTrustManager())
			.readTimeout(readTimeout)
			.build();
		BaseGraphRequestAdapter adapter = new BaseGraphRequestAdapter(new BaseBearerTokenAuthenticationProvider(tokens),
				server.graphEndpoint() + "/v1.0", okHttp);
		return GraphClientProvider.newClient(adapter);
	}

}
