package io.dicomreg.sandbox.graph;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.directory.Json;
import io.dicomreg.sandbox.directory.StoredApplication;
import io.dicomreg.sandbox.directory.Tenant;

/**
 * The checks Graph makes on an application as a whole, after a create or update has been applied to it.
 */
final class ApplicationRules {

	static final Set<String> SIGN_IN_AUDIENCES = Set.of("AzureADMyOrg", "AzureADMultipleOrgs",
			"AzureADandPersonalMicrosoftAccount", "PersonalMicrosoftAccount");

	private static final int MAX_DISPLAY_NAME = 256;

	private ApplicationRules() {
	}

	static void check(Tenant tenant, ObjectNode application) {
		String displayName = Json.text(application, "displayName");
		if (displayName == null || displayName.isBlank() || displayName.length() > MAX_DISPLAY_NAME) {
			throw GraphError.invalidValue("displayName", "Application");
		}
		String audience = Json.text(application, "signInAudience");
		if (!SIGN_IN_AUDIENCES.contains(audience)) {
			throw GraphError.invalidValue("signInAudience", "Application");
		}
		if (ApplicationDefaults.hasPersonalAccounts(audience)
				&& application.path("api").path("requestedAccessTokenVersion").asInt(0) != 2) {
			throw GraphError.badRequest("Property api.requestedAccessTokenVersion is invalid.");
		}
		RedirectUriRules.check(application);
		ResourceAccessRules.check(tenant, application);
		checkIdentifierUris(tenant, application);
	}

	private static void checkIdentifierUris(Tenant tenant, ObjectNode application) {
		for (JsonNode identifierUri : application.path("identifierUris")) {
			String uri = identifierUri.asText();
			if (!isAbsolute(uri) || uri.contains("#")) {
				throw GraphError.invalidValue("identifierUris", "Application");
			}
			for (StoredApplication other : tenant.applications()) {
				if (!other.objectId().equals(Json.text(application, "id")) && contains(other, uri)) {
					throw GraphError.badRequest("Another object with the same value for property identifierUris "
							+ "already exists.");
				}
			}
		}
	}

	private static boolean contains(StoredApplication application, String uri) {
		for (JsonNode existing : application.object().path("identifierUris")) {
			if (existing.asText().equalsIgnoreCase(uri)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isAbsolute(String uri) {
		try {
			return new URI(uri).getScheme() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
