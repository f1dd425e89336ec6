package io.dicomreg.sandbox.graph;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.directory.GraphSchema;
import io.dicomreg.sandbox.directory.Json;
import io.dicomreg.sandbox.directory.ServicePrincipals;
import io.dicomreg.sandbox.directory.StoredApplication;
import io.dicomreg.sandbox.directory.Tenant;
import io.dicomreg.sandbox.http.SandboxResponse;

/**
 * {@code /v1.0/servicePrincipals}: list, create for a tenant application, read, update, delete.
 */
final class ServicePrincipalsEndpoint {

	static final FilterParser.FilterableProperties FILTERABLE = new FilterParser.FilterableProperties(
			"ServicePrincipal", GraphSchema.get().properties("servicePrincipal").keySet(),
			Map.of("id", Set.of("eq"), "appId", Set.of("eq"), "displayName", Set.of("eq", "startswith"),
					"servicePrincipalType", Set.of("eq"), "appOwnerOrganizationId", Set.of("eq"), "accountEnabled",
					Set.of("eq"), "servicePrincipalNames", Set.of("any")));

	private static final Set<String> READ_ONLY = Set.of("id", "appId", "appOwnerOrganizationId", "appDisplayName",
			"deletedDateTime", "servicePrincipalType", "createdByAppId");

	SandboxResponse list(GraphCall call) {
		ODataQuery query = ODataQuery.directory(call.request(), "servicePrincipal");
		return GraphResponses.json(200, query.page(servicePrincipals(call), FILTERABLE, call.url("/servicePrincipals"),
				call.metadata("servicePrincipals")));
	}

	/** {@code GET /servicePrincipals/$count}, in an advanced query: the number as text/plain. */
	SandboxResponse count(GraphCall call) {
		ODataQuery query = ODataQuery.directory(call.request(), "servicePrincipal");
		return GraphResponses.count(query.count(servicePrincipals(call), FILTERABLE));
	}

	private static List<ObjectNode> servicePrincipals(GraphCall call) {
		return call.context().store()
			.read((tenant) -> tenant.servicePrincipals().stream().map(Entities::servicePrincipal).toList());
	}

	SandboxResponse create(GraphCall call) {
		ObjectNode body = call.body();
		SchemaValidator.validateObject(body, "servicePrincipal");
		String appId = Json.text(body, "appId");
		if (appId == null) {
			throw GraphError.invalidValue("appId", "ServicePrincipal");
		}
		ObjectNode created = call.context().store().write((tenant) -> {
			StoredApplication application = tenant.applicationByAppId(appId)
				.orElseThrow(() -> GraphError.noBackingApplication(appId));
			if (tenant.servicePrincipalByAppId(appId).isPresent()) {
				throw GraphError.conflict("The service principal cannot be created, updated, or restored because the "
						+ "service principal name " + appId + " is already in use.");
			}
			ObjectNode servicePrincipal = ServicePrincipals.forApplication(application.object(), tenant.tenantId());
			merge(servicePrincipal, body, true);
			tenant.putServicePrincipal(servicePrincipal);
			return Entities.servicePrincipal(servicePrincipal);
		});
		ObjectNode response = Json.object();
		response.put("@odata.context", call.metadata("servicePrincipals/$entity"));
		response.setAll(created);
		return GraphResponses.json(201, response)
			.withHeader("Location", call.url("/servicePrincipals/" + Json.text(created, "id")));
	}

	SandboxResponse get(GraphCall call, ServicePrincipalKey key) {
		ODataQuery query = ODataQuery.of(call.request().query(), "servicePrincipal");
		ObjectNode servicePrincipal = call.context().store()
			.read((tenant) -> Entities.servicePrincipal(key.require(tenant)));
		ObjectNode response = Json.object();
		response.put("@odata.context", query.context(call.metadata("servicePrincipals/$entity")));
		response.setAll(query.project(servicePrincipal));
		return GraphResponses.json(200, response);
	}

	SandboxResponse update(GraphCall call, ServicePrincipalKey key) {
		ObjectNode body = call.body();
		SchemaValidator.validateObject(body, "servicePrincipal");
		call.context().store().write((tenant) -> {
			merge(key.require(tenant), body, false);
			return null;
		});
		return SandboxResponse.noContent();
	}

	SandboxResponse delete(GraphCall call, ServicePrincipalKey key) {
		call.context().store().write((tenant) -> {
			remove(tenant, key.require(tenant));
			return null;
		});
		return SandboxResponse.noContent();
	}

	/**
	 * Removes a service principal and the delegated permission grants and app role assignments it takes part in.
	 * @param tenant the tenant
	 * @param servicePrincipal the service principal
	 */
	static void remove(Tenant tenant, JsonNode servicePrincipal) {
		String objectId = Json.text(servicePrincipal, "id");
		tenant.removeServicePrincipal(objectId);
		List<String> grants = tenant.grants().stream()
			.filter((grant) -> objectId.equals(Json.text(grant, "clientId"))
					|| objectId.equals(Json.text(grant, "resourceId")))
			.map((grant) -> Json.text(grant, "id"))
			.toList();
		grants.forEach(tenant::removeGrant);
		AppRoleAssignmentsEndpoint.removeAll(tenant, objectId);
	}

	private static void merge(ObjectNode servicePrincipal, ObjectNode body, boolean create) {
		body.fields().forEachRemaining((field) -> {
			String name = field.getKey();
			if (name.startsWith("@") || (create && name.equals("appId"))) {
				return;
			}
			if (READ_ONLY.contains(name) || name.endsWith("Credentials")) {
				if (!field.getValue().equals(servicePrincipal.get(name))) {
					throw GraphError.badRequest("Property '" + name + "' is read-only and cannot be set.");
				}
				return;
			}
			servicePrincipal.set(name, field.getValue().deepCopy());
		});
	}

	/**
	 * How a request names one service principal: by object id or by appId.
	 *
	 * @param property id or appId
	 * @param value the value
	 */
	record ServicePrincipalKey(String property, String value) {

		ObjectNode require(Tenant tenant) {
			Optional<ObjectNode> found;
			if (this.property.equals("appId")) {
				found = tenant.servicePrincipalByAppId(this.value);
			}
			else {
				if (!SchemaValidator.GUID.matcher(this.value).matches()) {
					throw GraphError.invalidObjectIdentifier(this.value);
				}
				found = tenant.servicePrincipal(this.value);
			}
			return found.orElseThrow(() -> GraphError.notFound(this.value));
		}

	}

}
