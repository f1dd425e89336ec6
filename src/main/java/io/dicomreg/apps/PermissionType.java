package io.dicomreg.apps;

/**
 * The two kinds of API permission: delegated (a scope, used on behalf of a signed-in user) and
 * application (an app role, used by the application itself).
 */
public enum PermissionType {

	/** A delegated permission: {@code type} {@code Scope}, from {@code oauth2PermissionScopes}. */
	DELEGATED("Scope", "delegated"),

	/** An application permission: {@code type} {@code Role}, from {@code appRoles}. */
	APPLICATION("Role", "application");

	private final String graphType;

	private final String label;

	PermissionType(String graphType, String label) {
		this.graphType = graphType;
		this.label = label;
	}

	/** The {@code type} of a {@code resourceAccess} entry in Graph. */
	public String graphType() {
		return this.graphType;
	}

	/** The word the portal uses: delegated or application. */
	public String label() {
		return this.label;
	}

	/** The kind a {@code resourceAccess} {@code type} names ({@code Role}, else delegated). */
	static PermissionType ofGraphType(String graphType) {
		return APPLICATION.graphType.equalsIgnoreCase(graphType) ? APPLICATION : DELEGATED;
	}

	@Override
	public String toString() {
		return this.label;
	}

}
