package io.dicomreg.sandbox.identity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jwt.JWTParser;

import io.dicomreg.sandbox.SandboxDirectory;
import io.dicomreg.sandbox.directory.StoredApplication;
import io.dicomreg.sandbox.directory.Tenant;
import io.dicomreg.sandbox.http.SandboxRequest;
import io.dicomreg.sandbox.http.SandboxResponse;

/**
 * {@code GET} or {@code POST /{tenant}/oauth2/v2.0/logout} and {@code /{tenant}/oauth2/logout}, the
 * {@code end_session_endpoint}: the sandbox keeps no browser session, so signing out ends nothing (refresh tokens
 * stay valid, as Entra's sign-out leaves them). A {@code post_logout_redirect_uri} that is one of the client's
 * registered redirect URIs gets a 302 to it, with {@code state} when sent; the client is {@code client_id}, else the
 * audience of {@code id_token_hint}, else any application of the tenant. Without one, or with one that is not
 * registered (which Entra ignores too), the answer is Entra's page "You signed out of your account".
 */
final class EndSessionEndpoint {

	private static final String NATIVE_CLIENT = "https://login.microsoftonline.com/common/oauth2/nativeclient";

	private static final List<String> PLATFORMS = List.of("web", "spa", "publicClient");

	private final IdentityContext context;

	EndSessionEndpoint(IdentityContext context) {
		this.context = context;
	}

	SandboxResponse handle(SandboxRequest request) {
		Map<String, String> parameters = "POST".equals(request.method()) ? request.form() : request.query();
		String redirectUri = parameters.get("post_logout_redirect_uri");
		if (redirectUri != null && !redirectUri.isBlank()
				&& this.context.store().read((tenant) -> registered(tenant, redirectUri, client(parameters)))) {
			String state = parameters.get("state");
			String location = (state == null) ? redirectUri : redirectUri + (redirectUri.contains("?") ? "&" : "?")
					+ "state=" + URLEncoder.encode(state, StandardCharsets.UTF_8).replace("+", "%20");
			return new SandboxResponse(302, new LinkedHashMap<>(Map.of("Location", location)), new byte[0]);
		}
		return SandboxResponse.html(200, Html.signedOut());
	}

	/** The client the sign-out is for: client_id, else the audience of id_token_hint (read, not verified). */
	private static Optional<String> client(Map<String, String> parameters) {
		String clientId = parameters.get("client_id");
		if (clientId != null && !clientId.isBlank()) {
			return Optional.of(clientId);
		}
		String hint = parameters.get("id_token_hint");
		if (hint != null) {
			try {
				List<String> audience = JWTParser.parse(hint).getJWTClaimsSet().getAudience();
				if (audience != null && !audience.isEmpty()) {
					return Optional.of(audience.get(0));
				}
			}
			catch (ParseException ex) {
				// no client named
			}
		}
		return Optional.empty();
	}

	private static boolean registered(Tenant tenant, String redirectUri, Optional<String> clientId) {
		if (clientId.isPresent() && SandboxDirectory.GRAPH_CLI_APP_ID.equalsIgnoreCase(clientId.get())) {
			return RedirectUris.isBareLoopback(redirectUri) || NATIVE_CLIENT.equals(redirectUri);
		}
		List<StoredApplication> candidates = clientId
			.map((appId) -> tenant.applicationByAppId(appId).map(List::of).orElse(List.<StoredApplication>of()))
			.orElseGet(() -> new ArrayList<>(tenant.applications()));
		for (StoredApplication application : candidates) {
			for (String platform : PLATFORMS) {
				if (RedirectUris.matchesAny(redirectUri, application.redirectUris(platform))) {
					return true;
				}
			}
		}
		return false;
	}

}
