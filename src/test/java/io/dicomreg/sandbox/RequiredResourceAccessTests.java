package io.dicomreg.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * requiredResourceAccess checks: resources known to the tenant, permissions they expose, and the 50/400 limits.
 */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequiredResourceAccessTests {

	private static final String INVALID = "Invalid value specified for property 'requiredResourceAccess' of resource "
			+ "'Application'.";

	private GraphFixture graph;

	@BeforeAll
	void setUp(Sandbox server) {
		this.graph = new GraphFixture(server);
	}

	@Test
	void dicomScopeAndGraphPermissionsAreAccepted() {
		SandboxHttp.Response response = create(List.of(
				access(SandboxDirectory.DICOM_APP_ID, List.of(permission(SandboxDirectory.DICOM_SCOPE_ID, "Scope"))),
				access(SandboxDirectory.GRAPH_APP_ID, List.of(
						permission(SandboxDirectory.graphScope("User.Read").orElseThrow().id(), "Scope"),
						permission(SandboxDirectory.graphRole("Application.Read.All").orElseThrow().id(), "Role")))));
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().path("requiredResourceAccess")).hasSize(2);
	}

	@Test
	void resourceWithoutAServicePrincipalInTheTenantIsRefused() {
		SandboxHttp.Response response = create(List.of(access(UUID.randomUUID().toString(),
				List.of(permission(SandboxDirectory.DICOM_SCOPE_ID, "Scope")))));
		GraphApplicationsTests.assertGraphError(response, 400, "Request_BadRequest", INVALID);
	}

	@Test
	void scopeTheResourceDoesNotExposeIsRefused() {
		SandboxHttp.Response response = create(List.of(access(SandboxDirectory.DICOM_APP_ID,
				List.of(permission(UUID.randomUUID().toString(), "Scope")))));
		GraphApplicationsTests.assertGraphError(response, 400, "Request_BadRequest", INVALID);
	}

	@Test
	void scopeIdUsedAsARoleIsRefused() {
		SandboxHttp.Response response = create(List.of(access(SandboxDirectory.GRAPH_APP_ID,
				List.of(permission(SandboxDirectory.graphScope("User.Read").orElseThrow().id(), "Role")))));
		GraphApplicationsTests.assertGraphError(response, 400, "Request_BadRequest", INVALID);
	}

	@Test
	void atMost50ResourcesAreAccepted() {
		List<String> resourceAppIds = new ArrayList<>();
		for (int i = 0; i < 51; i++) {
			JsonNode app = this.graph.createApplication("resource " + i);
			this.graph.createServicePrincipal(app.path("appId").asText());
			resourceAppIds.add(app.path("appId").asText());
		}
		List<Map<String, Object>> fifty = new ArrayList<>();
		resourceAppIds.stream().limit(50).forEach((appId) -> fifty.add(access(appId, List.of())));
		List<Map<String, Object>> fiftyOne = new ArrayList<>(fifty);
		fiftyOne.add(access(resourceAppIds.get(50), List.of()));
		assertThat(create(fifty).status()).isEqualTo(201);
		GraphApplicationsTests.assertGraphError(create(fiftyOne), 400, "Request_BadRequest", INVALID);
	}

	@Test
	void atMost400PermissionsAreAccepted() {
		String scopeId = SandboxDirectory.graphScope("User.Read").orElseThrow().id();
		List<Map<String, String>> permissions = new ArrayList<>();
		for (int i = 0; i < 401; i++) {
			permissions.add(permission(scopeId, "Scope"));
		}
		assertThat(create(List.of(access(SandboxDirectory.GRAPH_APP_ID, permissions.subList(0, 400)))).status())
			.isEqualTo(201);
		GraphApplicationsTests.assertGraphError(create(List.of(access(SandboxDirectory.GRAPH_APP_ID, permissions))),
				400, "Request_BadRequest", INVALID);
	}

	private SandboxHttp.Response create(List<Map<String, Object>> requiredResourceAccess) {
		return this.graph.http().post("/v1.0/applications", this.graph.token(),
				Map.of("displayName", "permissions", "requiredResourceAccess", requiredResourceAccess));
	}

	private static Map<String, Object> access(String resourceAppId, List<Map<String, String>> permissions) {
		return Map.of("resourceAppId", resourceAppId, "resourceAccess", permissions);
	}

	private static Map<String, String> permission(String id, String type) {
		return Map.of("id", id, "type", type);
	}

}
