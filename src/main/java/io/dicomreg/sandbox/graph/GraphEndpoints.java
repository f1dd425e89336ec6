package io.dicomreg.sandbox.graph;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dicomreg.sandbox.directory.Json;
import io.dicomreg.sandbox.http.Endpoints;
import io.dicomreg.sandbox.http.SandboxRequest;
import io.dicomreg.sandbox.http.SandboxResponse;

/**
 * Routes {@code /v1.0/...} requests: the path is resolved first (unknown segments are refused before
 * authentication, as Graph does), then the token is checked, then the permission, then the endpoint runs.
 */
public final class GraphEndpoints implements Endpoints {

	private static final Pattern SEGMENT = Pattern.compile("^([A-Za-z0-9]+)(?:\\((.*)\\))?$");

	private static final Pattern ALTERNATE_KEY = Pattern.compile("^(\\w+)='(.*)'$");

	private final GraphContext context;

	private final GraphAuthenticator authenticator;

	private final ApplicationsEndpoint applications = new ApplicationsEndpoint();

	private final CredentialActions credentials = new CredentialActions();

	private final ServicePrincipalsEndpoint servicePrincipals = new ServicePrincipalsEndpoint();

	private final GrantsEndpoint grants = new GrantsEndpoint();

	private final AppRoleAssignmentsEndpoint appRoleAssignments = new AppRoleAssignmentsEndpoint();

	private final DirectoryEndpoints directory = new DirectoryEndpoints();

	public GraphEndpoints(GraphContext context) {
		this.context = context;
		this.authenticator = new GraphAuthenticator(context);
	}

	@Override
	public SandboxResponse handle(SandboxRequest request) {
		SandboxResponse response;
		try {
			Route route = route(request);
			Caller caller = this.authenticator.authenticate(request);
			Permissions.require(caller, route.permissions());
			response = route.handler().apply(new GraphCall(request, caller, this.context));
		}
		catch (GraphError error) {
			response = GraphResponses.error(request, error, this.context.clock().instant(), authorityHost());
		}
		return GraphResponses.withHeaders(request, response);
	}

	@Override
	public SandboxResponse fault(SandboxRequest request, int status, Duration retryAfter) {
		GraphError error = switch (status) {
			case 404 -> GraphError.notFound(lastSegment(request.path()));
			case 429 -> new GraphError(429, "TooManyRequests", "Please retry again later.");
			case 503 -> new GraphError(503, "ServiceUnavailable", "Service is temporarily unavailable. Please retry later.");
			case 504 -> new GraphError(504, "GatewayTimeout", "The gateway did not receive a timely response.");
			default -> new GraphError(status, "UnknownError", "Injected fault.");
		};
		SandboxResponse response = GraphResponses.withHeaders(request,
				GraphResponses.error(request, error, this.context.clock().instant(), authorityHost()));
		return (retryAfter != null) ? response.withHeader("Retry-After", Long.toString(retryAfter.toSeconds()))
				: response;
	}

	@Override
	public SandboxResponse unreplicated(SandboxRequest request) {
		String appId;
		try {
			appId = Json.text(Json.parse(request.body()), "appId");
		}
		catch (RuntimeException ex) {
			appId = "";
		}
		return GraphResponses.withHeaders(request, GraphResponses.error(request, GraphError.noBackingApplication(appId),
				this.context.clock().instant(), authorityHost()));
	}

	@Override
	public SandboxResponse failure(SandboxRequest request, RuntimeException failure) {
		GraphError error = new GraphError(500, "UnknownError", Endpoints.failureMessage(failure));
		SandboxResponse response = GraphResponses.error(request, error, this.context.clock().instant(), authorityHost());
		return GraphResponses.withHeaders(request, response);
	}

	private static String lastSegment(String path) {
		return path.substring(path.lastIndexOf('/') + 1);
	}

	private String authorityHost() {
		return this.context.baseUrl().substring(0, this.context.baseUrl().length() - "/v1.0".length());
	}

	private Route route(SandboxRequest request) {
		List<String> segments = Arrays.stream(request.path().substring("/v1.0".length()).split("/"))
			.filter((segment) -> !segment.isEmpty())
			.toList();
		if (segments.isEmpty()) {
			throw GraphError.unknownSegment("v1.0");
		}
		Matcher matcher = SEGMENT.matcher(segments.get(0));
		if (!matcher.matches()) {
			throw GraphError.unknownSegment(segments.get(0));
		}
		String collection = matcher.group(1).toLowerCase(Locale.ROOT);
		String key = matcher.group(2);
		List<String> rest = segments.subList(1, segments.size());
		String method = request.method();
		return switch (collection) {
			case "applications" -> applications(method, key, rest, segments.get(0));
			case "serviceprincipals" -> servicePrincipals(method, key, rest, segments.get(0));
			case "oauth2permissiongrants" -> grants(method, key, rest, segments.get(0));
			case "organization" -> organization(method, key, rest);
			case "me" -> single(method, key, rest, segments.get(0), "GET", Permissions.NONE, this.directory::me);
			case "users" -> users(method, key, rest, segments.get(0));
			default -> throw GraphError.unknownSegment(segments.get(0));
		};
	}

	private Route applications(String method, String key, List<String> rest, String segment) {
		if (key == null && rest.isEmpty()) {
			return collection(method, Permissions.READ_APPLICATIONS, this.applications::list,
					Permissions.WRITE_APPLICATIONS, this.applications::create);
		}
		if (isCount(key, rest)) {
			return single(method, null, List.of(), segment, "GET", Permissions.READ_APPLICATIONS,
					this.applications::count);
		}
		ApplicationKey applicationKey = applicationKey(key, rest, segment);
		List<String> after = (key == null) ? rest.subList(1, rest.size()) : rest;
		if (after.isEmpty()) {
			return entity(method, Permissions.READ_APPLICATIONS, Permissions.WRITE_APPLICATIONS,
					(call) -> this.applications.get(call, applicationKey),
					(call) -> this.applications.update(call, applicationKey),
					(call) -> this.applications.delete(call, applicationKey));
		}
		if (after.size() > 1) {
			throw GraphError.unknownSegment(after.get(1));
		}
		String action = after.get(0).replaceFirst("(?i)^microsoft\\.graph\\.", "");
		Function<GraphCall, SandboxResponse> handler = switch (action.toLowerCase(Locale.ROOT)) {
			case "addpassword" -> (call) -> this.credentials.addPassword(call, applicationKey);
			case "removepassword" -> (call) -> this.credentials.removePassword(call, applicationKey);
			case "addkey" -> (call) -> this.credentials.addKey(call, applicationKey);
			case "removekey" -> (call) -> this.credentials.removeKey(call, applicationKey);
			default -> throw GraphError.unknownSegment(after.get(0));
		};
		boolean keyAction = action.toLowerCase(Locale.ROOT).endsWith("key");
		return single(method, null, List.of(), segment, "POST",
				keyAction ? Permissions.NONE : Permissions.WRITE_APPLICATIONS, handler);
	}

	private Route servicePrincipals(String method, String key, List<String> rest, String segment) {
		if (key == null && rest.isEmpty()) {
			return collection(method, Permissions.READ_APPLICATIONS, this.servicePrincipals::list,
					Permissions.WRITE_APPLICATIONS, this.servicePrincipals::create);
		}
		if (isCount(key, rest)) {
			return single(method, null, List.of(), segment, "GET", Permissions.READ_APPLICATIONS,
					this.servicePrincipals::count);
		}
		String[] parsed = (key != null) ? alternateKey(key, Set.of("appId"), segment) : new String[] { "id", rest.get(0) };
		List<String> after = (key == null) ? rest.subList(1, rest.size()) : rest;
		var spKey = new ServicePrincipalsEndpoint.ServicePrincipalKey(parsed[0], parsed[1]);
		if (!after.isEmpty()) {
			return appRoleAssignments(method, spKey, after);
		}
		return entity(method, Permissions.READ_APPLICATIONS, Permissions.WRITE_APPLICATIONS,
				(call) -> this.servicePrincipals.get(call, spKey), (call) -> this.servicePrincipals.update(call, spKey),
				(call) -> this.servicePrincipals.delete(call, spKey));
	}

	/**
	 * {@code servicePrincipals/{key}/appRoleAssignedTo[/{id}]} and {@code .../appRoleAssignments[/{id}]}.
	 */
	private Route appRoleAssignments(String method, ServicePrincipalsEndpoint.ServicePrincipalKey spKey,
			List<String> after) {
		AppRoleAssignmentsEndpoint.Side side = switch (after.get(0).toLowerCase(Locale.ROOT)) {
			case "approleassignedto" -> AppRoleAssignmentsEndpoint.Side.ASSIGNED_TO;
			case "approleassignments" -> AppRoleAssignmentsEndpoint.Side.ASSIGNMENTS;
			default -> throw GraphError.unknownSegment(after.get(0));
		};
		if (after.size() > 2) {
			throw GraphError.unknownSegment(after.get(2));
		}
		if (after.size() == 1) {
			return collection(method, Permissions.READ_APP_ROLE_ASSIGNMENTS,
					(call) -> this.appRoleAssignments.list(call, spKey, side),
					Permissions.WRITE_APP_ROLE_ASSIGNMENTS,
					(call) -> this.appRoleAssignments.create(call, spKey, side));
		}
		String assignmentId = after.get(1);
		return switch (method) {
			case "GET" -> new Route(Permissions.READ_APP_ROLE_ASSIGNMENTS,
					(call) -> this.appRoleAssignments.get(call, spKey, side, assignmentId));
			case "DELETE" -> new Route(Permissions.WRITE_APP_ROLE_ASSIGNMENTS,
					(call) -> this.appRoleAssignments.delete(call, spKey, side, assignmentId));
			default -> throw GraphError.methodNotAllowed();
		};
	}

	private Route grants(String method, String key, List<String> rest, String segment) {
		if (key == null && rest.isEmpty()) {
			return collection(method, Permissions.READ_GRANTS, this.grants::list, Permissions.WRITE_GRANTS,
					this.grants::create);
		}
		if (key != null || rest.size() > 1) {
			throw GraphError.unknownSegment((key != null) ? segment : rest.get(1));
		}
		String grantId = rest.get(0);
		return entity(method, Permissions.READ_GRANTS, Permissions.WRITE_GRANTS,
				(call) -> this.grants.get(call, grantId), (call) -> this.grants.update(call, grantId),
				(call) -> this.grants.delete(call, grantId));
	}

	private Route organization(String method, String key, List<String> rest) {
		if (key != null || rest.size() > 1) {
			throw GraphError.unknownSegment((key != null) ? "organization(" + key + ")" : rest.get(1));
		}
		if (!method.equals("GET")) {
			throw GraphError.methodNotAllowed();
		}
		if (rest.isEmpty()) {
			return new Route(Permissions.READ_ORGANIZATION, this.directory::organizations);
		}
		return new Route(Permissions.READ_ORGANIZATION, (call) -> this.directory.organization(call, rest.get(0)));
	}

	/** {@code /applications/$count}, {@code /servicePrincipals/$count}. */
	private static boolean isCount(String key, List<String> rest) {
		return key == null && rest.size() == 1 && rest.get(0).equals("$count");
	}

	private static ApplicationKey applicationKey(String key, List<String> rest, String segment) {
		if (key == null) {
			return new ApplicationKey("id", rest.get(0));
		}
		String[] parsed = alternateKey(key, Set.of("appId", "uniqueName"), segment);
		return new ApplicationKey(parsed[0], parsed[1]);
	}

	private static String[] alternateKey(String key, Set<String> allowed, String segment) {
		Matcher matcher = ALTERNATE_KEY.matcher(key);
		if (!matcher.matches() || !allowed.contains(matcher.group(1))) {
			throw GraphError.unknownSegment(segment);
		}
		return new String[] { matcher.group(1), matcher.group(2).replace("''", "'") };
	}

	private static Route collection(String method, Set<String> readPermissions,
			Function<GraphCall, SandboxResponse> list, Set<String> writePermissions,
			Function<GraphCall, SandboxResponse> create) {
		return switch (method) {
			case "GET" -> new Route(readPermissions, list);
			case "POST" -> new Route(writePermissions, create);
			default -> throw GraphError.methodNotAllowed();
		};
	}

	private static Route entity(String method, Set<String> readPermissions, Set<String> writePermissions,
			Function<GraphCall, SandboxResponse> get, Function<GraphCall, SandboxResponse> update,
			Function<GraphCall, SandboxResponse> delete) {
		return switch (method) {
			case "GET" -> new Route(readPermissions, get);
			case "PATCH" -> new Route(writePermissions, update);
			case "DELETE" -> new Route(writePermissions, delete);
			default -> throw GraphError.methodNotAllowed();
		};
	}

	/** {@code GET /users/{id | userPrincipalName}}: one user of the tenant. */
	private Route users(String method, String key, List<String> rest, String segment) {
		if (key != null || rest.size() != 1) {
			throw GraphError.unknownSegment((key != null) ? segment : (rest.isEmpty() ? segment : rest.get(1)));
		}
		if (!method.equals("GET")) {
			throw GraphError.methodNotAllowed();
		}
		String userKey = java.net.URLDecoder.decode(rest.get(0), java.nio.charset.StandardCharsets.UTF_8);
		return new Route(Permissions.READ_USERS, (call) -> this.directory.user(call, userKey));
	}

	private static Route single(String method, String key, List<String> rest, String segment, String allowedMethod,
			Set<String> permissions, Function<GraphCall, SandboxResponse> handler) {
		if (key != null || !rest.isEmpty()) {
			throw GraphError.unknownSegment((key != null) ? segment : rest.get(0));
		}
		if (!method.equals(allowedMethod)) {
			throw GraphError.methodNotAllowed();
		}
		return new Route(permissions, handler);
	}

	private record Route(Set<String> permissions, Function<GraphCall, SandboxResponse> handler) {

	}

}
