package io.dicomreg.config;

import java.time.Duration;

import okhttp3.OkHttpClient;

/**
 * The HTTP client of dicomreg's own REST calls (Azure Resource Manager, DICOMweb): OkHttp, the client
 * the Graph SDK already brings, trusting the sandbox's CA when the target is the sandbox.
 * <p>
 * Each client is closed with {@link #close}: it closes the idle connections, and with them any
 * thread that waits on one. A JVM that exits while a thread waits in native code (a selector or a
 * socket read) waits 300 ms more before it ends, which a one-shot command would pay every time; the
 * JDK's own HTTP client keeps such a selector thread, and cannot be closed before JDK 21.
 */
public final class HttpConnections {

	private HttpConnections() {
	}

	/** A client for {@code endpoints}, with these time limits for connecting and for a whole call. */
	public static OkHttpClient client(Endpoints endpoints, Duration connect, Duration call) {
		// No redirect is followed (as with the JDK's client before): verify reports what the service itself answers.
		OkHttpClient.Builder builder = new OkHttpClient.Builder().connectTimeout(connect)
			.callTimeout(call)
			.followRedirects(false)
			.followSslRedirects(false);
		if (endpoints.sslContext() != null) {
			builder.sslSocketFactory(endpoints.sslContext().getSocketFactory(), endpoints.trustManager());
		}
		return builder.build();
	}

	/** Closes the connections of {@code client} (when there is one) and stops its threads. */
	public static void close(OkHttpClient client) {
		if (client != null) {
			client.dispatcher().executorService().shutdown();
			client.connectionPool().evictAll();
		}
	}

}
