package io.dicomreg.sandbox.graph;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.directory.GraphSchema;
import io.dicomreg.sandbox.directory.StoredApplication;
import io.dicomreg.sandbox.directory.Tenant;
import io.dicomreg.sandbox.http.SandboxResponse;

/**
 * {@code /v1.0/applications}: list, create, read, update (and upsert by uniqueName), delete.
 */
final class ApplicationsEndpoint {

	static final FilterParser.FilterableProperties FILTERABLE = new FilterParser.FilterableProperties("Application",
			GraphSchema.get().properties("application").keySet(),
			Map.of("id", Set.of("eq"), "appId", Set.of("eq"), "displayName", Set.of("eq", "startswith"),
					"uniqueName", Set.of("eq", "startswith"), "signInAudience", Set.of("eq"), "publisherDomain",
					Set.of("eq"), "identifierUris", Set.of("any")));

	SandboxResponse list(GraphCall call) {
		ODataQuery query = ODataQuery.directory(call.request(), "application");
		return GraphResponses.json(200,
				query.page(applications(call), FILTERABLE, call.url("/applications"), call.metadata("applications")));
	}

	/** {@code GET /applications/$count}, in an advanced query: the number as text/plain. */
	SandboxResponse count(GraphCall call) {
		ODataQuery query = ODataQuery.directory(call.request(), "application");
		return GraphResponses.count(query.count(applications(call), FILTERABLE));
	}

	private static List<ObjectNode> applications(GraphCall call) {
		return call.context().store()
			.read((tenant) -> tenant.applications().stream().map(Entities::application).toList());
	}

	SandboxResponse create(GraphCall call) {
		ObjectNode body = call.body();
		SchemaValidator.validateObject(body, "application");
		ObjectNode created = call.context().store().write((tenant) -> create(tenant, call, body, null));
		return created(call, created);
	}

	SandboxResponse get(GraphCall call, ApplicationKey key) {
		ODataQuery query = ODataQuery.of(call.request().query(), "application");
		ObjectNode application = call.context().store().read((tenant) -> Entities.application(key.require(tenant)));
		ObjectNode body = query.project(application);
		ObjectNode response = ((ObjectNode) body.deepCopy()).put("@odata.context",
				query.context(call.metadata("applications/$entity")));
		return GraphResponses.json(200, reorder(response));
	}

	SandboxResponse update(GraphCall call, ApplicationKey key) {
		ObjectNode body = call.body();
		SchemaValidator.validateObject(body, "application");
		boolean upsert = key.property().equals("uniqueName") && prefersCreate(call);
		Optional<ObjectNode> created = call.context().store().write((tenant) -> {
			Optional<StoredApplication> existing = key.find(tenant);
			if (existing.isEmpty() && upsert) {
				return Optional.of(create(tenant, call, body, key.value()));
			}
			StoredApplication application = existing.orElseThrow(() -> GraphError.notFound(key.value()));
			new ApplicationWriter(tenant, application.object(), false).apply(body);
			ApplicationRules.check(tenant, application.object());
			return Optional.empty();
		});
		return created.map((application) -> created(call, application)).orElseGet(SandboxResponse::noContent);
	}

	SandboxResponse delete(GraphCall call, ApplicationKey key) {
		call.context().store().write((tenant) -> {
			StoredApplication application = key.require(tenant);
			tenant.removeApplication(application.objectId());
			tenant.servicePrincipalByAppId(application.appId())
				.ifPresent((sp) -> ServicePrincipalsEndpoint.remove(tenant, sp));
			return null;
		});
		return SandboxResponse.noContent();
	}

	private static ObjectNode create(Tenant tenant, GraphCall call, ObjectNode body, String uniqueName) {
		ObjectNode application = ApplicationDefaults.newApplication(call.caller().appId(),
				call.context().clock().instant());
		ApplicationWriter writer = new ApplicationWriter(tenant, application, true);
		if (uniqueName != null) {
			String sent = body.hasNonNull("uniqueName") ? body.get("uniqueName").asText() : uniqueName;
			if (!sent.equals(uniqueName)) {
				throw GraphError.invalidValue("uniqueName", "Application");
			}
			body.put("uniqueName", uniqueName);
		}
		writer.apply(body);
		ApplicationRules.check(tenant, application);
		StoredApplication stored = new StoredApplication(application, List.of());
		tenant.putApplication(stored);
		return Entities.application(stored);
	}

	private static SandboxResponse created(GraphCall call, ObjectNode application) {
		ObjectNode response = application.deepCopy();
		response.put("@odata.context", call.metadata("applications/$entity"));
		return GraphResponses.json(201, reorder(response))
			.withHeader("Location", call.url("/applications/" + application.path("id").asText()));
	}

	private static boolean prefersCreate(GraphCall call) {
		String prefer = call.request().header("Prefer");
		return prefer != null && prefer.toLowerCase().contains("create-if-missing");
	}

	static ObjectNode reorder(ObjectNode response) {
		ObjectNode ordered = response.objectNode();
		ordered.set("@odata.context", response.get("@odata.context"));
		response.fields().forEachRemaining((field) -> {
			if (!field.getKey().equals("@odata.context")) {
				ordered.set(field.getKey(), field.getValue());
			}
		});
		return ordered;
	}

}
