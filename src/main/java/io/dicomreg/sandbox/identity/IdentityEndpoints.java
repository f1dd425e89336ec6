package io.dicomreg.sandbox.identity;

import java.time.Duration;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.SandboxDirectory;
import io.dicomreg.sandbox.directory.Json;
import io.dicomreg.sandbox.http.Endpoints;
import io.dicomreg.sandbox.http.SandboxRequest;
import io.dicomreg.sandbox.http.SandboxResponse;

/**
 * Routes {@code /{tenant}/...} sign-in requests, v2.0 and the v1.0 endpoints the sandbox emulates (discovery, client
 * credentials, sign-out); the tenant may be named by id, domain, organizations or common. Being asked last, it also
 * answers every path no endpoint serves, with a JSON 404.
 */
public final class IdentityEndpoints implements Endpoints {

	private static final Set<String> MULTI_TENANT_SEGMENTS = Set.of("organizations", "common");

	private final IdentityContext context;

	private final DeviceCodeEndpoint deviceCode;

	private final AuthorizeEndpoint authorize;

	private final TokenEndpoint token;

	private final DeviceLoginEndpoint deviceLogin;

	private final V1TokenEndpoint v1Token;

	private final EndSessionEndpoint endSession;

	public IdentityEndpoints(IdentityContext context) {
		this.context = context;
		this.deviceCode = new DeviceCodeEndpoint(context);
		this.authorize = new AuthorizeEndpoint(context);
		this.token = new TokenEndpoint(context);
		this.deviceLogin = new DeviceLoginEndpoint(context);
		this.v1Token = new V1TokenEndpoint(context);
		this.endSession = new EndSessionEndpoint(context);
	}

	@Override
	public SandboxResponse handle(SandboxRequest request) {
		try {
			return route(request);
		}
		catch (IdentityError error) {
			return IdentityResponses.error(request, error, this.context.clock().instant(), this.context.authorityHost());
		}
	}

	@Override
	public SandboxResponse fault(SandboxRequest request, int status, Duration retryAfter) {
		IdentityError error = new IdentityError(status, "temporarily_unavailable", 90033,
				"A transient error has occurred. Please try again.");
		SandboxResponse response = IdentityResponses.error(request, error, this.context.clock().instant(),
				this.context.authorityHost());
		return (retryAfter != null) ? response.withHeader("Retry-After", Long.toString(retryAfter.toSeconds()))
				: response;
	}

	@Override
	public SandboxResponse failure(SandboxRequest request, RuntimeException failure) {
		IdentityError error = new IdentityError(500, "server_error", 90000,
				Endpoints.failureMessage(failure));
		return IdentityResponses.error(request, error, this.context.clock().instant(), this.context.authorityHost());
	}

	private SandboxResponse route(SandboxRequest request) {
		String path = request.path();
		if (path.equals("/devicelogin")) {
			return IdentityResponses.headers(request, this.deviceLogin.handle(request));
		}
		int slash = path.indexOf('/', 1);
		if (slash < 0) {
			return notFound(request);
		}
		String tenantSegment = path.substring(1, slash);
		String endpoint = path.substring(slash + 1);
		return switch (endpoint) {
			case "v2.0/.well-known/openid-configuration" ->
				IdentityResponses.ok(request, this.context.store().read((tenant) -> Discovery
					.openIdConfiguration(tenant, this.context.authorityHost(), checkTenant(tenantSegment))));
			case ".well-known/openid-configuration" ->
				IdentityResponses.ok(request, this.context.store().read((tenant) -> Discovery
					.v1OpenIdConfiguration(tenant, this.context.authorityHost(), checkTenant(tenantSegment))));
			case "discovery/v2.0/keys", "discovery/keys" -> IdentityResponses.ok(request,
					this.context.store().read((tenant) -> Discovery.keys(tenant, this.context.authorityHost())));
			case "oauth2/v2.0/devicecode" -> this.deviceCode.handle(withTenant(request, tenantSegment));
			case "oauth2/v2.0/authorize" -> this.authorize.handle(withTenant(request, tenantSegment));
			case "oauth2/v2.0/token" -> this.token.handle(withTenant(request, tenantSegment), tenantSegment);
			case "oauth2/token" -> this.v1Token.handle(withTenant(request, tenantSegment), tenantSegment);
			case "oauth2/v2.0/logout", "oauth2/logout" ->
				IdentityResponses.headers(request, this.endSession.handle(withTenant(request, tenantSegment)));
			default -> notFound(request);
		};
	}

	private SandboxRequest withTenant(SandboxRequest request, String tenantSegment) {
		checkTenant(tenantSegment);
		return request;
	}

	private String checkTenant(String tenantSegment) {
		String tenantId = this.context.store().read((tenant) -> tenant.tenantId());
		boolean known = tenantSegment.equalsIgnoreCase(tenantId)
				|| tenantSegment.equalsIgnoreCase(SandboxDirectory.TENANT_DOMAIN)
				|| MULTI_TENANT_SEGMENTS.contains(tenantSegment.toLowerCase());
		if (!known) {
			throw IdentityError.badRequest("invalid_request", 90002, "Tenant '" + tenantSegment + "' not found. Check "
					+ "to make sure you have the correct tenant ID and are signing into the correct cloud. Check with "
					+ "your subscription administrator, this may happen if there are no active subscriptions for the "
					+ "tenant.");
		}
		return tenantSegment;
	}

	/**
	 * Any path no endpoint of the sandbox serves (sign-in being the last to be asked): a JSON 404 naming what the
	 * sandbox does serve, never an HTML page a client cannot read.
	 */
	private static SandboxResponse notFound(SandboxRequest request) {
		ObjectNode error = Json.object();
		error.put("code", "NotFound");
		error.put("message", "The dicomreg sandbox serves nothing at " + request.method() + " " + request.path()
				+ ". It serves sign-in under /{tenant}/ (oauth2/v2.0/authorize, oauth2/v2.0/devicecode, "
				+ "oauth2/v2.0/token, oauth2/token, oauth2/v2.0/logout, v2.0/.well-known/openid-configuration, "
				+ "discovery/v2.0/keys), Microsoft Graph under /v1.0/, Azure Resource Manager under /subscriptions, "
				+ "/tenants and /providers, and DICOMweb under /dicom/{workspace}-{dicomservice}/.");
		ObjectNode body = Json.object();
		body.set("error", error);
		return IdentityResponses.headers(request, SandboxResponse.json(404, body, "application/json; charset=utf-8"));
	}

}
