package io.dicomreg.graph;

import java.net.URI;
import java.util.Map;
import java.util.Set;

import com.microsoft.graph.core.requests.BaseGraphRequestAdapter;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import okhttp3.OkHttpClient;

import io.dicomreg.auth.SignInService;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.config.Endpoints;

/**
 * Builds the Microsoft Graph client on first use: the SDK is large, so start-up must not pay for
 * it.
 */
public class GraphClientProvider {

	private static final Set<String> READS = Set.of("GET", "HEAD");

	/**
	 * Guards the Graph SDK's process-wide serializer registries (plain hash maps), which every new client fills and
	 * then wraps in place: clients built at once by runs sharing a JVM (the tests run several) could otherwise lose
	 * an entry or fail on a concurrent modification.
	 */
	private static final Object SDK_REGISTRIES = new Object();

	private final ConnectionTarget target;

	private final SignInService signIn;

	private GraphServiceClient client;

	public GraphClientProvider(ConnectionTarget target, SignInService signIn) {
		this.target = target;
		this.signIn = signIn;
	}

	/** The Graph client, built at the first call. */
	public synchronized GraphServiceClient client() {
		if (this.client == null) {
			this.client = build(this.target.endpoints());
		}
		return this.client;
	}

	private GraphServiceClient build(Endpoints endpoints) {
		OkHttpClient.Builder http = GraphClientFactory.create();
		if (endpoints.sslContext() != null) {
			http.sslSocketFactory(endpoints.sslContext().getSocketFactory(), endpoints.trustManager());
		}
		// The last line of defence of a dry run: whatever a service forgot, no write reaches Graph
		// unless a run that is no dry run marked it.
		http.addInterceptor(chain -> {
			if (!READS.contains(chain.request().method()) && chain.request().tag(PlannedWrite.class) == null) {
				throw new IllegalStateException("A write to Graph that no run allowed (" + chain.request().method() + " "
						+ chain.request().url().encodedPath() + "): refused.");
			}
			return chain.proceed(chain.request());
		});
		String host = URI.create(endpoints.graphBaseUrl()).getHost();
		BaseBearerTokenAuthenticationProvider authentication = new BaseBearerTokenAuthenticationProvider(
				new SignedInTokenProvider(host));
		return newClient(new BaseGraphRequestAdapter(authentication, endpoints.graphBaseUrl(), http.build()));
	}

	/**
	 * A Graph client over {@code adapter}, built one at a time in this process (see {@link #SDK_REGISTRIES}).
	 * @param adapter the request adapter
	 * @return the client
	 */
	public static GraphServiceClient newClient(BaseGraphRequestAdapter adapter) {
		synchronized (SDK_REGISTRIES) {
			return new GraphServiceClient(adapter);
		}
	}

	/** Hands out tokens of the signed-in context, and only for the configured Graph host. */
	private final class SignedInTokenProvider implements AccessTokenProvider {

		private final AllowedHostsValidator allowedHosts;

		SignedInTokenProvider(String graphHost) {
			this.allowedHosts = new AllowedHostsValidator(graphHost);
		}

		@Override
		public String getAuthorizationToken(URI uri, Map<String, Object> additionalAuthenticationContext) {
			if (!this.allowedHosts.isUrlHostValid(uri) || !"https".equalsIgnoreCase(uri.getScheme())) {
				return "";
			}
			return GraphClientProvider.this.signIn.graphToken().value();
		}

		@Override
		public AllowedHostsValidator getAllowedHostsValidator() {
			return this.allowedHosts;
		}

	}

}
