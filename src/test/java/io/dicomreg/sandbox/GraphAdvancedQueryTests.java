package io.dicomreg.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Graph's query options on applications and service principals as its documentation shows them: {@code in},
 * {@code $count} (as a query option and as a segment), {@code $orderby} and {@code $search}, with and without
 * {@code ConsistencyLevel: eventual}.
 */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphAdvancedQueryTests {

	private static final String EVENTUAL = "eventual";

	private SandboxHttp http;

	private String token;

	private final List<JsonNode> applications = new ArrayList<>();

	@BeforeAll
	void setUp(Sandbox sandbox) {
		GraphFixture graph = new GraphFixture(sandbox);
		this.http = graph.http();
		this.token = graph.token();
		for (String name : List.of("Search DICOM Viewer", "Search dicomViewer2", "Search Other-Gamma",
				"Search alpha", "Search Beta")) {
			this.applications.add(graph.createApplication(Map.of("displayName", name)));
		}
		graph.createServicePrincipal(this.applications.get(0).path("appId").asText());
		graph.createServicePrincipal(this.applications.get(1).path("appId").asText());
	}

	@Test
	void inMatchesAnyListedAppIdOrIdWithoutAdvancedQuery() {
		String appIds = quoted(List.of(appId(0), appId(3)));
		assertThat(names(list("/v1.0/applications", "$filter=" + encode("appId in (" + appIds + ")"), null)))
			.containsExactlyInAnyOrder("Search DICOM Viewer", "Search alpha");
		String ids = quoted(List.of(this.applications.get(2).path("id").asText()));
		assertThat(names(list("/v1.0/applications", "$filter=" + encode("id in (" + ids + ")"), null)))
			.containsExactly("Search Other-Gamma");
		assertThat(names(list("/v1.0/servicePrincipals", "$filter=" + encode("appId in (" + quoted(List.of(appId(0),
				appId(1), appId(4))) + ")"), null)))
			.containsExactlyInAnyOrder("Search DICOM Viewer", "Search dicomViewer2");
	}

	@Test
	void inWithMoreThanFifteenValuesNeedsAnAdvancedQuery() {
		String sixteen = quoted(IntStream.range(0, 16).mapToObj((i) -> java.util.UUID.randomUUID().toString())
			.collect(Collectors.toList()));
		String filter = "$filter=" + encode("appId in (" + sixteen + ")");
		GraphApplicationsTests.assertGraphError(list("/v1.0/applications", filter, null), 400,
				"Request_UnsupportedQuery",
				"Too many child clauses specified in search filter expression containing 'OR' operators: 16. Max "
						+ "allowed: 15.");
		assertThat(list("/v1.0/applications", filter + "&$count=true", EVENTUAL).status()).isEqualTo(200);
	}

	@Test
	void countOptionAddsTheCountOnlyWithConsistencyLevelEventual() {
		String filter = "$filter=" + encode("startswith(displayName,'Search')");
		JsonNode counted = list("/v1.0/applications", filter + "&$count=true&$top=2", EVENTUAL).json();
		List<String> fields = new ArrayList<>();
		counted.fieldNames().forEachRemaining(fields::add);
		assertThat(fields).containsExactly("@odata.context", "@odata.count", "@odata.nextLink", "value");
		assertThat(counted.path("@odata.count").asInt()).isEqualTo(5);
		assertThat(counted.path("value")).hasSize(2);
		JsonNode next = this.http.send(this.http.builder(counted.path("@odata.nextLink").asText(), this.token)
			.header("ConsistencyLevel", EVENTUAL)).json();
		assertThat(next.path("@odata.count").asInt()).isEqualTo(5);
		JsonNode ignored = list("/v1.0/applications", filter + "&$count=true", null).json();
		assertThat(ignored.has("@odata.count")).isFalse();
		assertThat(ignored.path("value")).hasSize(5);
	}

	@Test
	void countSegmentAnswersTextOnlyWithConsistencyLevelEventual() {
		SandboxHttp.Response count = list("/v1.0/applications/$count", "$filter=" + encode(
				"startswith(displayName,'Search')"), EVENTUAL);
		assertThat(count.status()).isEqualTo(200);
		assertThat(count.header("Content-Type")).startsWith("text/plain");
		assertThat(count.text()).isEqualTo("5");
		SandboxHttp.Response servicePrincipals = list("/v1.0/servicePrincipals/$count", "$search="
				+ encode("\"displayName:search\""), EVENTUAL);
		assertThat(servicePrincipals.text()).isEqualTo("2");
		GraphApplicationsTests.assertGraphError(list("/v1.0/applications/$count", null, null), 400,
				"Request_UnsupportedQuery", "Raw count (/$count) is not supported because the "
						+ "'ConsistencyLevel:eventual' header is missing. Refer to "
						+ "https://aka.ms/graph-docs/advanced-queries for more information");
	}

	@Test
	void orderByDisplayNameSortsAscendingOrDescendingInAnAdvancedQuery() {
		String filter = "$filter=" + encode("startswith(displayName,'Search')") + "&$count=true";
		assertThat(names(list("/v1.0/applications", filter + "&$orderby=displayName", EVENTUAL))).containsExactly(
				"Search alpha", "Search Beta", "Search DICOM Viewer", "Search dicomViewer2", "Search Other-Gamma");
		assertThat(names(list("/v1.0/applications", filter + "&$orderby=" + encode("displayName desc"), EVENTUAL)))
			.containsExactly("Search Other-Gamma", "Search dicomViewer2", "Search DICOM Viewer", "Search Beta",
					"Search alpha");
		assertThat(names(list("/v1.0/applications", filter.replace("$count", "$Count") + "&$orderBy="
				+ encode("displayName DESC"), EVENTUAL)).get(0)).isEqualTo("Search Other-Gamma");
		GraphApplicationsTests.assertGraphError(list("/v1.0/applications", "$orderby=displayName", null), 400,
				"Request_UnsupportedQuery", "Sorting not supported for current query.");
		GraphApplicationsTests.assertGraphError(list("/v1.0/applications", "$orderby=displayName", EVENTUAL), 400,
				"Request_UnsupportedQuery", "Sorting not supported for current query.");
		GraphApplicationsTests.assertGraphError(list("/v1.0/applications", "$count=true&$orderby=appId", EVENTUAL),
				400, "Request_UnsupportedQuery", "Sorting not supported for current query.");
		GraphApplicationsTests.assertGraphError(list("/v1.0/applications", "$count=true&$orderby=colour", EVENTUAL),
				400, "BadRequest", "Could not find a property named 'colour' on type 'microsoft.graph.application'.");
	}

	@Test
	void searchMatchesWordsByTheirStartAsGraphTokenizesThem() {
		assertThat(search("\"displayName:dicom\"")).containsExactlyInAnyOrder("Search DICOM Viewer",
				"Search dicomViewer2");
		assertThat(search("\"displayName:view\"")).containsExactlyInAnyOrder("Search DICOM Viewer",
				"Search dicomViewer2");
		assertThat(search("\"displayName:iewer\"")).isEmpty();
		assertThat(search("\"displayName:viewer 2\"")).containsExactly("Search dicomViewer2");
		assertThat(search("\"displayName:OtherGamma\"")).containsExactly("Search Other-Gamma");
		assertThat(search("\"displayName:othergamma\"")).containsExactly("Search Other-Gamma");
		assertThat(search("\"displayName:alpha\" OR \"displayName:beta\"")).containsExactlyInAnyOrder("Search alpha",
				"Search Beta");
		assertThat(search("\"displayName:search\" AND (\"displayName:gamma\" OR \"displayName:beta\")"))
			.containsExactlyInAnyOrder("Search Other-Gamma", "Search Beta");
		assertThat(search("\"appId:" + appId(3).substring(0, 8) + "\"")).containsExactly("Search alpha");
	}

	@Test
	void searchNeedsConsistencyLevelEventualAndAClauseWithAProperty() {
		GraphApplicationsTests.assertGraphError(list("/v1.0/applications", "$search=" + encode("\"displayName:x\""),
				null), 400, "Request_UnsupportedQuery", "Request with $search query parameter only works through "
						+ "MSGraph with a special request header: 'ConsistencyLevel: eventual'");
		SandboxHttp.Response bare = list("/v1.0/applications", "$search=dicom", EVENTUAL);
		assertThat(bare.status()).isEqualTo(400);
		assertThat(bare.errorCode()).isEqualTo("BadRequest");
		assertThat(bare.errorMessage()).startsWith("Invalid $search clause");
	}

	@Test
	void otherCollectionsStillRefuseTheAdvancedOptions() {
		GraphApplicationsTests.assertGraphError(list("/v1.0/oauth2PermissionGrants", "$count=true", EVENTUAL), 400,
				"Request_UnsupportedQuery", "Unsupported Query.");
	}

	private List<String> search(String search) {
		return names(list("/v1.0/applications", "$search=" + encode(search), EVENTUAL));
	}

	private SandboxHttp.Response list(String path, String query, String consistencyLevel) {
		var request = this.http.builder(path + ((query != null) ? "?" + query : ""), this.token);
		if (consistencyLevel != null) {
			request.header("ConsistencyLevel", consistencyLevel);
		}
		return this.http.send(request);
	}

	private List<String> names(SandboxHttp.Response response) {
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		List<String> names = new ArrayList<>();
		response.json().path("value").forEach((app) -> names.add(app.path("displayName").asText()));
		return names;
	}

	private String appId(int index) {
		return this.applications.get(index).path("appId").asText();
	}

	private static String quoted(List<String> values) {
		return values.stream().map((value) -> "'" + value + "'").collect(Collectors.joining(","));
	}

	private static String encode(String text) {
		return SandboxHttp.encode(text).replace("+", "%20");
	}

}
