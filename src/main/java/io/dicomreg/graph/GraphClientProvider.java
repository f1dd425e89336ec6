package io.dicomreg.graph;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.Set;

import com.microsoft.graph.core.requests.BaseGraphRequestAdapter;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;

import io.dicomreg.auth.SignInService;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.config.Endpoints;
import io.dicomreg.config.HttpConnections;

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

	private OkHttpClient http;

	/** The delegated permissions the requests of the current call need besides dicomreg's own (see {@link #withPermissions}). */
	private final ThreadLocal<List<String>> extraPermissions = ThreadLocal.withInitial(List::of);

	public GraphClientProvider(ConnectionTarget target, SignInService signIn) {
		this.target = target;
		this.signIn = signIn;
	}

	/**
	 * Closes the connections to Graph (the context calls it when it closes): over HTTP/2 each one has a thread
	 * that waits on it, which would make the JVM wait before it exits (see {@link HttpConnections}).
	 */
	public synchronized void close() {
		HttpConnections.close(this.http);
	}

	/** The Graph client, built at the first call. */
	public synchronized GraphServiceClient client() {
		if (this.client == null) {
			this.client = build(this.target.endpoints());
		}
		return this.client;
	}

	/**
	 * Runs {@code call}, whose Graph requests carry a token that also holds the delegated Graph permissions
	 * {@code permissions} (asked for silently from the same sign-in: incremental consent). The Graph SDK sends its
	 * requests on the calling thread, so the permissions hold for exactly the requests of {@code call}.
	 * @param permissions Graph permission names, e.g. DelegatedPermissionGrant.ReadWrite.All
	 * @param call the Graph requests
	 * @return what {@code call} returns
	 */
	public <T> T withPermissions(List<String> permissions, Supplier<T> call) {
		List<String> before = this.extraPermissions.get();
		this.extraPermissions.set(permissions);
		try {
			return call.get();
		}
		finally {
			this.extraPermissions.set(before);
		}
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
		// A POST (create, addPassword, removePassword) is not repeatable: once it was sent, a connection that ends
		// without an answer must reach dicomreg, which looks before trying again, instead of the HTTP client sending
		// it again by itself (which it does for a connection that ends, and which could add a second secret). The
		// SDK's own retries of 429, 503 and 504, answers that say nothing was done, stay: they wrap this one.
		http.addInterceptor(chain -> {
			Request request = chain.request();
			if (!"POST".equals(request.method()) || request.body() == null) {
				return chain.proceed(request);
			}
			return chain.proceed(request.newBuilder().method("POST", new SentOnce(request.body())).build());
		});
		// Every request that goes out on a connection counts, retries included (--verbose prints the count).
		http.addNetworkInterceptor(chain -> {
			this.target.requests().graph();
			return chain.proceed(chain.request());
		});
		String host = URI.create(endpoints.graphBaseUrl()).getHost();
		BaseBearerTokenAuthenticationProvider authentication = new BaseBearerTokenAuthenticationProvider(
				new SignedInTokenProvider(host));
		this.http = http.build();
		return newClient(new BaseGraphRequestAdapter(authentication, endpoints.graphBaseUrl(), this.http));
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
			return GraphClientProvider.this.signIn.graphToken(GraphClientProvider.this.extraPermissions.get()).value();
		}

		@Override
		public AllowedHostsValidator getAllowedHostsValidator() {
			return this.allowedHosts;
		}

	}

	/** A request body the HTTP client must not send again by itself. */
	private static final class SentOnce extends RequestBody {

		private final RequestBody body;

		SentOnce(RequestBody body) {
			this.body = body;
		}

		@Override
		public MediaType contentType() {
			return this.body.contentType();
		}

		@Override
		public long contentLength() throws IOException {
			return this.body.contentLength();
		}

		@Override
		public void writeTo(BufferedSink sink) throws IOException {
			this.body.writeTo(sink);
		}

		@Override
		public boolean isOneShot() {
			return true;
		}

	}

}
