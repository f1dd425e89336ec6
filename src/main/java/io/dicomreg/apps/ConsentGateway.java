package io.dicomreg.apps;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import com.microsoft.graph.models.AppRoleAssignment;
import com.microsoft.graph.models.AppRoleAssignmentCollectionResponse;
import com.microsoft.graph.models.OAuth2PermissionGrant;
import com.microsoft.graph.models.OAuth2PermissionGrantCollectionResponse;
import com.microsoft.graph.models.odataerrors.ODataError;

import io.dicomreg.error.DicomregException;
import io.dicomreg.config.CommandScope;
import io.dicomreg.graph.GraphClientProvider;
import io.dicomreg.graph.GraphFailures;
import io.dicomreg.graph.PlannedWrite;

/**
 * Every read and write of consent in Microsoft Graph: the tenant-wide delegated permission grant
 * ({@code oAuth2PermissionGrant} with consentType AllPrincipals) of one client for one API, and the app role
 * assignments of a client service principal. Requests carry a token that also holds the Graph permission they need
 * (asked for only here), writes go behind the dry-run guard, and Graph's 403 says who may grant consent.
 */
public class ConsentGateway {

	/** The delegated Graph permission that reads and writes delegated permission grants. */
	static final String GRANTS_PERMISSION = "DelegatedPermissionGrant.ReadWrite.All";

	/** The delegated Graph permission that writes app role assignments. */
	static final String ASSIGNMENTS_PERMISSION = "AppRoleAssignment.ReadWrite.All";

	private static final String WHO_MAY = " Tenant-wide admin consent needs the Entra role Global Administrator or "
			+ "Privileged Role Administrator; Cloud Application Administrator or Application Administrator suffice for "
			+ "delegated permissions of any API and for application permissions of APIs other than Microsoft Graph (so "
			+ "for Azure API for DICOM).";

	private final GraphClientProvider graph;

	/** The grants found during a script, by client and API; every write of a grant forgets them. */
	private final CommandScope.Memo<String, OAuth2PermissionGrant> found;

	/** A gateway that asks Graph at every read. */
	public ConsentGateway(GraphClientProvider graph) {
		this(graph, new CommandScope());
	}

	/** A gateway that reads a grant once across the lines of a script, unless it writes one. */
	public ConsentGateway(GraphClientProvider graph, CommandScope scope) {
		this.graph = graph;
		this.found = scope.scriptMemo();
	}

	/** The tenant-wide (AllPrincipals) grant of the client service principal for the API's, if there is one. */
	public Optional<OAuth2PermissionGrant> allPrincipalsGrant(String clientId, String resourceId) {
		OAuth2PermissionGrant known = this.found.get(clientId + " " + resourceId);
		if (known != null) {
			return Optional.of(known);
		}
		Optional<OAuth2PermissionGrant> grant = readAllPrincipalsGrant(clientId, resourceId);
		grant.ifPresent(found -> this.found.put(clientId + " " + resourceId, found));
		return grant;
	}

	private Optional<OAuth2PermissionGrant> readAllPrincipalsGrant(String clientId, String resourceId) {
		return call(GRANTS_PERMISSION, "Reading the consent granted", () -> {
			OAuth2PermissionGrantCollectionResponse page = this.graph.client().oauth2PermissionGrants().get(get -> {
				get.queryParameters.filter = "clientId eq '" + clientId + "' and consentType eq 'AllPrincipals' and "
						+ "resourceId eq '" + resourceId + "'";
			});
			List<OAuth2PermissionGrant> grants = new ArrayList<>();
			while (page != null) {
				grants.addAll(page.getValue());
				page = (page.getOdataNextLink() != null)
						? this.graph.client().oauth2PermissionGrants().withUrl(page.getOdataNextLink()).get() : null;
			}
			return grants.stream().filter(grant -> "AllPrincipals".equals(grant.getConsentType())).findFirst();
		});
	}

	/** Creates the tenant-wide grant; empty in a dry run. */
	public Optional<OAuth2PermissionGrant> createGrant(String clientId, String resourceId, String scope, Change change) {
		this.found.evict(key -> true);
		OAuth2PermissionGrant body = new OAuth2PermissionGrant();
		body.setClientId(clientId);
		body.setConsentType("AllPrincipals");
		body.setResourceId(resourceId);
		body.setScope(scope);
		return write(GRANTS_PERMISSION, change, () -> this.graph.client().oauth2PermissionGrants()
			.post(body, post -> post.options.add(PlannedWrite.allowed())));
	}

	/** Sets the grant's scopes (all of them: Graph replaces the value); false in a dry run. */
	public boolean updateScope(String grantId, String scope, Change change) {
		this.found.evict(key -> true);
		OAuth2PermissionGrant body = new OAuth2PermissionGrant();
		body.setScope(scope);
		return write(GRANTS_PERMISSION, change, () -> {
			this.graph.client().oauth2PermissionGrants().byOAuth2PermissionGrantId(grantId)
				.patch(body, patch -> patch.options.add(PlannedWrite.allowed()));
			return true;
		}).isPresent();
	}

	/** Deletes the grant; false in a dry run. */
	public boolean deleteGrant(String grantId, Change change) {
		this.found.evict(key -> true);
		return write(GRANTS_PERMISSION, change, () -> {
			this.graph.client().oauth2PermissionGrants().byOAuth2PermissionGrantId(grantId)
				.delete(delete -> delete.options.add(PlannedWrite.allowed()));
			return true;
		}).isPresent();
	}

	/** The app roles assigned to the client service principal, of every API. */
	public List<AppRoleAssignment> appRoleAssignments(String clientId) {
		return call(ASSIGNMENTS_PERMISSION, "Reading the application permissions granted", () -> {
			AppRoleAssignmentCollectionResponse page = this.graph.client().servicePrincipals()
				.byServicePrincipalId(clientId).appRoleAssignments().get();
			List<AppRoleAssignment> assignments = new ArrayList<>();
			while (page != null) {
				assignments.addAll(page.getValue());
				page = (page.getOdataNextLink() != null) ? this.graph.client().servicePrincipals()
					.byServicePrincipalId(clientId).appRoleAssignments().withUrl(page.getOdataNextLink()).get() : null;
			}
			return assignments;
		});
	}

	/** Assigns the API's app role to the client service principal; empty in a dry run. */
	public Optional<AppRoleAssignment> assignAppRole(String clientId, String resourceId, String appRoleId, Change change) {
		AppRoleAssignment body = new AppRoleAssignment();
		body.setPrincipalId(UUID.fromString(clientId));
		body.setResourceId(UUID.fromString(resourceId));
		body.setAppRoleId(UUID.fromString(appRoleId));
		return write(ASSIGNMENTS_PERMISSION, change, () -> this.graph.client().servicePrincipals()
			.byServicePrincipalId(resourceId).appRoleAssignedTo().post(body, post -> post.options.add(PlannedWrite.allowed())));
	}

	/** Removes one app role assignment; false in a dry run. */
	public boolean removeAppRole(String resourceId, String assignmentId, Change change) {
		return write(ASSIGNMENTS_PERMISSION, change, () -> {
			this.graph.client().servicePrincipals().byServicePrincipalId(resourceId).appRoleAssignedTo()
				.byAppRoleAssignmentId(assignmentId).delete(delete -> delete.options.add(PlannedWrite.allowed()));
			return true;
		}).isPresent();
	}

	private <T> Optional<T> write(String permission, Change change, Supplier<T> request) {
		if (change.plan().skip(change.planned())) {
			return Optional.empty();
		}
		return Optional.of(call(permission, change.doing(), request));
	}

	private <T> T call(String permission, String doing, Supplier<T> request) {
		try {
			return this.graph.withPermissions(List.of(permission), request);
		}
		catch (RuntimeException ex) {
			RuntimeException translated = GraphFailures.translate(ex, doing);
			if (deniedByGraph(ex) && translated instanceof DicomregException failure) {
				return rethrow(DicomregException.service(failure.getMessage() + WHO_MAY, failure.getRequestId(), ex));
			}
			throw translated;
		}
	}

	private static <T> T rethrow(RuntimeException failure) {
		throw failure;
	}

	/**
	 * Whether {@code failure} is Graph's 409: the AllPrincipals grant of that client and API exists already (made
	 * meanwhile, or not yet visible to the read before).
	 */
	static boolean grantExists(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof ODataError error) {
				return error.getResponseStatusCode() == 409;
			}
		}
		return false;
	}

	private static boolean deniedByGraph(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof ODataError error) {
				return error.getResponseStatusCode() == 403 && error.getError() != null
						&& "Authorization_RequestDenied".equals(error.getError().getCode());
			}
		}
		return false;
	}

}
