package io.dicomreg.auth;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.dicomreg.error.DicomregException;
import io.dicomreg.error.Echo;
import io.dicomreg.error.Subject;

/**
 * The forms a tenant and a client ID take, checked before MSAL builds an authority from them: a
 * value of another form would otherwise reach Entra ID as a path segment and come back as an
 * unrelated sign-in error (or an HTML page), or make MSAL throw on an empty path segment.
 */
final class SignInNames {

	private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");

	/** A DNS name: labels of letters, digits and inner hyphens, at most 63 characters each, 253 in all. */
	private static final Pattern DOMAIN = Pattern
		.compile("(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*",
				Pattern.CASE_INSENSITIVE);

	/** The authorities Entra ID names rather than numbers. */
	private static final Set<String> NAMED = Set.of("organizations", "common", "consumers");

	/** A permission name (Graph's) or a whole scope of another API: letters, digits, dots, dashes, underscores. */
	private static final Pattern PERMISSION = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,119}");

	private static final Pattern SCOPE = Pattern.compile("https://[A-Za-z0-9.-]+(:[0-9]{1,5})?/([A-Za-z0-9._~-]+/)*"
			+ "[A-Za-z][A-Za-z0-9._-]{0,119}");

	private SignInNames() {
	}

	/**
	 * Checks a permission to consent to at sign-in: a Graph permission name such as
	 * DelegatedPermissionGrant.ReadWrite.All, or a whole https scope of another API.
	 * @throws DicomregException (usage) naming the permission otherwise
	 */
	static String permission(String permission) {
		if (permission != null && (PERMISSION.matcher(permission).matches() || SCOPE.matcher(permission).matches())) {
			return permission;
		}
		throw DicomregException.invalidNaming(Subject.SIGN_IN_PERMISSION, Echo.quoted(String.valueOf(permission))
				+ " given for {} is neither a Graph permission name such as DelegatedPermissionGrant.ReadWrite.All nor "
				+ "an API's scope such as https://management.azure.com/user_impersonation.");
	}

	/**
	 * Checks a tenant: a tenant ID (GUID), a domain name, or organizations, common or consumers.
	 * @throws DicomregException (usage) naming the tenant otherwise
	 */
	static String tenant(String tenant) {
		if (tenant == null || GUID.matcher(tenant).matches() || DOMAIN.matcher(tenant).matches()
				|| NAMED.contains(tenant.toLowerCase(Locale.ROOT))) {
			return tenant;
		}
		throw DicomregException.invalidNaming(Subject.TENANT, Echo.quoted(tenant) + " given for {} is neither a tenant "
				+ "ID (a GUID) nor a domain name such as contoso.onmicrosoft.com.");
	}

	/**
	 * Checks an application (client) ID: a GUID.
	 * @throws DicomregException (usage) naming the client ID otherwise
	 */
	static String clientId(String clientId) {
		if (clientId == null || GUID.matcher(clientId).matches()) {
			return clientId;
		}
		throw DicomregException.invalidNaming(Subject.CLIENT_ID, Echo.quoted(clientId) + " given for {} is no "
				+ "application (client) ID: that is a GUID such as 0f8fad5b-d9cb-469f-a165-70867728950e (see 'app ids').");
	}

}
