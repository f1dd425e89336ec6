package io.dicomreg.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OData query options on applications: $filter, $select, $top and paging through @odata.nextLink.
 */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphQueryTests {

	private SandboxHttp http;

	private String token;

	private JsonNode alpha;

	@BeforeAll
	void setUp(Sandbox server) {
		GraphFixture graph = new GraphFixture(server);
		this.http = graph.http();
		this.token = graph.token();
		this.alpha = graph.createApplication(Map.of("displayName", "Query Alpha", "uniqueName", "query-alpha"));
		graph.createApplication(Map.of("displayName", "Query Beta", "uniqueName", "query-beta"));
		graph.createApplication(Map.of("displayName", "Other Gamma"));
		for (int i = 0; i < 5; i++) {
			graph.createApplication("Paged " + i);
		}
	}

	@Test
	void displayNameEqualsIsCaseInsensitive() {
		assertThat(names("displayName eq 'query alpha'")).containsExactly("Query Alpha");
	}

	@Test
	void startsWithMatchesPrefixes() {
		assertThat(names("startswith(displayName,'Query')")).containsExactly("Query Alpha", "Query Beta");
	}

	@Test
	void appIdAndUniqueNameFiltersFindOneApplication() {
		assertThat(names("appId eq '" + this.alpha.path("appId").asText() + "'")).containsExactly("Query Alpha");
		assertThat(names("uniqueName eq 'query-beta'")).containsExactly("Query Beta");
	}

	@Test
	void conditionsCombineWithAnd() {
		assertThat(names("startswith(displayName,'Query') and uniqueName eq 'query-beta'")).containsExactly("Query Beta");
		assertThat(names("startswith(displayName,'Query') and displayName eq 'Other Gamma'")).isEmpty();
	}

	@Test
	void unsupportedOperatorIsRefusedAsUnsupportedQuery() {
		GraphApplicationsTests.assertGraphError(list("$filter=" + encode("displayName ne 'x'")), 400,
				"Request_UnsupportedQuery", "Unsupported Query.");
		GraphApplicationsTests.assertGraphError(list("$filter=" + encode("endswith(displayName,'a')")), 400,
				"Request_UnsupportedQuery", "Unsupported Query.");
	}

	@Test
	void propertyThatCannotBeFilteredIsNamedInTheError() {
		GraphApplicationsTests.assertGraphError(list("$filter=" + encode("notes eq 'x'")), 400,
				"Request_UnsupportedQuery",
				"Unsupported or invalid query filter clause specified for property 'notes' of resource 'Application'.");
	}

	@Test
	void malformedFilterIsRefused() {
		SandboxHttp.Response response = list("$filter=" + encode("displayName eq 'open"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorCode()).isEqualTo("BadRequest");
		assertThat(response.errorMessage()).startsWith("Invalid filter clause");
	}

	@Test
	void selectReturnsOnlyTheNamedPropertiesAndSaysSoInTheContext() {
		JsonNode page = list("$select=displayName,appId&$filter=" + encode("displayName eq 'Query Alpha'")).json();
		assertThat(page.path("@odata.context").asText()).endsWith("/$metadata#applications(displayName,appId)");
		JsonNode app = page.path("value").get(0);
		assertThat(app.size()).isEqualTo(2);
		assertThat(app.path("appId").asText()).isEqualTo(this.alpha.path("appId").asText());
	}

	@Test
	void selectOfAnUnknownPropertyIsRefused() {
		GraphApplicationsTests.assertGraphError(list("$select=colour"), 400, "BadRequest",
				"Could not find a property named 'colour' on type 'microsoft.graph.application'.");
	}

	@Test
	void topMustBeBetween1And999() {
		assertThat(list("$top=999").status()).isEqualTo(200);
		GraphApplicationsTests.assertGraphError(list("$top=0"), 400, "Request_BadRequest",
				"Invalid page size specified: '0'. Must be between 1 and 999 inclusive.");
		GraphApplicationsTests.assertGraphError(list("$top=1000"), 400, "Request_BadRequest",
				"Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.");
	}

	@Test
	void nextLinkWalksEveryPageOnceAndKeepsTheFilter() {
		List<String> names = new ArrayList<>();
		SandboxHttp.Response response = list("$top=2&$filter=" + encode("startswith(displayName,'Paged')"));
		int pages = 0;
		while (true) {
			JsonNode page = response.json();
			pages++;
			page.path("value").forEach((app) -> names.add(app.path("displayName").asText()));
			if (!page.hasNonNull("@odata.nextLink")) {
				break;
			}
			assertThat(page.path("@odata.nextLink").asText()).contains("$skiptoken=").contains("$filter=");
			response = this.http.get(page.path("@odata.nextLink").asText(), this.token);
		}
		assertThat(pages).isEqualTo(3);
		assertThat(names).containsExactly("Paged 0", "Paged 1", "Paged 2", "Paged 3", "Paged 4");
	}

	@Test
	void listHasTheCollectionContext() {
		assertThat(list("$top=1").json().path("@odata.context").asText()).endsWith("/v1.0/$metadata#applications");
	}

	private List<String> names(String filter) {
		List<String> names = new ArrayList<>();
		SandboxHttp.Response response = list("$filter=" + encode(filter));
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		response.json().path("value").forEach((app) -> names.add(app.path("displayName").asText()));
		return names;
	}

	private SandboxHttp.Response list(String query) {
		return this.http.get("/v1.0/applications?" + query, this.token);
	}

	private static String encode(String text) {
		return SandboxHttp.encode(text).replace("+", "%20");
	}

}
