package io.dicomreg.sandbox.graph;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code $search} on directory objects as Graph documents it: clauses {@code "property:text"} in double quotes,
 * joined with upper-case {@code AND} and {@code OR} (AND binding tighter) and parentheses. On {@code displayName}
 * and {@code description} the search is tokenized: the value and the text are split into words at spaces, symbols,
 * digits and a change from lower to upper case, and every word of the text must begin a word of the value, in any
 * order and any case (no "contains"). Any other property the resource can filter on matches when its value starts
 * with the text, ignoring case.
 */
final class DirectorySearch {

	private static final Set<String> TOKENIZED = Set.of("displayName", "description");

	private final String text;

	private final FilterParser.FilterableProperties properties;

	private int position;

	private DirectorySearch(String text, FilterParser.FilterableProperties properties) {
		this.text = text;
		this.properties = properties;
	}

	/**
	 * Parses a $search value.
	 * @param search the value, e.g. {@code "displayName:dicom" OR "displayName:viewer"}
	 * @param properties what the resource can filter on (and so search)
	 * @return a predicate over Graph objects
	 * @throws GraphError 400 for a malformed value or a property that cannot be searched
	 */
	static Predicate<JsonNode> parse(String search, FilterParser.FilterableProperties properties) {
		DirectorySearch parser = new DirectorySearch(search.strip(), properties);
		Predicate<JsonNode> predicate = parser.or();
		parser.skipBlanks();
		if (parser.position != parser.text.length()) {
			throw invalid("unexpected '" + parser.text.substring(parser.position) + "'");
		}
		return predicate;
	}

	private Predicate<JsonNode> or() {
		Predicate<JsonNode> predicate = and();
		while (keyword("OR")) {
			predicate = predicate.or(and());
		}
		return predicate;
	}

	private Predicate<JsonNode> and() {
		Predicate<JsonNode> predicate = clause();
		while (keyword("AND")) {
			predicate = predicate.and(clause());
		}
		return predicate;
	}

	private Predicate<JsonNode> clause() {
		skipBlanks();
		if (peek('(')) {
			this.position++;
			Predicate<JsonNode> inner = or();
			skipBlanks();
			if (!peek(')')) {
				throw invalid("expected ')'");
			}
			this.position++;
			return inner;
		}
		if (!peek('"')) {
			throw invalid("each clause must be \"property:text\" in double quotes");
		}
		String clause = quoted();
		int colon = clause.indexOf(':');
		if (colon <= 0) {
			throw invalid("the clause \"" + clause + "\" names no property");
		}
		String property = clause.substring(0, colon);
		String value = clause.substring(colon + 1);
		if (TOKENIZED.contains(property) && this.properties.declared().contains(property)) {
			List<String> wanted = tokens(value);
			return (object) -> {
				JsonNode found = object.get(property);
				List<String> have = (found == null || found.isNull()) ? List.of() : tokens(found.asText());
				return wanted.stream().allMatch((word) -> have.stream().anyMatch((token) -> token.startsWith(word)));
			};
		}
		this.properties.check(property, "eq");
		String prefix = value.toLowerCase(Locale.ROOT);
		return (object) -> {
			JsonNode found = object.get(property);
			return found != null && !found.isNull() && found.asText().toLowerCase(Locale.ROOT).startsWith(prefix);
		};
	}

	/** A double-quoted clause, with {@code \"} and {@code \\} escapes. */
	private String quoted() {
		StringBuilder value = new StringBuilder();
		this.position++;
		while (this.position < this.text.length()) {
			char c = this.text.charAt(this.position++);
			if (c == '\\' && this.position < this.text.length()) {
				value.append(this.text.charAt(this.position++));
			}
			else if (c == '"') {
				return value.toString();
			}
			else {
				value.append(c);
			}
		}
		throw invalid("unterminated clause");
	}

	private boolean keyword(String keyword) {
		skipBlanks();
		if (this.text.startsWith(keyword, this.position)) {
			int end = this.position + keyword.length();
			if (end < this.text.length() && !Character.isWhitespace(this.text.charAt(end))
					&& this.text.charAt(end) != '"' && this.text.charAt(end) != '(') {
				return false;
			}
			this.position = end;
			return true;
		}
		return false;
	}

	private boolean peek(char c) {
		return this.position < this.text.length() && this.text.charAt(this.position) == c;
	}

	private void skipBlanks() {
		while (this.position < this.text.length() && Character.isWhitespace(this.text.charAt(this.position))) {
			this.position++;
		}
	}

	/**
	 * The words of a value as Graph's tokenized search sees them, lower case: split at spaces, between letters and
	 * digits, before an upper-case letter that follows a lower-case one, and around each symbol (kept as a word of
	 * its own); the words of a part joined only by symbols also count joined ({@code hello.world} gives
	 * {@code hello}, {@code .}, {@code world} and {@code helloworld}).
	 * @param value the value
	 * @return its words
	 */
	static List<String> tokens(String value) {
		Set<String> tokens = new LinkedHashSet<>();
		for (String part : value.strip().split("\\s+")) {
			if (part.isEmpty()) {
				continue;
			}
			StringBuilder word = new StringBuilder();
			StringBuilder joined = new StringBuilder();
			boolean symbols = false;
			for (int i = 0; i < part.length(); i++) {
				char c = part.charAt(i);
				if (!Character.isLetterOrDigit(c)) {
					flush(word, tokens);
					tokens.add(String.valueOf(c));
					symbols = true;
					continue;
				}
				if (word.length() > 0 && boundary(part.charAt(i - 1), c)) {
					flush(word, tokens);
				}
				word.append(c);
				joined.append(c);
			}
			flush(word, tokens);
			if (symbols && joined.length() > 0) {
				tokens.add(joined.toString().toLowerCase(Locale.ROOT));
			}
		}
		return new ArrayList<>(tokens);
	}

	private static boolean boundary(char previous, char current) {
		return (Character.isLowerCase(previous) && Character.isUpperCase(current))
				|| (Character.isDigit(previous) != Character.isDigit(current));
	}

	private static void flush(StringBuilder word, Set<String> tokens) {
		if (word.length() > 0) {
			tokens.add(word.toString().toLowerCase(Locale.ROOT));
			word.setLength(0);
		}
	}

	private static GraphError invalid(String detail) {
		return GraphError.odataBadRequest("Invalid $search clause: " + detail + ".");
	}

}
