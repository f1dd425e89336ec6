package io.dicomreg.sandbox.identity;

import java.util.List;
import java.util.Optional;

import io.dicomreg.sandbox.SandboxDirectory;
import io.dicomreg.sandbox.directory.StoredApplication;
import io.dicomreg.sandbox.directory.Tenant;

/**
 * A client application as sign-in sees it: one of the tenant's applications or a first-party app.
 *
 * @param appId the client_id
 * @param displayName the display name
 * @param application the tenant's application object, empty for a first-party app
 * @param firstPartyPublicClient whether it is a first-party public client (the Graph command line tools)
 */
record ClientApp(String appId, String displayName, Optional<StoredApplication> application,
		boolean firstPartyPublicClient) {

	/**
	 * Resolves a client_id in the tenant.
	 * @param tenant the tenant
	 * @param appId the client_id
	 * @return the client
	 * @throws IdentityError AADSTS700016 when no such application exists
	 */
	static ClientApp resolve(Tenant tenant, String appId) {
		Optional<StoredApplication> application = tenant.applicationByAppId(appId);
		if (application.isPresent()) {
			return new ClientApp(application.get().appId(), application.get().displayName(), application, false);
		}
		if (SandboxDirectory.GRAPH_CLI_APP_ID.equalsIgnoreCase(appId)) {
			return new ClientApp(SandboxDirectory.GRAPH_CLI_APP_ID, SandboxDirectory.GRAPH_CLI_DISPLAY_NAME,
					Optional.empty(), true);
		}
		throw IdentityError.unknownClient(appId, SandboxDirectory.TENANT_DISPLAY_NAME);
	}

	/**
	 * Whether flows without a redirect URI (device code) may run without a client credential.
	 * @return true for public clients
	 */
	boolean allowsPublicFlows() {
		return this.firstPartyPublicClient || this.application.map(StoredApplication::isFallbackPublicClient).orElse(false);
	}

	List<String> registeredRedirectUris(String platform) {
		return this.application.map((app) -> app.redirectUris(platform)).orElse(List.of());
	}

}
