package io.dicomreg.sandbox.identity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.dicomreg.sandbox.crypto.Secrets;
import io.dicomreg.sandbox.directory.DirectoryUser;
import io.dicomreg.sandbox.http.SandboxRequest;
import io.dicomreg.sandbox.http.SandboxResponse;

/**
 * {@code GET /{tenant}/oauth2/v2.0/authorize}: the interactive sign-in. A valid request gets a sign-in page asking
 * for the user (the {@code login_hint}, else the administrator) and the owner secret; posting the page with it signs
 * that user in and answers the code to the client's redirect URI. An invalid request goes back to the client (or, for a redirect URI that is not the client's, is an
 * error page) without a sign-in page.
 */
final class AuthorizeEndpoint {

	private static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

	private static final String NATIVE_CLIENT = "https://login.microsoftonline.com/common/oauth2/nativeclient";

	private final IdentityContext context;

	AuthorizeEndpoint(IdentityContext context) {
		this.context = context;
	}

	SandboxResponse handle(SandboxRequest request) {
		Map<String, String> parameters = "POST".equals(request.method()) ? request.form() : request.query();
		Target target;
		try {
			target = target(parameters);
		}
		catch (IdentityError error) {
			return IdentityResponses.headers(request, SandboxResponse.html(400, Html.error(error, request.requestId())));
		}
		Map<String, String> fields = new LinkedHashMap<>();
		try {
			String scope = checkCodeRequest(parameters, target);
			String offered = parameters.get(OwnerSecret.FIELD);
			if (offered == null) {
				return IdentityResponses.headers(request, signInPage(request, parameters, target, 200, null));
			}
			if (!OwnerSecret.matches(this.context.store(), offered)) {
				return IdentityResponses.headers(request, signInPage(request, parameters, target, 401,
						"That is not the owner secret of this sandbox."));
			}
			DirectoryUser user;
			try {
				user = this.context.store().read((tenant) -> SignInUsers.named(tenant, username(parameters)));
			}
			catch (IdentityError error) {
				return IdentityResponses.headers(request, signInPage(request, parameters, target, 400,
						error.aadstsMessage().replace("{EmailHidden}", username(parameters))));
			}
			fields.put("code", issueCode(parameters, target, scope, user));
			if ("1".equals(parameters.get("client_info"))) {
				String tenantId = this.context.store().read((tenant) -> tenant.tenantId());
				fields.put("client_info", TokenIssuer.clientInfo(user.objectId(), tenantId));
			}
		}
		catch (IdentityError error) {
			fields.clear();
			fields.put("error", error.error());
			fields.put("error_description", error.aadstsMessage());
		}
		if (parameters.get("state") != null) {
			fields.put("state", parameters.get("state"));
		}
		fields.put("session_state", Secrets.newToken(16));
		return IdentityResponses.headers(request, respond(parameters.get("response_mode"), target.redirectUri(), fields));
	}

	/**
	 * The sign-in page: a user signs in only when the owner secret is entered.
	 */
	private SandboxResponse signInPage(SandboxRequest request, Map<String, String> parameters, Target target,
			int status, String problem) {
		return SandboxResponse.html(status, Html.signIn(this.context.authorityHost() + request.path(), parameters,
				target.client().appId(), SignInUsers.offered(username(parameters)), problem));
	}

	/**
	 * The user the sign-in names: the one entered on the page, else the client's login_hint.
	 * @return the name, null when none was given
	 */
	private static String username(Map<String, String> parameters) {
		String entered = parameters.get(Html.USERNAME);
		return (entered != null && !entered.isBlank()) ? entered : parameters.get("login_hint");
	}

	private Target target(Map<String, String> parameters) {
		String clientId = TokenEndpoint.required(parameters, "client_id");
		String redirectUri = TokenEndpoint.required(parameters, "redirect_uri");
		ClientApp client = this.context.store().read((tenant) -> ClientApp.resolve(tenant, clientId));
		if (client.firstPartyPublicClient()) {
			if (RedirectUris.isBareLoopback(redirectUri) || NATIVE_CLIENT.equals(redirectUri)) {
				return new Target(client, redirectUri, true);
			}
		}
		else if (RedirectUris.matchesAny(redirectUri, client.registeredRedirectUris("publicClient"))) {
			return new Target(client, redirectUri, true);
		}
		else if (RedirectUris.matchesAny(redirectUri, client.registeredRedirectUris("web"))) {
			return new Target(client, redirectUri, false);
		}
		throw IdentityError.badRequest("invalid_request", 50011, "The redirect URI '" + redirectUri
				+ "' specified in the request does not match the redirect URIs configured for the application '"
				+ clientId + "'. Make sure the redirect URI sent in the request matches one added to your application in "
				+ "the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix "
				+ "this.");
	}

	/**
	 * Checks what the code would be issued for, before the sign-in page: an invalid request goes back to the client.
	 * @return the scope asked for
	 */
	private String checkCodeRequest(Map<String, String> parameters, Target target) {
		String responseType = parameters.getOrDefault("response_type", "");
		if (!"code".equals(responseType)) {
			throw IdentityError.badRequest("unsupported_response_type", 700054,
					"response_type '" + responseType + "' is not enabled for the application.");
		}
		String scope = parameters.getOrDefault("scope", "openid profile offline_access");
		this.context.store().read((tenant) -> {
			ScopeResolver.checkDelegated(tenant, scope);
			return null;
		});
		String challenge = parameters.get("code_challenge");
		String method = parameters.getOrDefault("code_challenge_method", "plain");
		if (challenge != null && !List.of("S256", "plain").contains(method)) {
			throw IdentityError.badRequest("invalid_request", 9002313, "Invalid request. Request is malformed or "
					+ "invalid. Unsupported code_challenge_method '" + method + "'; use 'S256' or 'plain'.");
		}
		return scope;
	}

	private String issueCode(Map<String, String> parameters, Target target, String scope, DirectoryUser user) {
		String code = "1.AQ" + Secrets.newToken(96);
		this.context.pending().add(new PendingCodes.AuthorizationCode(code, target.client().appId(),
				target.redirectUri(), target.publicRedirect(), scope, parameters.get("code_challenge"),
				parameters.getOrDefault("code_challenge_method", "plain"), parameters.get("nonce"), user.objectId(),
				this.context.clock().instant().plus(CODE_LIFETIME), new AtomicBoolean()));
		return code;
	}

	private static SandboxResponse respond(String responseMode, String redirectUri, Map<String, String> fields) {
		if ("form_post".equals(responseMode)) {
			return SandboxResponse.html(200, Html.formPost(redirectUri, fields));
		}
		StringBuilder parameters = new StringBuilder();
		fields.forEach((name, value) -> parameters.append((parameters.length() == 0) ? "" : "&")
			.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		String separator = "fragment".equals(responseMode) ? "#" : (redirectUri.contains("?") ? "&" : "?");
		return new SandboxResponse(302, new LinkedHashMap<>(Map.of("Location", redirectUri + separator + parameters)),
				new byte[0]);
	}

	private record Target(ClientApp client, String redirectUri, boolean publicRedirect) {

	}

}
