package io.dicomreg.sandbox.arm;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dicomreg.sandbox.directory.RoleAssignment;

/**
 * The {@code $filter} of a role assignment list, with ARM's meaning: none lists the assignments at, above and below
 * the scope; {@code atScope()} those at or above it; {@code principalId eq '{id}'} or {@code assignedTo('{id}')}
 * those of one principal at, above or below it (the sandbox has no groups, so the two are the same); and
 * {@code atScope() and assignedTo('{id}')} (or {@code principalId eq}) those of one principal at or above it.
 *
 * @param atOrAboveOnly whether assignments below the scope are left out
 * @param principalId the principal asked for, or null for all
 */
record RoleAssignmentFilter(boolean atOrAboveOnly, String principalId) {

	private static final String VALUE = "'([^']*)'";

	private static final Pattern PRINCIPAL = Pattern
		.compile("^(?:principalId\\s+eq\\s+" + VALUE + "|assignedTo\\(\\s*" + VALUE + "\\s*\\))$", Pattern.CASE_INSENSITIVE);

	private static final Pattern AT_SCOPE = Pattern.compile("^atScope\\(\\s*\\)$", Pattern.CASE_INSENSITIVE);

	private static final Pattern AND = Pattern.compile("\\s+and\\s+", Pattern.CASE_INSENSITIVE);

	/**
	 * Reads a filter.
	 * @param filter the {@code $filter} value, or null
	 * @return the filter
	 * @throws ArmError 400 UnsupportedQuery for any other filter
	 */
	static RoleAssignmentFilter parse(String filter) {
		if (filter == null || filter.isBlank()) {
			return new RoleAssignmentFilter(false, null);
		}
		String[] parts = AND.split(filter.strip());
		if (parts.length == 1 && AT_SCOPE.matcher(parts[0]).matches()) {
			return new RoleAssignmentFilter(true, null);
		}
		if (parts.length == 1 && PRINCIPAL.matcher(parts[0]).matches()) {
			return new RoleAssignmentFilter(false, principal(parts[0]));
		}
		if (parts.length == 2 && AT_SCOPE.matcher(parts[0]).matches() && PRINCIPAL.matcher(parts[1]).matches()) {
			return new RoleAssignmentFilter(true, principal(parts[1]));
		}
		throw ArmError.badRequest("UnsupportedQuery", "The filter '" + filter + "' is not supported. Supported "
				+ "filters are either 'atScope()' or 'principalId eq '{value}' or assignedTo('{value}')'.");
	}

	/**
	 * Whether an assignment is listed at a scope.
	 * @param assignment the assignment
	 * @param scopeId the scope of the list
	 * @return true when it is listed
	 */
	boolean matches(RoleAssignment assignment, String scopeId) {
		boolean related = Scope.isAtOrAbove(assignment.scope(), scopeId)
				|| (!this.atOrAboveOnly && Scope.isAtOrAbove(scopeId, assignment.scope()));
		return related && (this.principalId == null || this.principalId.equalsIgnoreCase(assignment.principalId()));
	}

	private static String principal(String clause) {
		Matcher matcher = PRINCIPAL.matcher(clause);
		matcher.matches();
		return (matcher.group(1) != null) ? matcher.group(1) : matcher.group(2);
	}

}
