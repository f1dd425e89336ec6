package io.dicomreg.sandbox.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Parses the {@code $filter} subset Graph supports on directory objects without advanced queries: {@code eq},
 * {@code in} (wherever {@code eq} is, at most 15 values unless the query is an advanced one), {@code startswith},
 * {@code any} on string collections, joined with {@code and} / {@code or}.
 */
final class FilterParser {

	/** The values an {@code in} may list outside advanced queries. */
	static final int MAX_IN_VALUES = 15;

	private final List<String> tokens;

	private final FilterableProperties properties;

	private final boolean advanced;

	private int position;

	private FilterParser(List<String> tokens, FilterableProperties properties, boolean advanced) {
		this.tokens = tokens;
		this.properties = properties;
		this.advanced = advanced;
	}

	/**
	 * Parses a filter.
	 * @param filter the $filter text
	 * @param properties what may be filtered on, and how
	 * @return a predicate over Graph objects
	 */
	static Predicate<JsonNode> parse(String filter, FilterableProperties properties) {
		return parse(filter, properties, false);
	}

	/**
	 * Parses a filter of a query that may be an advanced one.
	 * @param filter the $filter text
	 * @param properties what may be filtered on, and how
	 * @param advanced whether the request is an advanced query (ConsistencyLevel: eventual and $count=true)
	 * @return a predicate over Graph objects
	 */
	static Predicate<JsonNode> parse(String filter, FilterableProperties properties, boolean advanced) {
		FilterParser parser = new FilterParser(tokenize(filter), properties, advanced);
		Predicate<JsonNode> predicate = parser.orExpression();
		if (parser.position != parser.tokens.size()) {
			throw invalid("unexpected '" + parser.tokens.get(parser.position) + "'");
		}
		return predicate;
	}

	private Predicate<JsonNode> orExpression() {
		Predicate<JsonNode> predicate = andExpression();
		while (acceptKeyword("or")) {
			predicate = predicate.or(andExpression());
		}
		return predicate;
	}

	private Predicate<JsonNode> andExpression() {
		Predicate<JsonNode> predicate = term();
		while (acceptKeyword("and")) {
			predicate = predicate.and(term());
		}
		return predicate;
	}

	private Predicate<JsonNode> term() {
		if (accept("(")) {
			Predicate<JsonNode> inner = orExpression();
			expect(")");
			return inner;
		}
		String name = next();
		if (peekIs("(")) {
			return function(name);
		}
		if (peekIs("/")) {
			return lambda(name);
		}
		String operator = next().toLowerCase(Locale.ROOT);
		if (operator.equals("in")) {
			return in(name);
		}
		String literal = literal();
		if (!operator.equals("eq")) {
			throw unsupported();
		}
		this.properties.check(name, "eq");
		return (object) -> equalsText(object.get(name), literal);
	}

	/** {@code property in ('a', 'b')}: supported wherever {@code eq} is, as Graph documents. */
	private Predicate<JsonNode> in(String name) {
		expect("(");
		List<String> literals = new ArrayList<>();
		literals.add(literal());
		while (accept(",")) {
			literals.add(literal());
		}
		expect(")");
		this.properties.check(name, "eq");
		if (literals.size() > MAX_IN_VALUES && !this.advanced) {
			throw GraphError.unsupportedQuery("Too many child clauses specified in search filter expression "
					+ "containing 'OR' operators: " + literals.size() + ". Max allowed: " + MAX_IN_VALUES + ".");
		}
		return (object) -> literals.stream().anyMatch((literal) -> equalsText(object.get(name), literal));
	}

	private Predicate<JsonNode> function(String name) {
		if (!name.equalsIgnoreCase("startswith")) {
			throw unsupported();
		}
		expect("(");
		String property = next();
		expect(",");
		String prefix = literal();
		expect(")");
		this.properties.check(property, "startswith");
		return (object) -> startsWith(object.get(property), prefix);
	}

	private Predicate<JsonNode> lambda(String collection) {
		expect("/");
		if (!next().equalsIgnoreCase("any")) {
			throw unsupported();
		}
		expect("(");
		String variable = next();
		expect(":");
		if (!next().equals(variable)) {
			throw invalid("the lambda variable '" + variable + "' is not used");
		}
		String operator = next().toLowerCase(Locale.ROOT);
		String literal = literal();
		expect(")");
		if (!operator.equals("eq")) {
			throw unsupported();
		}
		this.properties.check(collection, "any");
		return (object) -> {
			for (JsonNode element : object.path(collection)) {
				if (equalsText(element, literal)) {
					return true;
				}
			}
			return false;
		};
	}

	private String literal() {
		String token = next();
		if (token.startsWith("'")) {
			return token.substring(1, token.length() - 1).replace("''", "'");
		}
		if (token.equals("null")) {
			return null;
		}
		if (token.equals("true") || token.equals("false") || token.matches("-?[0-9A-Fa-f-]+")) {
			return token;
		}
		throw invalid("'" + token + "' is not a literal");
	}

	private static boolean equalsText(JsonNode value, String literal) {
		if (value == null || value.isNull()) {
			return literal == null;
		}
		return literal != null && value.asText().equalsIgnoreCase(literal);
	}

	private static boolean startsWith(JsonNode value, String prefix) {
		return value != null && !value.isNull() && prefix != null
				&& value.asText().toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT));
	}

	private boolean acceptKeyword(String keyword) {
		if (this.position < this.tokens.size() && this.tokens.get(this.position).equalsIgnoreCase(keyword)) {
			this.position++;
			return true;
		}
		if (this.position < this.tokens.size() && Set.of("not", "ne", "gt", "lt", "ge", "le", "in", "has")
			.contains(this.tokens.get(this.position).toLowerCase(Locale.ROOT))) {
			throw unsupported();
		}
		return false;
	}

	private boolean accept(String token) {
		if (peekIs(token)) {
			this.position++;
			return true;
		}
		return false;
	}

	private boolean peekIs(String token) {
		return this.position < this.tokens.size() && this.tokens.get(this.position).equals(token);
	}

	private void expect(String token) {
		if (!accept(token)) {
			throw invalid("expected '" + token + "'");
		}
	}

	private String next() {
		if (this.position >= this.tokens.size()) {
			throw invalid("unexpected end of the expression");
		}
		return this.tokens.get(this.position++);
	}

	private static List<String> tokenize(String filter) {
		List<String> tokens = new ArrayList<>();
		int i = 0;
		while (i < filter.length()) {
			char c = filter.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (c == '\'') {
				int end = closingQuote(filter, i);
				tokens.add(filter.substring(i, end + 1));
				i = end + 1;
			}
			else if ("(),/:".indexOf(c) >= 0) {
				tokens.add(String.valueOf(c));
				i++;
			}
			else {
				int start = i;
				while (i < filter.length() && !Character.isWhitespace(filter.charAt(i))
						&& "(),/:'".indexOf(filter.charAt(i)) < 0) {
					i++;
				}
				tokens.add(filter.substring(start, i));
			}
		}
		return tokens;
	}

	private static int closingQuote(String filter, int open) {
		int i = open + 1;
		while (i < filter.length()) {
			if (filter.charAt(i) == '\'') {
				if (i + 1 < filter.length() && filter.charAt(i + 1) == '\'') {
					i += 2;
					continue;
				}
				return i;
			}
			i++;
		}
		throw invalid("unterminated string literal");
	}

	private static GraphError invalid(String detail) {
		return GraphError.odataBadRequest("Invalid filter clause: " + detail + ".");
	}

	private static GraphError unsupported() {
		return GraphError.unsupportedQuery("Unsupported Query.");
	}

	/**
	 * The properties of one resource that can be filtered on, and with which operations.
	 *
	 * @param resourceName the resource name used in messages, e.g. Application
	 * @param declared every declared property of the resource
	 * @param operations filterable property to its operations (eq, startswith, any)
	 */
	record FilterableProperties(String resourceName, Set<String> declared, Map<String, Set<String>> operations) {

		void check(String property, String operation) {
			if (!this.declared.contains(property)) {
				throw GraphError.unsupportedQuery(
						"Property '" + property + "' does not exist as a declared property or extension property.");
			}
			if (!this.operations.getOrDefault(property, Set.of()).contains(operation)) {
				throw GraphError.unsupportedQuery("Unsupported or invalid query filter clause specified for property '"
						+ property + "' of resource '" + this.resourceName + "'.");
			}
		}

	}

}
