package io.dicomreg.sandbox.graph;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.directory.GraphSchema;
import io.dicomreg.sandbox.directory.Json;

/**
 * The OData system query options of a Graph request ($filter, $select, $top, $skiptoken) and the paging they
 * lead to.
 */
final class ODataQuery {

	static final int DEFAULT_PAGE_SIZE = 100;

	private static final Set<String> SUPPORTED = Set.of("$filter", "$select", "$top", "$skiptoken");

	private static final Set<String> UNSUPPORTED = Set.of("$orderby", "$search", "$expand", "$skip", "$count",
			"$format", "$apply", "$compute");

	private static final String SKIP_TOKEN_PREFIX = "dicomreg-sandbox:";

	private final Map<String, String> options;

	private final String graphType;

	private final Set<String> select;

	private ODataQuery(Map<String, String> options, String graphType, Set<String> select) {
		this.options = options;
		this.graphType = graphType;
		this.select = select;
	}

	/**
	 * Reads and checks the query options.
	 * @param query the decoded query parameters
	 * @param graphType the entity type, e.g. application
	 * @return the query
	 */
	static ODataQuery of(Map<String, String> query, String graphType) {
		for (String name : query.keySet()) {
			if (UNSUPPORTED.contains(name.toLowerCase())) {
				throw GraphError.unsupportedQuery("Unsupported Query.");
			}
			if (name.startsWith("$") && !SUPPORTED.contains(name.toLowerCase())) {
				throw GraphError.odataBadRequest("The query parameter '" + name + "' is not supported.");
			}
		}
		return new ODataQuery(query, graphType, select(query.get("$select"), graphType));
	}

	Set<String> select() {
		return this.select;
	}

	/**
	 * One page of a collection, with @odata.context and, when more remain, @odata.nextLink.
	 * @param items the whole collection, in a stable order
	 * @param filterable what $filter may use
	 * @param collectionUrl the collection's URL, e.g. https://host/v1.0/applications
	 * @param contextUrl the @odata.context without a select list
	 * @return the page
	 */
	ObjectNode page(List<ObjectNode> items, FilterParser.FilterableProperties filterable, String collectionUrl,
			String contextUrl) {
		List<ObjectNode> matching = filter(items, filterable);
		int top = top();
		int offset = skip();
		ObjectNode page = Json.object();
		page.put("@odata.context", context(contextUrl));
		int end = Math.min(matching.size(), offset + top);
		if (end < matching.size()) {
			page.put("@odata.nextLink", nextLink(collectionUrl, end));
		}
		ArrayNode value = page.putArray("value");
		for (ObjectNode item : matching.subList(Math.min(offset, matching.size()), end)) {
			value.add(project(item));
		}
		return page;
	}

	/**
	 * The object with only the selected properties, when there is a $select.
	 * @param object the object
	 * @return the projection
	 */
	ObjectNode project(ObjectNode object) {
		if (this.select.isEmpty()) {
			return object;
		}
		ObjectNode projection = Json.object();
		this.select.forEach((name) -> projection.set(name, object.get(name)));
		return projection;
	}

	String context(String contextUrl) {
		if (this.select.isEmpty()) {
			return contextUrl;
		}
		int hash = contextUrl.lastIndexOf('#');
		String entity = contextUrl.substring(hash + 1);
		int slash = entity.indexOf('/');
		String set = (slash < 0) ? entity : entity.substring(0, slash);
		String rest = (slash < 0) ? "" : entity.substring(slash);
		return contextUrl.substring(0, hash + 1) + set + "(" + String.join(",", this.select) + ")" + rest;
	}

	private List<ObjectNode> filter(List<ObjectNode> items, FilterParser.FilterableProperties filterable) {
		String filter = this.options.get("$filter");
		if (filter == null || filter.isBlank()) {
			return items;
		}
		Predicate<JsonNode> predicate = FilterParser.parse(filter, filterable);
		return items.stream().filter(predicate).toList();
	}

	private int top() {
		String top = this.options.get("$top");
		if (top == null) {
			return DEFAULT_PAGE_SIZE;
		}
		try {
			int value = Integer.parseInt(top.trim());
			if (value >= 1 && value <= 999) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw GraphError.badRequest("Invalid page size specified: '" + top + "'. Must be between 1 and 999 inclusive.");
	}

	private int skip() {
		String token = this.options.get("$skiptoken");
		if (token == null) {
			return 0;
		}
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
			if (decoded.startsWith(SKIP_TOKEN_PREFIX)) {
				return Integer.parseInt(decoded.substring(SKIP_TOKEN_PREFIX.length()));
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		throw GraphError.badRequest("Invalid $skiptoken value '" + token + "'.");
	}

	private String nextLink(String collectionUrl, int offset) {
		List<String> parts = new ArrayList<>();
		for (String name : List.of("$filter", "$select", "$top")) {
			String value = this.options.get(name);
			if (value != null) {
				parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
			}
		}
		String token = Base64.getUrlEncoder().withoutPadding()
			.encodeToString((SKIP_TOKEN_PREFIX + offset).getBytes(StandardCharsets.UTF_8));
		parts.add("$skiptoken=" + token);
		return collectionUrl + "?" + String.join("&", parts);
	}

	private static Set<String> select(String select, String graphType) {
		Set<String> names = new LinkedHashSet<>();
		if (select == null || select.isBlank()) {
			return names;
		}
		Set<String> declared = GraphSchema.get().properties(graphType).keySet();
		for (String name : select.split(",")) {
			String property = name.trim();
			if (!declared.contains(property)) {
				throw GraphError.odataBadRequest(
						"Could not find a property named '" + property + "' on type 'microsoft.graph." + graphType + "'.");
			}
			names.add(property);
		}
		return names;
	}

}
