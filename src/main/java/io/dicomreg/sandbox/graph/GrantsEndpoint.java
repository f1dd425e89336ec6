package io.dicomreg.sandbox.graph;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.directory.GraphSchema;
import io.dicomreg.sandbox.directory.Json;
import io.dicomreg.sandbox.directory.Tenant;
import io.dicomreg.sandbox.http.SandboxResponse;

/**
 * {@code /v1.0/oauth2PermissionGrants}: delegated permission grants (admin or user consent). Writes need an
 * administrator when a user calls (see {@link Permissions#requireConsentRight}).
 */
final class GrantsEndpoint {

	static final FilterParser.FilterableProperties FILTERABLE = new FilterParser.FilterableProperties(
			"OAuth2PermissionGrant", GraphSchema.get().properties("oAuth2PermissionGrant").keySet(),
			Map.of("id", Set.of("eq"), "clientId", Set.of("eq"), "resourceId", Set.of("eq"), "consentType",
					Set.of("eq"), "principalId", Set.of("eq")));

	private static final String RESOURCE = "OAuth2PermissionGrant";

	SandboxResponse list(GraphCall call) {
		ODataQuery query = ODataQuery.of(call.request().query(), "oAuth2PermissionGrant");
		List<ObjectNode> grants = call.context().store()
			.read((tenant) -> tenant.grants().stream().map((grant) -> (ObjectNode) grant.deepCopy()).toList());
		return GraphResponses.json(200, query.page(grants, FILTERABLE, call.url("/oauth2PermissionGrants"),
				call.metadata("oauth2PermissionGrants")));
	}

	SandboxResponse create(GraphCall call) {
		Permissions.requireConsentRight(call);
		ObjectNode body = call.body();
		SchemaValidator.validateObject(body, "oAuth2PermissionGrant");
		ObjectNode created = call.context().store().write((tenant) -> {
			ObjectNode grant = validated(tenant, body);
			if (tenant.grant(Json.text(grant, "id")).isPresent()) {
				throw GraphError.conflict("Permission entry already exists.");
			}
			tenant.putGrant(grant);
			return grant.deepCopy();
		});
		ObjectNode response = Json.object();
		response.put("@odata.context", call.metadata("oauth2PermissionGrants/$entity"));
		response.setAll(created);
		return GraphResponses.json(201, response)
			.withHeader("Location", call.url("/oauth2PermissionGrants/" + Json.text(created, "id")));
	}

	SandboxResponse get(GraphCall call, String grantId) {
		ObjectNode grant = call.context().store().read((tenant) -> require(tenant, grantId).deepCopy());
		ObjectNode response = Json.object();
		response.put("@odata.context", call.metadata("oauth2PermissionGrants/$entity"));
		response.setAll(grant);
		return GraphResponses.json(200, response);
	}

	SandboxResponse update(GraphCall call, String grantId) {
		Permissions.requireConsentRight(call);
		ObjectNode body = call.body();
		SchemaValidator.validateObject(body, "oAuth2PermissionGrant");
		call.context().store().write((tenant) -> {
			ObjectNode grant = require(tenant, grantId);
			body.fields().forEachRemaining((field) -> {
				if (!field.getKey().startsWith("@") && !field.getKey().equals("scope")
						&& !field.getValue().equals(grant.get(field.getKey()))) {
					throw GraphError.badRequest("Property '" + field.getKey() + "' is read-only and cannot be set.");
				}
			});
			if (body.has("scope")) {
				ObjectNode resource = tenant.servicePrincipal(Json.text(grant, "resourceId")).orElseThrow();
				grant.put("scope", checkedScope(Json.text(body, "scope"), resource));
			}
			return null;
		});
		return SandboxResponse.noContent();
	}

	SandboxResponse delete(GraphCall call, String grantId) {
		Permissions.requireConsentRight(call);
		call.context().store().write((tenant) -> {
			require(tenant, grantId);
			tenant.removeGrant(grantId);
			return null;
		});
		return SandboxResponse.noContent();
	}

	private static ObjectNode validated(Tenant tenant, ObjectNode body) {
		String clientId = servicePrincipalId(tenant, body, "clientId");
		String resourceId = servicePrincipalId(tenant, body, "resourceId");
		String consentType = Json.text(body, "consentType");
		String principalId = Json.text(body, "principalId");
		boolean allPrincipals = "AllPrincipals".equals(consentType);
		boolean principal = "Principal".equals(consentType);
		if (!allPrincipals && !principal) {
			throw GraphError.invalidValue("consentType", RESOURCE);
		}
		if ((allPrincipals && principalId != null)
				|| (principal && (principalId == null || tenant.user(principalId).isEmpty()))) {
			throw GraphError.invalidValue("principalId", RESOURCE);
		}
		ObjectNode resource = tenant.servicePrincipal(resourceId).orElseThrow();
		ObjectNode grant = Json.object();
		grant.put("clientId", clientId);
		grant.put("consentType", consentType);
		grant.put("id", grantId(clientId, resourceId, principal ? principalId : null));
		grant.put("principalId", principal ? principalId.toLowerCase() : null);
		grant.put("resourceId", resourceId);
		grant.put("scope", checkedScope(Json.text(body, "scope"), resource));
		return grant;
	}

	private static String servicePrincipalId(Tenant tenant, ObjectNode body, String property) {
		String objectId = Json.text(body, property);
		if (objectId == null || !SchemaValidator.GUID.matcher(objectId).matches()
				|| tenant.servicePrincipal(objectId).isEmpty()) {
			throw GraphError.invalidValue(property, RESOURCE);
		}
		return Json.text(tenant.servicePrincipal(objectId).get(), "id");
	}

	private static String checkedScope(String scope, ObjectNode resource) {
		List<String> values = new ArrayList<>();
		for (String value : (scope == null) ? new String[0] : scope.trim().split("\\s+")) {
			if (value.isEmpty()) {
				continue;
			}
			values.add(canonicalScope(value, resource));
		}
		return String.join(" ", values);
	}

	private static String canonicalScope(String value, ObjectNode resource) {
		for (JsonNode permission : resource.path("oauth2PermissionScopes")) {
			if (value.equalsIgnoreCase(Json.text(permission, "value"))) {
				return Json.text(permission, "value");
			}
		}
		throw GraphError.invalidValue("scope", RESOURCE);
	}

	private static ObjectNode require(Tenant tenant, String grantId) {
		return tenant.grant(grantId).orElseThrow(() -> GraphError.notFound(grantId));
	}

	/**
	 * Graph's grant ids are the client, resource (and principal) object ids' bytes, base64url encoded.
	 */
	private static String grantId(String clientId, String resourceId, String principalId) {
		ByteBuffer bytes = ByteBuffer.allocate((principalId != null) ? 48 : 32);
		for (String objectId : new String[] { clientId, resourceId, principalId }) {
			if (objectId != null) {
				UUID uuid = UUID.fromString(objectId);
				bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
			}
		}
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
	}

}
