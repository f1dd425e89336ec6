package io.dicomreg.azure;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import com.microsoft.graph.models.ServicePrincipal;
import com.microsoft.graph.models.User;

import io.dicomreg.apps.AppRef;
import io.dicomreg.apps.ApplicationLocator;
import io.dicomreg.apps.ClientServicePrincipal;
import io.dicomreg.apps.Guids;
import io.dicomreg.apps.ServicePrincipalService;
import io.dicomreg.config.DryRun;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.Echo;
import io.dicomreg.error.Subject;
import io.dicomreg.error.TextRules;
import io.dicomreg.graph.GraphClientProvider;
import io.dicomreg.graph.GraphFailures;

/**
 * Finds the principal {@code --assignee} names, always as an object ID Azure RBAC accepts: an application (by display
 * name, client ID or object ID) becomes its service principal, never its application object ID (which Azure refuses
 * with PrincipalTypeNotSupported); a user is found by user principal name or object ID; a service principal by its
 * object ID. Without {@code --assignee}, the selected app's service principal.
 */
public class AssigneeResolver {

	/** The delegated Graph permission that reads other users' basic profiles, asked for only here. */
	private static final String USERS_PERMISSION = "User.ReadBasic.All";

	private static final String[] USER_FIELDS = { "id", "displayName", "userPrincipalName" };

	private final ApplicationLocator applications;

	private final ServicePrincipalService servicePrincipals;

	private final GraphClientProvider graph;

	public AssigneeResolver(ApplicationLocator applications, ServicePrincipalService servicePrincipals,
			GraphClientProvider graph) {
		this.applications = applications;
		this.servicePrincipals = servicePrincipals;
		this.graph = graph;
	}

	/**
	 * The principal {@code assignee} names, or the selected app's service principal when it is {@code null}.
	 * @throws DicomregException (usage) when nothing matches; (failure) when the app has no service principal
	 */
	public Assignee resolve(String assignee, DryRun plan) {
		if (assignee == null || assignee.isBlank()) {
			return ofApp(this.applications.resolve(null, plan));
		}
		String value = assignee.strip();
		TextRules.requirePlainText(Subject.ASSIGNEE, value);
		if (value.contains("@")) {
			return user(value).orElseThrow(() -> DicomregException.invalidNaming(Subject.ASSIGNEE, "No user "
					+ Echo.quoted(value) + " in this tenant. Check {}: a user principal name such as "
					+ "someone@contoso.onmicrosoft.com, or an app."));
		}
		if (Guids.isGuid(value)) {
			Optional<AppRef> app = app(value);
			if (app.isPresent()) {
				return ofApp(app.get());
			}
			return servicePrincipal(value).or(() -> user(value))
				.orElseThrow(() -> DicomregException.invalidNaming(Subject.ASSIGNEE, "Nothing in this tenant has the ID "
						+ value + ": no application (client or object ID), service principal or user. Check {}."));
		}
		return ofApp(this.applications.resolve(value, plan));
	}

	private Assignee ofApp(AppRef app) {
		if (app.planned()) {
			// A dry run that only planned the app: its service principal's ID is assigned when both are made.
			return new Assignee(null, "ServicePrincipal", app.displayName());
		}
		ClientServicePrincipal servicePrincipal = this.servicePrincipals.find(app)
			.orElseThrow(() -> DicomregException.failure("'" + app.displayName() + "' has no service principal, and Azure "
					+ "roles are assigned to one (its application object ID would be refused): run 'app sp create --app "
					+ app.appId() + "' first."));
		return new Assignee(servicePrincipal.objectId(), "ServicePrincipal", app.displayName());
	}

	private Optional<AppRef> app(String id) {
		try {
			return Optional.of(this.applications.resolve(id));
		}
		catch (DicomregException ex) {
			// Only "no such application" falls through to service principals and users; Graph failing is reported.
			if (ex.getExitCode() == io.dicomreg.error.ExitCode.USAGE) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	private Optional<Assignee> user(String id) {
		return lookUp(() -> {
			User user = this.graph.withPermissions(List.of(USERS_PERMISSION), () -> this.graph.client().users()
				.byUserId(id).get(get -> get.queryParameters.select = USER_FIELDS));
			return new Assignee(user.getId(), "User", (user.getUserPrincipalName() != null) ? user.getUserPrincipalName()
					: user.getDisplayName());
		});
	}

	private Optional<Assignee> servicePrincipal(String id) {
		return lookUp(() -> {
			ServicePrincipal found = this.graph.client().servicePrincipals().byServicePrincipalId(id)
				.get(get -> get.queryParameters.select = new String[] { "id", "displayName" });
			return new Assignee(found.getId(), "ServicePrincipal", found.getDisplayName());
		});
	}

	private static Optional<Assignee> lookUp(Supplier<Assignee> get) {
		try {
			return Optional.of(get.get());
		}
		catch (RuntimeException ex) {
			if (GraphFailures.isNotFound(ex)) {
				return Optional.empty();
			}
			throw GraphFailures.translate(ex, "Looking up the assignee");
		}
	}

}
