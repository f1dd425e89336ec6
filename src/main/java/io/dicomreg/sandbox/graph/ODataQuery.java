package io.dicomreg.sandbox.graph;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
import io.dicomreg.sandbox.http.SandboxRequest;

/**
 * The OData system query options of a Graph request ($filter, $select, $top, $skiptoken; for applications and
 * service principals also the advanced $count, $orderby and $search) and the paging they lead to.
 * <p>
 * Advanced queries follow Graph's documented rules for directory objects: {@code $search} needs the header
 * {@code ConsistencyLevel: eventual}; {@code $orderby} needs it and {@code $count=true}; {@code $count=true} without
 * the header is silently ignored (no {@code @odata.count}); {@code /$count} without it is refused.
 */
final class ODataQuery {

	static final int DEFAULT_PAGE_SIZE = 100;

	private static final Set<String> SUPPORTED = Set.of("$filter", "$select", "$top", "$skiptoken");

	private static final Set<String> ADVANCED = Set.of("$count", "$orderby", "$search");

	private static final Set<String> UNSUPPORTED = Set.of("$orderby", "$search", "$expand", "$skip", "$count",
			"$format", "$apply", "$compute");

	/** The properties applications and service principals can be sorted by (in advanced queries). */
	private static final Set<String> SORTABLE = Set.of("displayName");

	private static final String SKIP_TOKEN_PREFIX = "dicomreg-sandbox:";

	private final Map<String, String> options;

	private final String graphType;

	private final Set<String> select;

	private final boolean eventual;

	private ODataQuery(Map<String, String> options, String graphType, Set<String> select, boolean eventual) {
		this.options = normalized(options);
		this.graphType = graphType;
		this.select = select;
		this.eventual = eventual;
	}

	/**
	 * Reads and checks the query options of a collection that supports no advanced query.
	 * @param query the decoded query parameters
	 * @param graphType the entity type, e.g. oAuth2PermissionGrant
	 * @return the query
	 */
	static ODataQuery of(Map<String, String> query, String graphType) {
		check(query, Set.of());
		return new ODataQuery(query, graphType, select(normalized(query).get("$select"), graphType), false);
	}

	/**
	 * Reads and checks the query options of applications or service principals, which support advanced queries.
	 * @param request the request, for its query and its ConsistencyLevel header
	 * @param graphType application or servicePrincipal
	 * @return the query
	 * @throws GraphError Graph's refusals of $search without {@code ConsistencyLevel: eventual} and of $orderby
	 * outside an advanced query
	 */
	static ODataQuery directory(SandboxRequest request, String graphType) {
		Map<String, String> query = request.query();
		check(query, ADVANCED);
		String consistency = request.header("ConsistencyLevel");
		boolean eventual = consistency != null && consistency.strip().equalsIgnoreCase("eventual");
		ODataQuery parsed = new ODataQuery(query, graphType, select(normalized(query).get("$select"), graphType),
				eventual);
		parsed.countRequested();
		if (parsed.options.containsKey("$search") && !eventual) {
			throw GraphError.unsupportedQuery("Request with $search query parameter only works through MSGraph with "
					+ "a special request header: 'ConsistencyLevel: eventual'");
		}
		if (parsed.options.containsKey("$orderby")) {
			parsed.comparator();
		}
		return parsed;
	}

	/** The options with their names in lower case ($orderBy is $orderby), as Graph reads them. */
	private static Map<String, String> normalized(Map<String, String> options) {
		Map<String, String> normalized = new LinkedHashMap<>();
		options.forEach((name, value) -> normalized.put(name.startsWith("$") ? name.toLowerCase() : name, value));
		return normalized;
	}

	private static void check(Map<String, String> query, Set<String> allowed) {
		for (String name : query.keySet()) {
			String option = name.toLowerCase();
			if (allowed.contains(option)) {
				continue;
			}
			if (UNSUPPORTED.contains(option)) {
				throw GraphError.unsupportedQuery("Unsupported Query.");
			}
			if (name.startsWith("$") && !SUPPORTED.contains(option)) {
				throw GraphError.odataBadRequest("The query parameter '" + name + "' is not supported.");
			}
		}
	}

	/**
	 * {@code GET /applications/$count}: the number of objects that match, which Graph answers only in an advanced
	 * query.
	 * @param items the whole collection
	 * @param filterable what $filter and $search may use
	 * @return the count
	 * @throws GraphError 400 without {@code ConsistencyLevel: eventual}
	 */
	int count(List<ObjectNode> items, FilterParser.FilterableProperties filterable) {
		if (!this.eventual) {
			throw GraphError.unsupportedQuery("Raw count (/$count) is not supported because the "
					+ "'ConsistencyLevel:eventual' header is missing. Refer to "
					+ "https://aka.ms/graph-docs/advanced-queries for more information");
		}
		return matching(items, filterable).size();
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
		List<ObjectNode> matching = matching(items, filterable);
		int top = top();
		int offset = skip();
		ObjectNode page = Json.object();
		page.put("@odata.context", context(contextUrl));
		if (this.eventual && countRequested()) {
			page.put("@odata.count", matching.size());
		}
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

	/** The items $filter and $search keep, in the order $orderby asks for (else the collection's own). */
	private List<ObjectNode> matching(List<ObjectNode> items, FilterParser.FilterableProperties filterable) {
		Predicate<JsonNode> predicate = (item) -> true;
		String filter = this.options.get("$filter");
		if (filter != null && !filter.isBlank()) {
			predicate = predicate.and(FilterParser.parse(filter, filterable, this.eventual && countRequested()));
		}
		String search = this.options.get("$search");
		if (search != null && !search.isBlank()) {
			predicate = predicate.and(DirectorySearch.parse(search, filterable));
		}
		List<ObjectNode> matching = items.stream().filter(predicate).toList();
		Comparator<JsonNode> comparator = comparator();
		return (comparator == null) ? matching : matching.stream().sorted(comparator).toList();
	}

	/** Whether $count=true was asked; any value but true or false is refused. */
	private boolean countRequested() {
		String count = this.options.get("$count");
		if (count == null || count.equalsIgnoreCase("false")) {
			return false;
		}
		if (count.equalsIgnoreCase("true")) {
			return true;
		}
		throw GraphError.odataBadRequest("Invalid value for $count: '" + count + "'. Only 'true' and 'false' are "
				+ "allowed.");
	}

	/**
	 * The order $orderby asks for: one sortable property, asc (the default) or desc, compared ignoring case, objects
	 * without a value last (first when descending). Only in an advanced query.
	 * @return the comparator, or null without $orderby
	 */
	private Comparator<JsonNode> comparator() {
		String orderBy = this.options.get("$orderby");
		if (orderBy == null) {
			return null;
		}
		String[] words = orderBy.strip().split("\\s+");
		String property = words[0];
		if (!GraphSchema.get().properties(this.graphType).containsKey(property)) {
			throw GraphError.odataBadRequest(
					"Could not find a property named '" + property + "' on type 'microsoft.graph." + this.graphType + "'.");
		}
		boolean descending = words.length == 2 && words[1].equalsIgnoreCase("desc");
		boolean valid = words.length == 1 || (words.length == 2 && (descending || words[1].equalsIgnoreCase("asc")));
		if (!valid) {
			throw GraphError.odataBadRequest("Invalid $orderby clause '" + orderBy + "'.");
		}
		if (!this.eventual || !countRequested() || !SORTABLE.contains(property)) {
			throw GraphError.unsupportedQuery("Sorting not supported for current query.");
		}
		Comparator<JsonNode> ascending = Comparator.comparing((JsonNode item) -> text(item, property),
				Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER));
		return descending ? ascending.reversed() : ascending;
	}

	private static String text(JsonNode item, String property) {
		JsonNode value = item.get(property);
		return (value == null || value.isNull()) ? null : value.asText();
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
		for (String name : List.of("$filter", "$search", "$orderby", "$count", "$select", "$top")) {
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
